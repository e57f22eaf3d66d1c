package dev.warden.rules.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.testing.RuleFixture;
import org.junit.jupiter.api.Test;

class EventInjectionTest {

  private final RuleFixture fixture = RuleFixture.of(new EventInjection());

  @Test
  void flagsEventDataInShellsAndUnsafeLoadersAcrossFunctions() {
    RuleFixture.Result result = fixture.load("positive.yaml");
    assertThat(result.findings())
        .extracting(f -> f.functionName().orElseThrow() + " " + f.location().line())
        .containsExactlyInAnyOrder(
            "PythonFn 8", "PythonFn 13", "PythonFn 20", "PythonFn 21", "NodeFn 5");
    assertThat(result.findings())
        .filteredOn(
            f -> f.functionName().orElseThrow().equals("PythonFn") && f.location().line() == 13)
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("event → body → yaml.load");
    assertThat(result.findings())
        .filteredOn(f -> f.functionName().orElseThrow().equals("NodeFn"))
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL);
  }

  @Test
  void ignoresArgumentListsAndSafeLoaders() {
    fixture.load("negative.yaml").assertNoFindings();
  }

  @Test
  void flagsOperatorsInNoSqlQueriesPartiQlAndXmlWithExternalEntities() {
    RuleFixture.Result result = fixture.load("datastores.yaml");
    assertThat(result.findings())
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("users.find_one (nosql)"))
        .anySatisfy(m -> assertThat(m).contains("etree.fromstring (xxe)"))
        .anySatisfy(m -> assertThat(m).contains("(…).execute_statement (sql)"))
        .anySatisfy(m -> assertThat(m).contains("event → filter → (…).findOne"))
        .anySatisfy(m -> assertThat(m).contains("libxmljs.parseXml (xxe)"));
    assertThat(result.findings())
        .extracting(f -> f.functionName().orElseThrow() + " " + f.location().line())
        .containsExactlyInAnyOrder(
            "StorePy 10", "StorePy 11", "StorePy 12", "StoreJs 7", "StoreJs 8", "StoreJs 14");
    assertThat(result.findings())
        .filteredOn(f -> !f.message().contains("(command)"))
        .allMatch(f -> f.severity() == Severity.MEDIUM);
    assertThat(result.findings())
        .filteredOn(f -> f.message().contains("spawn (command)"))
        .as("spawn with a shell, not spawn with an argument list")
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void ignoresConstantQueriesDefaultXmlParsersAndArrayFind() {
    fixture.load("datastores-safe.yaml").assertNoFindings();
  }

  @Test
  void followsTheEventThroughAJavaHandlerAndItsOwnMethods() {
    RuleFixture.Result result = fixture.load("java.yaml");
    assertThat(result.findings())
        .extracting(f -> f.functionName().orElseThrow() + " " + f.location().line())
        .as("the safe handler uses an argument list, a guarded parser and a prepared statement")
        .containsExactly("JavaFn 21", "JavaFn 22", "JavaFn 24", "JavaFn 33");
    assertThat(result.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m -> assertThat(m).contains("Runtime.getRuntime().exec (command): event → name"))
        .anySatisfy(m -> assertThat(m).contains("new ObjectInputStream (deserialisation)"))
        .anySatisfy(m -> assertThat(m).contains("(xxe)"))
        .anySatisfy(
            m -> assertThat(m).contains("(sql): event → name → customer → statement.executeQuery"));
  }
}
