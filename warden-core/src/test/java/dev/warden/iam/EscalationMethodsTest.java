package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each published privilege-escalation method against a policy that enables it and a near miss that
 * does not (PassRole to another service, a Deny, a missing action, a resource of the wrong type):
 * fixtures in {@code escalation-methods.json}.
 */
class EscalationMethodsTest {

  private static final List<Value.Obj> FIXTURES = fixtures();

  @Test
  void everyMethodHasAFixture() {
    List<String> methods = EscalationMethods.ALL.stream().map(m -> m.name()).toList();
    List<String> fixtures =
        FIXTURES.stream().map(f -> f.text("method").orElseThrow().toString()).toList();
    assertThat(fixtures).containsExactlyElementsOf(methods);
    assertThat(methods).hasSizeGreaterThanOrEqualTo(75).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicTest> aPolicyThatEnablesAMethodIsReportedWithItsStatements() {
    return FIXTURES.stream()
        .map(
            fixture -> {
              String method = fixture.text("method").orElseThrow().toString();
              return dynamicTest(
                  method,
                  () -> {
                    Value policy = fixture.get("positive").orElseThrow();
                    Optional<Risk> risk = escalation(policy, method);
                    assertThat(risk).as(method).isPresent();
                    int first = policy.at().line();
                    assertThat(risk.get().statements())
                        .isNotEmpty()
                        .allSatisfy(
                            ref -> assertThat(ref.statement().at().line()).isEqualTo(first));
                    EscalationMethods.ALL.stream()
                        .filter(m -> m.name().equals(method))
                        .findFirst()
                        .ifPresent(
                            m ->
                                assertThat(risk.get().actions())
                                    .containsExactlyInAnyOrderElementsOf(canonical(m.actions())));
                  });
            });
  }

  @TestFactory
  Stream<DynamicTest> aNearMissIsNotReported() {
    return FIXTURES.stream()
        .map(
            fixture -> {
              String method = fixture.text("method").orElseThrow().toString();
              Value.Obj nearMiss = fixture.obj("nearMiss").orElseThrow();
              String why = nearMiss.text("why").orElseThrow().toString();
              return dynamicTest(
                  method + ": " + why,
                  () ->
                      assertThat(escalation(nearMiss.get("policy").orElseThrow(), method))
                          .as(why)
                          .isEmpty());
            });
  }

  private static Optional<Risk> escalation(Value policy, String method) {
    PolicyParser.Parsed parsed = PolicyParser.parse(policy, PolicyType.IDENTITY);
    assertThat(parsed.hasErrors()).as("fixture policy errors: %s", parsed.problems()).isFalse();
    PermissionAnalysis analysis =
        PermissionAnalysis.of(Policies.CATALOG, List.of(parsed.document()), Optional.empty());
    return analysis.risks().stream()
        .filter(r -> r.type() == RiskType.PRIVILEGE_ESCALATION && r.method().equals(method))
        .findFirst();
  }

  /** Action names as the catalog spells them (the catalogue writes them as AWS documents). */
  private static List<String> canonical(List<String> actions) {
    List<String> names = new ArrayList<>();
    for (String action : actions) {
      names.add(Policies.CATALOG.action(action).map(IamAction::fullName).orElse(action));
    }
    return names;
  }

  private static List<Value.Obj> fixtures() {
    try (InputStream in =
        EscalationMethodsTest.class.getResourceAsStream("escalation-methods.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Value root =
          new DocumentReader(ReadLimits.DEFAULT)
              .parse(new SourceFile("escalation-methods.json", text))
              .root();
      return ((Value.Seq) root).items().stream().map(v -> (Value.Obj) v).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
