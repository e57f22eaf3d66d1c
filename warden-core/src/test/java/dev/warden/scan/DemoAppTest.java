package dev.warden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.rules.Category;
import dev.warden.testing.Golden;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Repo;
import dev.warden.testing.RuleFixture;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo app is what users try first and the end-to-end fixture of every analysis. */
class DemoAppTest {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final Path GOLDEN = Repo.path("warden-core/src/test/resources/dev/warden/demo");
  private static final ScanResult RESULT = Scan.run(ScanRequest.of(DEMO), RuleFixture.CLOCK);

  /** Trigger kinds of AWS that the loaders produce; the demo must show each one. */
  private static final Set<TriggerKind> AWS_KINDS =
      EnumSet.of(
          TriggerKind.HTTP,
          TriggerKind.SCHEDULE,
          TriggerKind.FUNCTION_URL,
          TriggerKind.S3,
          TriggerKind.SQS,
          TriggerKind.SNS,
          TriggerKind.KINESIS,
          TriggerKind.DYNAMODB_STREAM,
          TriggerKind.EVENTBRIDGE,
          TriggerKind.IOT,
          TriggerKind.COGNITO,
          TriggerKind.CODECOMMIT,
          TriggerKind.ALEXA,
          TriggerKind.MQ,
          TriggerKind.MSK,
          TriggerKind.KAFKA,
          TriggerKind.DOCUMENTDB,
          TriggerKind.CLOUDWATCH_LOGS,
          TriggerKind.STEP_FUNCTIONS,
          TriggerKind.APPSYNC,
          TriggerKind.LOAD_BALANCER,
          TriggerKind.LAMBDA);

  @Test
  void hasAtLeastEightFunctionsInPythonNodeAndJavaWithLockfiles() throws IOException {
    List<ServerlessFunction> functions = RESULT.inventory().functions().toList();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(8);
    assertThat(
            functions.stream()
                .map(f -> f.runtime().orElse("").replaceAll("[0-9.x]+$", ""))
                .collect(Collectors.toSet()))
        .contains("python", "nodejs", "java");
    try (var files = Files.walk(DEMO.resolve("src"))) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .contains("requirements.txt", "package-lock.json", "pom.xml");
    }
  }

  @Test
  void showsEveryTriggerKindTheLoadersKnow() {
    Set<TriggerKind> present =
        RESULT
            .inventory()
            .functions()
            .flatMap(f -> f.triggers().stream())
            .map(Trigger::kind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(TriggerKind.class)));
    assertThat(present).containsAll(AWS_KINDS);
  }

  @Test
  void loadsWithoutInputProblems() {
    assertThat(RESULT.inventory().problems()).isEmpty();
  }

  /** A row of the README's table of planted weaknesses. */
  record Weakness(String function, String category, String file, int line, String text) {}

  private static List<Weakness> plantedWeaknesses() throws IOException {
    Pattern row =
        Pattern.compile(
            "^\\| \\d+ \\| ([^|]+) \\| ([a-z-]+) \\| ([^|:]+):(\\d+) \\| `([^`]+)` \\|.*$");
    List<Weakness> weaknesses = new ArrayList<>();
    for (String line : Files.readAllLines(DEMO.resolve("README.md"))) {
      Matcher matcher = row.matcher(line);
      if (matcher.matches()) {
        weaknesses.add(
            new Weakness(
                matcher.group(1).trim(),
                matcher.group(2),
                matcher.group(3).trim(),
                Integer.parseInt(matcher.group(4)),
                matcher.group(5)));
      }
    }
    return weaknesses;
  }

  @Test
  void theReadmeListsAWeaknessOfEveryCategory() throws IOException {
    Set<String> categories =
        plantedWeaknesses().stream()
            .map(Weakness::category)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>();
    for (Category category : Category.values()) {
      if (category != Category.INPUT_ERROR) {
        expected.add(category.wireName());
      }
    }
    assertThat(categories).isEqualTo(expected);
  }

  @Test
  void everyPlantedWeaknessIsWhereTheReadmeSays() throws IOException {
    List<Weakness> weaknesses = plantedWeaknesses();
    assertThat(weaknesses).hasSizeGreaterThanOrEqualTo(30);
    Set<String> functions =
        RESULT
            .inventory()
            .functions()
            .map(ServerlessFunction::logicalId)
            .collect(Collectors.toSet());
    for (Weakness weakness : weaknesses) {
      List<String> lines = Files.readAllLines(DEMO.resolve(weakness.file()));
      assertThat(lines.get(weakness.line() - 1)).as(weakness.toString()).contains(weakness.text());
      for (String function : weakness.function().split(",\\s*", -1)) {
        if (function.endsWith("Function")) {
          assertThat(functions).as(weakness.toString()).contains(function);
        }
      }
    }
  }

  /** How far a finding may sit from the line the README names (the rule may point at the key). */
  private static final int LINE_TOLERANCE = 12;

  @Test
  void everyWeaknessPlantedInTheTemplateAndTheCodeIsReportedWithItsFunctionAndCategory()
      throws IOException {
    List<Weakness> planted =
        plantedWeaknesses().stream()
            .filter(
                w ->
                    w.file().equals("template.yaml")
                        || (w.file().startsWith("src/")
                            && (w.category().equals("event-injection")
                                || w.category().equals("data-exposure"))))
            .toList();
    assertThat(unreported(RESULT, planted))
        .as("planted weaknesses Warden does not report")
        .isEmpty();
    assertThat(planted.size()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void everyPlantedPackageIsReportedWhenTheDemoAdvisoriesAreImported(@TempDir Path temp)
      throws Exception {
    Path database = temp.resolve("advisories.db");
    AdvisoryDatabase.importFrom(List.of(DEMO.resolve("advisories")), database, false);
    ScanResult result =
        Scan.run(
            ScanRequest.of(DEMO),
            RuleFixture.CLOCK,
            ScanOptions.defaults().withAdvisoryDatabase(database));
    List<Weakness> planted =
        plantedWeaknesses().stream()
            .filter(
                w ->
                    w.category().equals("vulnerable-dependency")
                        || (w.category().equals("supply-chain") && w.file().startsWith("src/")))
            .toList();
    assertThat(planted).hasSizeGreaterThanOrEqualTo(8);
    assertThat(unreported(result, planted)).as("planted packages Warden does not report").isEmpty();
    assertThat(unreported(RESULT, planted))
        .as("without a database only the unpinned manifest is found")
        .hasSize(planted.size() - 1);
    assertThat(result.advisories().status(RuleFixture.CLOCK)).isIn("current", "stale");
    assertThat(RESULT.advisories().status(RuleFixture.CLOCK)).isEqualTo("missing");
  }

  /** The planted weaknesses the result does not report with their function, category and line. */
  private static List<String> unreported(ScanResult result, List<Weakness> planted) {
    List<String> missing = new ArrayList<>();
    for (Weakness weakness : planted) {
      for (String name : weakness.function().split(",\\s*", -1)) {
        boolean reported =
            result.findings().stream()
                .anyMatch(
                    f ->
                        f.rule().category().wireName().equals(weakness.category())
                            && (f.functionName().map(name::equals).orElse(false)
                                || (f.functionName().isEmpty()
                                    && f.resource().map(name::equals).orElse(false)))
                            && f.location().file().equals(weakness.file())
                            && Math.abs(f.location().line() - weakness.line()) <= LINE_TOLERANCE);
        if (!reported) {
          missing.add(
              name + " " + weakness.category() + " " + weakness.file() + ":" + weakness.line());
        }
      }
    }
    return missing;
  }

  @Test
  void theReportMatchesItsGoldenFileAndTheSchema() throws IOException {
    StringWriter report = new StringWriter();
    new JsonReportWriter().writeReport(RESULT, report);
    JsonSchemas.assertValid("report-v1.schema.json", report.toString());
    Golden.assertMatches(GOLDEN.resolve("acme-shop.report.golden.json"), report.toString());
  }

  @Test
  void theInventoryMatchesItsGoldenFileAndTheSchema() throws IOException {
    StringWriter inventory = new StringWriter();
    new JsonReportWriter().writeInventory(RESULT.inventory(), inventory);
    JsonSchemas.assertValid("inventory-v1.schema.json", inventory.toString());
    Golden.assertMatches(GOLDEN.resolve("acme-shop.inventory.golden.json"), inventory.toString());
  }

  @Test
  void theOutputIsTheSameOnEveryRun() throws IOException {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    new JsonReportWriter().writeReport(RESULT, first);
    new JsonReportWriter().writeReport(Scan.run(ScanRequest.of(DEMO), RuleFixture.CLOCK), second);
    assertThat(second.toString()).isEqualTo(first.toString());
  }
}
