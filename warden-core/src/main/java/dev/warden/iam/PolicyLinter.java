package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a policy as a policy linter does: what the parser reports (grammar, types, effects,
 * operators) and, with the catalog, unknown services and actions, malformed ARNs, resources of a
 * type the action does not take, condition keys that do not apply, set operators on the wrong kind
 * of key, Allow with NotAction or NotResource, and statements that another makes redundant. Every
 * problem carries the line of the element it is about.
 */
public final class PolicyLinter {

  private static final Set<String> PARTITIONS =
      Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f");

  private final IamCatalog catalog;
  private final Set<String> arnServices;

  public PolicyLinter(IamCatalog catalog) {
    this.catalog = catalog;
    this.arnServices = arnServices(catalog);
  }

  /** Every problem of the policy, in the order of the file. */
  public List<PolicyProblem> lint(Value policy, PolicyType type) {
    PolicyParser.Parsed parsed = PolicyParser.parse(policy, type);
    List<PolicyProblem> problems = new ArrayList<>(parsed.problems());
    if (policy instanceof Value.Obj root) {
      List<Value> items = root.list("Statement");
      for (Value item : items) {
        if (item instanceof Value.Obj statement) {
          lintStatement(statement, problems);
        }
      }
    }
    redundant(parsed.document(), problems);
    return problems.stream().sorted().toList();
  }

  private void lintStatement(Value.Obj statement, List<PolicyProblem> problems) {
    boolean allow = statement.text("Effect").map(t -> t.toString().equals("Allow")).orElse(false);
    if (allow && statement.has("NotAction")) {
      problems.add(
          new PolicyProblem(
              statement.field("NotAction").orElseThrow().keyAt(),
              PolicyProblem.Code.ALLOW_WITH_NOT_ACTION,
              "Allow with NotAction grants every action not listed, in every service, including"
                  + " those AWS adds later; list the actions to allow instead"));
    }
    if (allow && statement.has("NotResource")) {
      problems.add(
          new PolicyProblem(
              statement.field("NotResource").orElseThrow().keyAt(),
              PolicyProblem.Code.ALLOW_WITH_NOT_RESOURCE,
              "Allow with NotResource grants on every resource not listed, including those"
                  + " created later; list the resources to allow instead"));
    }
    List<IamAction> actions = new ArrayList<>();
    List<IamAction> named = new ArrayList<>();
    boolean everyActionKnown = true;
    for (Value item : statement.list(statement.has("NotAction") ? "NotAction" : "Action")) {
      Optional<String> text = item.asString();
      if (text.isEmpty()) {
        everyActionKnown = false;
        continue;
      }
      Optional<List<IamAction>> matched = actions(text.get(), item.at(), problems);
      if (matched.isEmpty()) {
        everyActionKnown = false;
      } else {
        actions.addAll(matched.get());
        if (!Wildcard.hasWildcard(text.get())) {
          named.addAll(matched.get());
        }
      }
    }
    boolean literalActions = !statement.has("NotAction");
    List<Value> resources =
        statement.list(statement.has("NotResource") ? "NotResource" : "Resource");
    for (Value resource : resources) {
      resource.asText().ifPresent(text -> arn(lintText(text), resource.at(), problems));
    }
    if (literalActions && !statement.has("NotResource")) {
      // Only actions named in full: a wildcard (s3:*) is not a promise about each action.
      resourceTypes(statement, named, resources, problems);
    }
    Optional<Value.Obj> conditions = statement.obj("Condition");
    if (conditions.isPresent()) {
      conditionKeys(conditions.get(), literalActions && everyActionKnown, actions, problems);
    }
  }

  /**
   * The catalog actions an Action entry names, after reporting an unknown service or action; empty
   * when it cannot be known ({@code *}, an unknown service).
   */
  private Optional<List<IamAction>> actions(
      String text, SourceLocation at, List<PolicyProblem> problems) {
    ActionPattern pattern = ActionPattern.parse(text);
    if (pattern.isAny()) {
      return Optional.empty();
    }
    if (pattern.name().isEmpty()) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.UNKNOWN_ACTION,
              "\"" + text + "\" is not an action: write service:Action (s3:GetObject)"));
      return Optional.empty();
    }
    if (Wildcard.hasWildcard(pattern.service())) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.UNKNOWN_SERVICE,
              "\"" + text + "\": a service prefix cannot hold wildcards"));
      return Optional.empty();
    }
    Optional<IamService> service = catalog.service(pattern.service());
    if (service.isEmpty()) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.UNKNOWN_SERVICE,
              "unknown service prefix \""
                  + pattern.service()
                  + "\" in \""
                  + text
                  + "\" (IAM catalog "
                  + catalog.describe()
                  + ")"));
      return Optional.empty();
    }
    List<IamAction> matched = new ArrayList<>();
    for (IamAction action : service.get().actions()) {
      if (pattern.matches(pattern.service(), action.name().toLowerCase(Locale.ROOT))) {
        matched.add(action);
      }
    }
    if (matched.isEmpty()) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.UNKNOWN_ACTION,
              Wildcard.hasWildcard(pattern.name())
                  ? "\"" + text + "\" matches no action of " + service.get().name()
                  : "unknown action \""
                      + text
                      + "\": "
                      + service.get().name()
                      + " has no such action"));
    }
    return Optional.of(matched);
  }

  /** Reports a Resource that is neither {@code *} nor a well-formed ARN. */
  private void arn(String text, SourceLocation at, List<PolicyProblem> problems) {
    if (text.equals("*")) {
      return;
    }
    if (!text.startsWith("arn:")) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MALFORMED_ARN,
              "\""
                  + text
                  + "\" is not an ARN (arn:partition:service:region:account:resource) or *"));
      return;
    }
    String[] parts = text.split(":", 6);
    if (parts.length < 6) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MALFORMED_ARN,
              "\""
                  + text
                  + "\" has "
                  + parts.length
                  + " of the six parts of an ARN (arn:partition:service:region:account:resource)"));
      return;
    }
    String partition = parts[1];
    if (!Wildcard.hasWildcard(partition) && !PARTITIONS.contains(partition)) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MALFORMED_ARN,
              "\"" + partition + "\" in \"" + text + "\" is not an AWS partition (aws, aws-cn…)"));
    }
    String service = parts[2];
    if (!Wildcard.hasWildcard(service) && !arnServices.contains(service)) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MALFORMED_ARN,
              "no AWS resource has ARNs of service \"" + service + "\" (\"" + text + "\")"));
    }
  }

  /**
   * Reports actions none of whose resource types the statement's resources can be: {@code
   * s3:GetObject} on a bucket ARN, or an action that only takes {@code *} on a specific ARN.
   */
  private void resourceTypes(
      Value.Obj statement,
      List<IamAction> actions,
      List<Value> resources,
      List<PolicyProblem> problems) {
    List<String> patterns = new ArrayList<>();
    for (Value resource : resources) {
      Optional<SymbolicText> text = resource.asText();
      if (text.isEmpty()) {
        return;
      }
      String pattern = lintText(text.get());
      if (pattern.equals("*") || !pattern.startsWith("arn:")) {
        return;
      }
      patterns.add(pattern);
    }
    if (patterns.isEmpty()) {
      return;
    }
    SourceLocation at = statement.field("Resource").orElseThrow().keyAt();
    Set<String> reported = new HashSet<>();
    for (IamAction action : actions) {
      if (!reported.add(action.fullName())) {
        continue;
      }
      if (action.isWildcardOnly()) {
        problems.add(
            new PolicyProblem(
                at,
                PolicyProblem.Code.RESOURCE_MISMATCH,
                action.fullName()
                    + " does not support resource-level permissions: it applies only with"
                    + " \"Resource\": \"*\""));
        continue;
      }
      List<String> formats = new ArrayList<>();
      for (IamAction.ActionResource accepted : action.resourceTypes()) {
        catalog
            .service(action.service())
            .flatMap(s -> s.resourceType(accepted.name()))
            .ifPresent(type -> formats.add(type.arnFormat()));
      }
      if (formats.isEmpty()) {
        continue;
      }
      boolean fits = false;
      for (String pattern : patterns) {
        for (String format : formats) {
          if (GlobIntersection.arnCanBe(pattern, format)) {
            fits = true;
          }
        }
      }
      if (!fits) {
        problems.add(
            new PolicyProblem(
                at,
                PolicyProblem.Code.RESOURCE_MISMATCH,
                action.fullName()
                    + " takes "
                    + String.join(" or ", formats)
                    + "; no Resource of the statement is of that form"));
      }
    }
  }

  private void conditionKeys(
      Value.Obj block,
      boolean actionsKnown,
      List<IamAction> actions,
      List<PolicyProblem> problems) {
    Set<String> applicable = new HashSet<>();
    for (IamAction action : actions) {
      for (String key : action.conditionKeys()) {
        applicable.add(key.toLowerCase(Locale.ROOT));
      }
    }
    for (Value.Field operatorField : block.fields()) {
      Optional<ConditionOperator> operator = ConditionOperator.parse(operatorField.key());
      if (operator.isEmpty() || !(operatorField.value() instanceof Value.Obj keys)) {
        continue;
      }
      for (Value.Field keyField : keys.fields()) {
        String key = keyField.key();
        Optional<ConditionKeyType> type = catalog.conditionKeyType(key);
        if (type.isEmpty()) {
          problems.add(
              new PolicyProblem(
                  keyField.keyAt(),
                  PolicyProblem.Code.UNKNOWN_CONDITION_KEY,
                  "unknown condition key \""
                      + key
                      + "\" (IAM catalog "
                      + catalog.dataDate()
                      + ")"));
          continue;
        }
        if (!IamCatalog.isGlobalKey(key)
            && actionsKnown
            && !actions.isEmpty()
            && !applies(key, applicable)) {
          problems.add(
              new PolicyProblem(
                  keyField.keyAt(),
                  PolicyProblem.Code.CONDITION_KEY_NOT_APPLICABLE,
                  "condition key \""
                      + key
                      + "\" is not in the request of any action of the statement: the condition "
                      + (operator.get().ifExists() || operator.get().family().isNegated()
                          ? "always holds"
                          : "never holds")));
        }
        boolean set = operator.get().setOperator() != ConditionOperator.SetOperator.NONE;
        if (set && !type.get().isMultivalued()) {
          problems.add(
              new PolicyProblem(
                  keyField.keyAt(),
                  PolicyProblem.Code.SET_OPERATOR_ON_SINGLE_VALUE,
                  operatorField.key()
                      + " on the single-valued key \""
                      + key
                      + "\": a set operator on it can grant more than meant; use "
                      + operator.get().family().title()));
        } else if (!set
            && type.get().isMultivalued()
            && operator.get().family() != ConditionOperator.Family.NULL) {
          problems.add(
              new PolicyProblem(
                  keyField.keyAt(),
                  PolicyProblem.Code.SET_OPERATOR_ON_SINGLE_VALUE,
                  "\""
                      + key
                      + "\" holds a set of values: "
                      + operatorField.key()
                      + " without ForAllValues: or ForAnyValue: never matches it"));
        }
      }
    }
  }

  /** True when the key (or the template it instantiates, aws:RequestTag/${TagKey}) applies. */
  private static boolean applies(String key, Set<String> applicable) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (applicable.contains(lower)) {
      return true;
    }
    for (String candidate : applicable) {
      if (IamCatalog.fitsTemplate(candidate, lower)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports statements whose every request another statement of the same effect, without
   * conditions, already covers.
   */
  private static void redundant(PolicyDocument document, List<PolicyProblem> problems) {
    List<Statement> statements = document.statements();
    for (Statement statement : statements) {
      for (Statement other : statements) {
        if (other == statement
            || other.effect() != statement.effect()
            || !other.conditions().isEmpty()
            || other.principal().isPresent()
            || other.notPrincipal().isPresent()
            || statement.principal().isPresent()
            || statement.notPrincipal().isPresent()
            || !covers(other, statement)) {
          continue;
        }
        // Of two identical statements, report the second only.
        if (covers(statement, other)
            && statement.conditions().isEmpty()
            && statement.index() < other.index()) {
          continue;
        }
        problems.add(
            new PolicyProblem(
                statement.at(),
                PolicyProblem.Code.REDUNDANT_STATEMENT,
                "the statement"
                    + statement.sid().map(s -> " \"" + s + "\"").orElse("")
                    + " adds nothing: the statement at line "
                    + other.at().line()
                    + " already "
                    + (statement.effect() == Effect.ALLOW ? "allows" : "denies")
                    + " all it covers"));
        break;
      }
    }
  }

  /** True when {@code wide} applies to every action and resource {@code narrow} applies to. */
  private static boolean covers(Statement wide, Statement narrow) {
    if (wide.notAction() || wide.notResource() || narrow.notAction() || narrow.notResource()) {
      return false;
    }
    for (ActionPattern action : narrow.actions()) {
      boolean covered = false;
      for (ActionPattern candidate : wide.actions()) {
        if (candidate.isAny()
            || (candidate.service().equals(action.service())
                && Wildcard.matchesIgnoreCase(candidate.name(), action.name()))) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    if (!wide.hasResource()) {
      return true;
    }
    for (PolicyText resource : narrow.resources()) {
      boolean covered = false;
      for (PolicyText candidate : wide.resources()) {
        if (candidate.isAnything()
            || (!candidate.hasVariables()
                && !resource.hasVariables()
                && Wildcard.matches(candidate.text(), resource.text()))) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return !narrow.resources().isEmpty() || !wide.hasResource();
  }

  /** Text for matching: template symbols and policy variables stand for anything. */
  private static String lintText(SymbolicText text) {
    StringBuilder out = new StringBuilder();
    for (SymbolicText.Part part : text.parts()) {
      if (part instanceof SymbolicText.Literal literal) {
        out.append(literal.text().replaceAll("\\$\\{[^}]*}", "*"));
      } else {
        out.append('*');
      }
    }
    return out.toString();
  }

  private static Set<String> arnServices(IamCatalog catalog) {
    Set<String> services = new LinkedHashSet<>();
    for (IamService service : catalog.services()) {
      services.add(service.prefix());
      for (ResourceType type : service.resourceTypes()) {
        String[] parts = type.arnFormat().split(":", 6);
        if (parts.length > 2) {
          services.add(parts[2]);
        }
      }
    }
    return services;
  }
}
