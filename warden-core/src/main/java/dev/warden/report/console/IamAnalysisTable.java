package dev.warden.report.console;

import dev.warden.iam.EffectivePermissions.ActionGrant;
import dev.warden.iam.EffectivePermissions.StatementRef;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.PolicyProblem;
import dev.warden.iam.Risk;
import dev.warden.iam.RiskType;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code warden iam analyze} for a terminal: the effective permissions by service and access level
 * (actions that share their resources on one line), then what an attacker gets, each risk with the
 * statements that enable it, then the policy problems.
 */
public final class IamAnalysisTable {

  private static final int MOST_NAMES = 5;

  private final IamCatalog catalog;
  private final Clock clock;

  public IamAnalysisTable(IamCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public void write(
      String subject,
      PermissionAnalysis analysis,
      List<PolicyProblem> problems,
      List<String> unknowns,
      Writer out)
      throws IOException {
    Set<String> services = new LinkedHashSet<>();
    analysis.allowed().forEach(g -> services.add(g.service()));
    out.write(
        "Effective permissions of "
            + subject
            + ": "
            + InventoryTable.plural(analysis.allowed().size(), "action")
            + " in "
            + InventoryTable.plural(services.size(), "service")
            + "\n\n");
    if (!analysis.allowed().isEmpty()) {
      allowed(analysis.allowed(), out);
    }
    out.write("\n");
    risks(analysis.risks(), out);
    if (!problems.isEmpty()) {
      out.write("\nPROBLEMS\n");
      for (PolicyProblem problem : problems) {
        out.write("  " + problem + "\n");
      }
    }
    for (String unknown : unknowns) {
      out.write("Not analysed: " + unknown + "\n");
    }
    out.write("\n" + ReportTable.dataLine(clock));
    out.flush();
  }

  private void allowed(List<ActionGrant> allowed, Writer out) throws IOException {
    // One line per service, access level and set of resources.
    Map<String, List<ActionGrant>> groups = new LinkedHashMap<>();
    for (ActionGrant grant : allowed) {
      String level = grant.accessLevel().map(l -> l.title()).orElse("Unknown");
      String key =
          grant.service()
              + '\u0000'
              + level
              + '\u0000'
              + resources(grant)
              + '\u0000'
              + grant.conditional();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(grant);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SERVICE", "ACCESS LEVEL", "ACTIONS", "RESOURCES"});
    String lastService = "";
    for (List<ActionGrant> group : groups.values()) {
      ActionGrant first = group.get(0);
      String service = first.service();
      String level = first.accessLevel().map(l -> l.title()).orElse("Unknown");
      rows.add(
          new String[] {
            service.equals(lastService) ? "" : service,
            level,
            names(service, first, group),
            resources(first) + (first.conditional() ? " (conditional)" : "")
          });
      lastService = service;
    }
    Columns.write(out, "", rows);
  }

  private String names(String service, ActionGrant first, List<ActionGrant> group) {
    long ofLevel =
        catalog.service(service).stream()
            .flatMap(s -> s.actions().stream())
            .filter(
                a ->
                    first.accessLevel().isPresent() && a.accessLevel() == first.accessLevel().get())
            .count();
    if (group.size() > 1 && group.size() == ofLevel) {
      return "all " + ofLevel + " actions";
    }
    List<String> names = new ArrayList<>();
    for (ActionGrant grant : group) {
      names.add(grant.action().substring(grant.action().indexOf(':') + 1));
    }
    if (names.size() <= MOST_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MOST_NAMES))
        + " and "
        + (names.size() - MOST_NAMES)
        + " more";
  }

  private static String resources(ActionGrant grant) {
    StringBuilder text = new StringBuilder(String.join(", ", grant.resources()));
    if (!grant.allExcept().isEmpty()) {
      text.append(" except ").append(String.join(", ", grant.allExcept()));
    }
    if (!grant.deniedResources().isEmpty()) {
      text.append(" (denied: ").append(String.join(", ", grant.deniedResources())).append(')');
    }
    return text.toString();
  }

  private static void risks(List<Risk> risks, Writer out) throws IOException {
    if (risks.isEmpty()) {
      out.write("No risk found: no escalation, exfiltration, exposure or wildcard grant.\n");
      return;
    }
    boolean admin = risks.stream().anyMatch(r -> r.type() == RiskType.ADMIN);
    out.write("WHAT AN ATTACKER GETS\n");
    int escalations = 0;
    for (Risk risk : risks) {
      if (admin && risk.type() == RiskType.PRIVILEGE_ESCALATION) {
        escalations++;
        continue;
      }
      out.write(
          "  "
              + risk.type().wireName()
              + "  "
              + risk.method()
              + (risk.conditional() ? "  (conditional)" : "")
              + "\n");
      List<String> actions = risk.actions();
      out.write(
          "      "
              + (actions.size() <= MOST_NAMES
                  ? String.join(", ", actions)
                  : String.join(", ", actions.subList(0, MOST_NAMES))
                      + " and "
                      + (actions.size() - MOST_NAMES)
                      + " more")
              + " on "
              + String.join(", ", risk.resources())
              + "\n");
      List<String> where = new ArrayList<>();
      for (StatementRef ref : risk.statements()) {
        where.add(
            ref.statement().at().file()
                + ":"
                + ref.statement().at().line()
                + ref.statement().sid().map(s -> " (" + s + ")").orElse(""));
      }
      out.write("      granted by " + String.join(", ", where) + "\n");
    }
    if (escalations > 0) {
      out.write(
          "  and "
              + escalations
              + " privilege-escalation methods, which an administrator needs none of"
              + " (--format json lists them)\n");
    }
  }
}
