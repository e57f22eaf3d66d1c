package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.rules.Finding;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleCatalog;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleEngine;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A rule against its fixtures: templates in a folder named after the rule's class, beside it in the
 * test resources ({@code dev/warden/rules/iam/AdminExecutionRole/positive.yaml}). Findings are
 * named by their function, or, for a finding about an API or a resource, by the key at its line.
 */
public final class RuleFixture {

  /** The day the fixtures are checked on, so that dates in rules give the same answer always. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

  private final Rule rule;
  private final java.util.Optional<String> advisories;

  private RuleFixture(Rule rule, java.util.Optional<String> advisories) {
    this.rule = rule;
    this.advisories = advisories;
  }

  public static RuleFixture of(Rule rule) {
    return new RuleFixture(rule, java.util.Optional.empty());
  }

  /**
   * The same fixture, run with an advisory database imported from the OSV records in {@code folder}
   * (relative to the rule's fixture folder).
   */
  public RuleFixture withAdvisories(String folder) {
    return new RuleFixture(rule, java.util.Optional.of(folder));
  }

  /** The folder of the rule's fixtures on the test class path. */
  public static Path folder(Class<?> ruleClass) {
    String name = ruleClass.getName().replace('.', '/');
    URL url = ruleClass.getClassLoader().getResource(name);
    if (url == null) {
      throw new AssertionError("no fixture folder " + name + " in the test resources");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads one fixture and runs the rule alone on it. Files that only make sense beside it (the IAM
   * policies of Google Cloud functions) are in a folder named after it: {@code positive.with/}.
   */
  public Result load(String fixture) {
    Path file = folder(rule.getClass()).resolve(fixture);
    Path with = file.resolveSibling(fixture.substring(0, fixture.lastIndexOf('.')) + ".with");
    List<Path> inputs = Files.isDirectory(with) ? List.of(file, with) : List.of(file);
    Inventory inventory =
        new InventoryLoader(new ScanRequest(inputs, Map.of(), ReadLimits.DEFAULT)).load();
    assertThat(inventory.problems()).as("problems reading fixture " + fixture).isEmpty();
    if (advisories.isEmpty()) {
      return new Result(file, run(inventory, file, java.util.Optional.empty()));
    }
    try {
      Path database = Files.createTempFile("warden-fixture-", ".db");
      try {
        AdvisoryDatabase.importFrom(
            List.of(file.getParent().resolve(advisories.get())), database, false);
        try (AdvisoryDatabase opened = AdvisoryDatabase.open(database)) {
          return new Result(
              file, run(inventory, file, java.util.Optional.of(new DependencyAudit(opened))));
        }
      } finally {
        Files.deleteIfExists(database);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Finding> run(
      Inventory inventory, Path file, java.util.Optional<DependencyAudit> audit) {
    return new RuleEngine(RuleCatalog.of(List.of(rule)))
        .run(
            inventory,
            new RuleContext(inventory, CLOCK, java.util.Optional.of(file.getParent()), audit));
  }

  /** The findings of one fixture. */
  public static final class Result {
    private final Path file;
    private final List<Finding> findings;

    Result(Path file, List<Finding> findings) {
      this.file = file;
      this.findings = findings;
    }

    public List<Finding> findings() {
      return findings;
    }

    /** Fails on a missing finding and on an extra one, showing the fixture with findings marked. */
    public Result assertFindingsExactly(String... names) {
      List<String> lines = lines();
      TreeSet<String> found = new TreeSet<>();
      for (Finding finding : findings) {
        found.add(name(finding, lines));
      }
      assertThat(found)
          .as("findings in %s:%n%s", file.getFileName(), marked(lines))
          .containsExactlyInAnyOrder(names);
      return this;
    }

    public Result assertNoFindings() {
      return assertFindingsExactly();
    }

    /** The message of the finding about {@code name}. */
    public String message(String name) {
      List<String> lines = lines();
      return findings.stream()
          .filter(f -> name(f, lines).equals(name))
          .map(Finding::message)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no finding about " + name));
    }

    private static String name(Finding finding, List<String> lines) {
      if (finding.functionName().isPresent()) {
        return finding.functionName().get();
      }
      int line = finding.location().line();
      if (line < 1 || line > lines.size()) {
        return finding.location().toString();
      }
      String text = lines.get(line - 1).trim();
      int colon = text.indexOf(':');
      return (colon > 0 ? text.substring(0, colon) : text).replace("\"", "").trim();
    }

    private String marked(List<String> lines) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        StringBuilder line = new StringBuilder(String.format("%4d  %s", i + 1, lines.get(i)));
        for (Finding finding : findings) {
          if (finding.location().line() == i + 1) {
            line.append("    <<< ")
                .append(finding.rule().id())
                .append(' ')
                .append(finding.message());
          }
        }
        out.add(line.toString());
      }
      return String.join("\n", out);
    }

    private List<String> lines() {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
