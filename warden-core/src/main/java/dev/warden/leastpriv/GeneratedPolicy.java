package dev.warden.leastpriv;

import dev.warden.iam.EffectivePermissions;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.inventory.App;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The least-privilege policy of one function and how it compares with the role it has: the
 * statements (actions grouped per resource, sorted, with Sids), the evidence of every action, the
 * granted actions it does not need, the needed actions the role does not grant, and how much of the
 * role it cuts.
 *
 * @param statements each resource with the sorted actions needed on it
 * @param evidence for every action, where the need comes from ({@code code:FILE:LINE}, {@code
 *     platform}, {@code trigger:NAME})
 * @param unused granted catalog actions (wildcards expanded) the function does not need, among
 *     those the app's author granted (what SAM adds for an event source or a dead-letter target
 *     comes back whatever the author writes, so it is not counted)
 * @param missing needed actions the role certainly denies on the resource the code uses: not
 *     granted at all, or granted on other resources only (a bug, not a risk)
 * @param reductionPercent unused ÷ granted actions, rounded
 * @param complete false when some code could not be read or some call not mapped
 */
public record GeneratedPolicy(
    Map<String, Set<String>> statements,
    Map<String, List<String>> evidence,
    List<String> unused,
    List<Need> missing,
    int reductionPercent,
    boolean complete,
    List<String> notes) {

  public GeneratedPolicy {
    statements = java.util.Collections.unmodifiableMap(new TreeMap<>(statements));
    evidence = java.util.Collections.unmodifiableMap(new TreeMap<>(evidence));
    unused = List.copyOf(unused);
    missing = List.copyOf(missing);
    notes = List.copyOf(notes);
  }

  private static final java.util.regex.Pattern NON_WORD =
      java.util.regex.Pattern.compile("[^A-Za-z0-9]+");

  /**
   * Builds the policy from the needs, against what the current role allows in the app; {@code
   * authored} tells the grants the app's author wrote from those SAM adds by itself.
   */
  public static GeneratedPolicy of(
      List<Need> needs,
      PermissionAnalysis role,
      Predicate<EffectivePermissions.ActionGrant> authored,
      App app,
      boolean complete,
      List<String> notes) {
    TemplateArns arns = new TemplateArns(app);
    Map<String, Set<String>> statements = new LinkedHashMap<>();
    Map<String, List<String>> evidence = new LinkedHashMap<>();
    Set<String> needed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Need need : needs) {
      statements
          .computeIfAbsent(need.resource().toString(), k -> new TreeSet<>())
          .add(need.action());
      List<String> sources = evidence.computeIfAbsent(need.action(), k -> new ArrayList<>());
      for (String source : need.evidence()) {
        if (!sources.contains(source)) {
          sources.add(source);
        }
      }
      needed.add(need.action());
    }
    Map<String, EffectivePermissions.ActionGrant> granted =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (EffectivePermissions.ActionGrant grant : role.allowed()) {
      granted.put(grant.action(), grant);
    }
    List<String> unused = new ArrayList<>();
    for (EffectivePermissions.ActionGrant grant : granted.values()) {
      if (!needed.contains(grant.action()) && authored.test(grant)) {
        unused.add(grant.action());
      }
    }
    List<Need> missing = new ArrayList<>();
    for (Need need : needs) {
      EffectivePermissions.ActionGrant grant = granted.get(need.action());
      boolean denied =
          grant == null
              ? IamCatalog.bundled().action(need.action()).isPresent()
              : !grant.mayCover(need.resource().toString(), arns::concrete);
      if (denied && !missing.contains(need)) {
        missing.add(need);
      }
    }
    int percent = granted.isEmpty() ? 0 : (int) Math.round(100.0 * unused.size() / granted.size());
    return new GeneratedPolicy(statements, evidence, unused, missing, percent, complete, notes);
  }

  /** The IAM policy document, one statement per resource, as JSON-ready maps. */
  public Map<String, Object> document() {
    List<Map<String, Object>> list = new ArrayList<>();
    Set<String> sids = new TreeSet<>();
    for (Map.Entry<String, Set<String>> statement : statements.entrySet()) {
      Map<String, Object> json = new LinkedHashMap<>();
      String sid = sid(statement.getValue(), statement.getKey());
      String unique = sid;
      for (int i = 2; !sids.add(unique); i++) {
        unique = sid + i;
      }
      json.put("Sid", unique);
      json.put("Effect", "Allow");
      json.put("Action", List.copyOf(statement.getValue()));
      json.put("Resource", statement.getKey());
      list.add(json);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", list);
    return document;
  }

  /**
   * {@code DynamodbAcmeOrdersProd}: the services and the resource's last name, alphanumeric ({@code
   * Ec2XrayAny} for the actions that take no resource).
   */
  private static String sid(Set<String> actions, String resource) {
    Set<String> services = new java.util.LinkedHashSet<>();
    for (String action : actions) {
      services.add(action.substring(0, action.indexOf(':')));
    }
    String service = String.join(" ", services);
    String trimmed =
        resource.endsWith(":*") ? resource.substring(0, resource.length() - 2) : resource;
    String tail = trimmed.equals("*") ? "Any" : trimmed.substring(trimmed.lastIndexOf(':') + 1);
    StringBuilder sid = new StringBuilder();
    for (String word : NON_WORD.splitAsStream(service + " " + tail).toList()) {
      if (!word.isEmpty()) {
        sid.append(Character.toUpperCase(word.charAt(0)))
            .append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return sid.length() > 100 ? sid.substring(0, 100) : sid.toString();
  }
}
