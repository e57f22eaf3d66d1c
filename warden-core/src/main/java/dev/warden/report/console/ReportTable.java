package dev.warden.report.console;

import dev.warden.deps.osv.DatabaseState;
import dev.warden.iam.BundledData;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.report.WardenVersion;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.ScanResult;
import dev.warden.score.FleetSummary;
import dev.warden.score.RiskScore;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scan report for a terminal. It opens with the fleet summary, then goes function by function,
 * riskiest first: the score and why, then each finding with its place and fix. Findings about an
 * app rather than a function (APIs, CORS) follow. {@code quiet} keeps only the summary and one line
 * per finding.
 */
public final class ReportTable {

  private final Clock clock;
  private final Style style;
  private final boolean quiet;

  /** A plain, full report that tells the age of the bundled data as of today. */
  public ReportTable() {
    this(Clock.systemUTC(), Style.PLAIN, false);
  }

  public ReportTable(Clock clock, Style style, boolean quiet) {
    this.clock = clock;
    this.style = style;
    this.quiet = quiet;
  }

  public void write(ScanResult result, Writer out) throws IOException {
    FleetSummary summary = result.summary();
    out.write(
        style.bold(WardenVersion.NAME + " " + WardenVersion.VERSION)
            + ": "
            + summary.headline()
            + "\n");
    if (!quiet) {
      out.write(style.dim("Not analysed yet: " + String.join("; ", summary.notAnalysed())) + "\n");
    }
    for (ServerlessFunction function : result.functionsByRisk()) {
      List<Finding> findings = visible(result.findingsOf(function));
      RiskScore score = result.score(function);
      if (quiet && findings.isEmpty()) {
        continue;
      }
      out.write("\n");
      out.write(
          style.level(
                  score.level(),
                  String.format(
                      Locale.ROOT,
                      "%3d %-8s",
                      score.score(),
                      score.level().wireName().toUpperCase(Locale.ROOT)))
              + " "
              + style.bold(function.logicalId())
              + "  "
              + describe(function)
              + "  "
              + style.dim(function.declaredAt().toString())
              + "\n");
      if (!quiet) {
        for (String reason : score.reasons()) {
          out.write("             " + style.dim(reason) + "\n");
        }
      }
      for (Finding finding : findings) {
        finding(out, finding);
      }
    }
    List<Finding> appFindings =
        visible(result.findings().stream().filter(f -> f.functionId().isEmpty()).toList());
    if (!appFindings.isEmpty()) {
      out.write("\n" + style.bold("Apps and APIs") + "\n");
      for (Finding finding : appFindings) {
        finding(out, finding);
      }
    }
    out.write("\n" + totals(summary) + "\n");
    if (!quiet) {
      out.write(dataLine(clock));
    }
    out.write(advisoryLine(result.advisories()));
    out.flush();
  }

  private void finding(Writer out, Finding finding) throws IOException {
    out.write(
        "  "
            + style.severity(
                finding.severity(),
                String.format(Locale.ROOT, "%-8s", finding.severity().wireName()))
            + " "
            + String.format(Locale.ROOT, "%-13s", finding.rule().id())
            + " "
            + finding.location()
            + "  "
            + finding.rule().category().wireName()
            + "\n");
    out.write("           " + finding.message() + "\n");
    if (!quiet) {
      out.write("           " + style.dim("fix: " + finding.rule().remediation()) + "\n");
    }
  }

  /** Suppressed findings are counted in the totals, not listed. */
  private static List<Finding> visible(List<Finding> findings) {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  private String totals(FleetSummary summary) {
    StringBuilder text =
        new StringBuilder("Summary: ")
            .append(InventoryTable.plural(summary.functions(), "function"))
            .append(", ")
            .append(summary.serious())
            .append(" serious, ")
            .append(summary.atRisk())
            .append(" at risk; findings:");
    for (Severity severity : Severity.values()) {
      text.append(' ')
          .append(style.severity(severity, severity.wireName()))
          .append(' ')
          .append(summary.bySeverity().get(severity));
    }
    if (summary.suppressed() > 0) {
      text.append("; ").append(summary.suppressed()).append(" suppressed");
    }
    if (summary.inputErrors() > 0) {
      text.append("; ").append(InventoryTable.plural(summary.inputErrors(), "input error"));
    }
    return text.toString();
  }

  /** "python3.12, http x5 (2 unauthenticated), role OrdersRole". */
  private static String describe(ServerlessFunction function) {
    List<String> parts = new ArrayList<>();
    parts.add(function.runtime().orElse(function.packageType().wireName()));
    long open = function.triggers().stream().filter(Trigger::isPublic).count();
    long unauthenticated =
        function.triggers().stream().filter(t -> t.isPublic() && t.auth() == Auth.NONE).count();
    String kinds = triggerKinds(function);
    if (open > 0) {
      kinds +=
          " ("
              + open
              + " public"
              + (unauthenticated > 0 ? ", " + unauthenticated + " unauthenticated" : "")
              + ")";
    }
    parts.add(kinds);
    parts.add("role " + function.role().displayName());
    return String.join(", ", parts);
  }

  /** "Data: IAM catalog … of 2026-09-23 (66 days old); …", so that stale data shows. */
  static String dataLine(Clock clock) {
    StringBuilder line = new StringBuilder("Data:");
    String separator = " ";
    for (BundledData data : BundledData.all()) {
      long age = data.ageInDays(clock);
      line.append(separator)
          .append(data.name())
          .append(" of ")
          .append(data.date())
          .append(" (")
          .append(age == 1 ? "1 day old" : age + " days old")
          .append(')');
      separator = "; ";
    }
    return line.append('\n').toString();
  }

  /** The advisory database's line of {@link DatabaseState#line}, its warning in bold. */
  public String advisoryLine(DatabaseState database) {
    String line = database.line(clock);
    return (line.startsWith("Warning: ")
            ? style.bold("Warning: ") + line.substring("Warning: ".length())
            : line)
        + "\n";
  }

  /** The kinds of a function's triggers, each once, in order: "http, sqs". */
  private static String triggerKinds(ServerlessFunction fn) {
    List<String> kinds = new ArrayList<>();
    for (Trigger t : fn.triggers()) {
      if (!kinds.contains(t.kind().wireName())) {
        kinds.add(t.kind().wireName());
      }
    }
    return kinds.isEmpty() ? "no triggers" : String.join(", ", kinds);
  }
}
