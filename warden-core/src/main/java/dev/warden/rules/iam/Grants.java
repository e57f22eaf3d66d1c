package dev.warden.rules.iam;

import dev.warden.iam.ActionPattern;
import dev.warden.iam.EffectivePermissions.StatementRef;
import dev.warden.iam.Risk;
import dev.warden.iam.RiskType;
import dev.warden.iam.RolePolicies;
import dev.warden.iam.Statement;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How IAM rules cite what they found: the statements, first one as the finding's place. */
final class Grants {

  private Grants() {}

  /** Where the finding points: the first statement that grants it. */
  static SourceLocation at(List<StatementRef> statements, SourceLocation fallback) {
    return statements.isEmpty() ? fallback : statements.get(0).statement().at();
  }

  /**
   * Where an action is granted: the Action entry that matches it in the first statement that has
   * one, else the first statement.
   */
  static SourceLocation actionAt(
      List<StatementRef> statements, String action, SourceLocation fallback) {
    int colon = action.indexOf(':');
    String service = action.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    String name = action.substring(colon + 1).toLowerCase(java.util.Locale.ROOT);
    for (StatementRef ref : statements) {
      if (ref.statement().notAction()) {
        continue;
      }
      for (ActionPattern pattern : ref.statement().actions()) {
        if (pattern.matches(service, name) && pattern.at().line() > 0) {
          return pattern.at();
        }
      }
    }
    return at(statements, fallback);
  }

  /** "template.yaml:103 (ReportingShortcut), template.yaml:98" */
  static String cite(List<StatementRef> statements) {
    List<String> places = new ArrayList<>();
    for (StatementRef ref : statements) {
      places.add(
          ref.statement().at().file()
              + ":"
              + ref.statement().at().line()
              + ref.statement().sid().map(s -> " (" + s + ")").orElse(""));
    }
    return String.join(", ", places);
  }

  /** "a, b and 3 more" */
  static String list(List<String> items, int most) {
    if (items.size() <= most) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, most)) + " and " + (items.size() - most) + " more";
  }

  /**
   * The statements among {@code refs} that the app's author wrote (not the policies SAM generates
   * for event sources) and that grant on every resource ({@code "*"}, or all but some).
   */
  static List<StatementRef> writtenOnAny(List<StatementRef> refs, RolePolicies policies) {
    List<StatementRef> kept = new ArrayList<>();
    for (StatementRef ref : refs) {
      Statement statement = ref.statement();
      boolean any =
          !statement.hasResource()
              || statement.notResource()
              || statement.resources().stream().anyMatch(r -> everyOfAKind(r.text()));
      if (any && policies.isWritten(ref)) {
        kept.add(ref);
      }
    }
    return kept;
  }

  private static final Pattern SYMBOL = Pattern.compile("\\$\\{[^}]*}");

  private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

  /**
   * True when a resource pattern covers every resource of a kind: {@code *}, or an ARN whose
   * resource part is {@code *}, {@code function:*}, {@code table/*} (any region and account), or
   * for S3 {@code *} or {@code * /*} — but not the objects of one named bucket.
   */
  static boolean everyOfAKind(String pattern) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] parts = SYMBOL.matcher(pattern).replaceAll("X").replaceAll("\\*+", "*").split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return false;
    }
    String resource = parts[5];
    if (resource.equals("*")) {
      return true;
    }
    if (parts[2].equals("s3")) {
      return resource.equals("*/*");
    }
    for (String separator : List.of("/", ":")) {
      if (resource.endsWith(separator + "*")) {
        String type = resource.substring(0, resource.length() - 2);
        if (RESOURCE_TYPE.matcher(type).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  static Optional<Risk> first(List<Risk> risks, RiskType type) {
    return risks.stream().filter(r -> r.type() == type).findFirst();
  }

  static String conditional(Risk risk) {
    return risk.conditional() ? " (under conditions that may hold)" : "";
  }
}
