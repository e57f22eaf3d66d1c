package dev.warden.report.console;

import dev.warden.iam.BundledData;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.report.WardenVersion;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The scan report for a terminal: functions and their entry points, findings, and a summary. */
public final class ReportTable {

  private final Clock clock;

  /** A table that tells the age of the bundled data as of today. */
  public ReportTable() {
    this(Clock.systemUTC());
  }

  public ReportTable(Clock clock) {
    this.clock = clock;
  }

  public void write(ScanResult result, Writer out) throws IOException {
    long functions = result.inventory().functions().count();
    out.write(
        WardenVersion.NAME
            + " "
            + WardenVersion.VERSION
            + ": "
            + InventoryTable.plural((int) functions, "function")
            + " in "
            + InventoryTable.plural(result.inventory().apps().size(), "app")
            + "\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "FUNCTION", "RUNTIME", "TRIGGERS", "PUBLIC", "UNAUTHENTICATED", "ROLE", "SOURCE"
        });
    for (App app : result.inventory().apps()) {
      for (ServerlessFunction fn : app.functions()) {
        long open = fn.triggers().stream().filter(Trigger::isPublic).count();
        long unauthenticated =
            fn.triggers().stream().filter(t -> t.isPublic() && t.auth() == Auth.NONE).count();
        rows.add(
            new String[] {
              fn.logicalId(),
              fn.runtime().orElse(fn.packageType().wireName()),
              triggerKinds(fn),
              open == 0 ? "-" : Long.toString(open),
              unauthenticated == 0 ? "-" : Long.toString(unauthenticated),
              fn.role().displayName(),
              fn.declaredAt().toString()
            });
      }
    }
    Columns.write(out, "", rows);
    out.write("\n");
    List<Finding> findings = result.findings();
    if (findings.isEmpty()) {
      out.write("No findings.\n");
    } else {
      out.write("FINDINGS\n");
      for (Finding finding : findings) {
        out.write(
            String.format(
                "%-8s %-14s %s%s%n",
                finding.severity().wireName(),
                finding.rule().id(),
                finding.location(),
                finding.functionName().map(n -> "  [" + n + "]").orElse("")));
        out.write("         " + finding.message() + "\n");
      }
    }
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.stream()
        .filter(f -> !f.suppressed())
        .forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    StringBuilder summary =
        new StringBuilder("\nSummary: ").append(InventoryTable.plural((int) functions, "function"));
    summary.append("; findings:");
    counts.forEach(
        (severity, count) ->
            summary.append(' ').append(severity.wireName()).append(' ').append(count));
    out.write(summary.append('\n').toString());
    out.write(dataLine(clock));
    out.flush();
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

  /** The kinds of a function's triggers, each once, in order: "http, sqs". */
  private static String triggerKinds(ServerlessFunction fn) {
    List<String> kinds = new ArrayList<>();
    for (Trigger t : fn.triggers()) {
      if (!kinds.contains(t.kind().wireName())) {
        kinds.add(t.kind().wireName());
      }
    }
    return kinds.isEmpty() ? "-" : String.join(", ", kinds);
  }
}
