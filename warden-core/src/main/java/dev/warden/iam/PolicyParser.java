package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an IAM policy from a located value tree (a JSON file, a template property) into a {@link
 * PolicyDocument}, with every problem AWS would reject it for, at its line. Never throws on bad
 * input: what cannot be read is reported and left out.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
public final class PolicyParser {

  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
  private static final Set<String> PRINCIPAL_TYPES =
      Set.of("AWS", "Service", "Federated", "CanonicalUser");

  /** A policy and what is wrong with it. */
  public record Parsed(PolicyDocument document, List<PolicyProblem> problems) {
    public Parsed {
      problems = problems.stream().sorted().toList();
    }

    /** True when AWS would reject the policy. */
    public boolean hasErrors() {
      return problems.stream().anyMatch(p -> p.code().isError());
    }
  }

  private PolicyParser() {}

  /**
   * Parses a policy of the given type (principals are required in resource policies, refused
   * elsewhere).
   */
  public static Parsed parse(Value value, PolicyType type) {
    List<PolicyProblem> problems = new ArrayList<>();
    SourceLocation at = value.at();
    if (!(value instanceof Value.Obj root)) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MALFORMED_POLICY,
              "a policy document is a JSON object, not " + value.kindName()));
      return new Parsed(
          new PolicyDocument(Optional.empty(), Optional.empty(), List.of(), at), problems);
    }
    for (Value.Field field : root.fields()) {
      if (!TOP_LEVEL.contains(field.key())) {
        problems.add(
            new PolicyProblem(
                field.keyAt(),
                PolicyProblem.Code.UNKNOWN_ELEMENT,
                "unknown policy element '"
                    + field.key()
                    + "' (a policy has Version, Id and Statement)"));
      }
    }
    Optional<String> version = Optional.empty();
    Optional<Value> versionValue = root.get("Version");
    if (versionValue.isEmpty()) {
      problems.add(
          new PolicyProblem(
              at,
              PolicyProblem.Code.MISSING_VERSION,
              "the policy has no Version: AWS reads it as 2008-10-17, where policy variables are plain text"));
    } else {
      version = versionValue.get().asString();
      if (version.isEmpty()
          || !(version.get().equals("2012-10-17") || version.get().equals("2008-10-17"))) {
        problems.add(
            new PolicyProblem(
                versionValue.get().at(),
                PolicyProblem.Code.BAD_VERSION,
                "Version must be \"2012-10-17\" (or the old \"2008-10-17\"), not "
                    + show(versionValue.get())));
      }
    }
    boolean variables = version.map(PolicyDocument.CURRENT_VERSION::equals).orElse(false);
    Optional<String> id = root.get("Id").flatMap(Value::asString);
    List<Statement> statements = new ArrayList<>();
    Optional<Value> statementValue = root.get("Statement");
    if (statementValue.isEmpty()) {
      problems.add(
          new PolicyProblem(at, PolicyProblem.Code.MISSING_ELEMENT, "the policy has no Statement"));
    } else {
      List<Value> items =
          statementValue.get() instanceof Value.Seq seq
              ? seq.items()
              : List.of(statementValue.get());
      Map<String, SourceLocation> sids = new HashMap<>();
      for (Value item : items) {
        statement(item, statements.size(), type, variables, problems)
            .ifPresent(
                statement -> {
                  statement
                      .sid()
                      .ifPresent(
                          sid -> {
                            SourceLocation first = sids.putIfAbsent(sid, statement.at());
                            if (first != null) {
                              problems.add(
                                  new PolicyProblem(
                                      statement.at(),
                                      PolicyProblem.Code.DUPLICATE_SID,
                                      "Sid \""
                                          + sid
                                          + "\" is used again (first at line "
                                          + first.line()
                                          + ")"));
                            }
                          });
                  statements.add(statement);
                });
      }
    }
    return new Parsed(new PolicyDocument(version, id, statements, at), problems);
  }

  private static Optional<Statement> statement(
      Value item, int index, PolicyType type, boolean variables, List<PolicyProblem> problems) {
    if (!(item instanceof Value.Obj s)) {
      problems.add(
          new PolicyProblem(
              item.at(),
              PolicyProblem.Code.MALFORMED_POLICY,
              "a statement is a JSON object, not " + item.kindName()));
      return Optional.empty();
    }
    int before = errors(problems);
    for (Value.Field field : s.fields()) {
      if (!STATEMENT_ELEMENTS.contains(field.key())) {
        problems.add(
            new PolicyProblem(
                field.keyAt(),
                PolicyProblem.Code.UNKNOWN_ELEMENT,
                "unknown statement element '" + field.key() + "'"));
      }
    }
    Optional<String> sid = s.get("Sid").flatMap(Value::asString);
    Effect effect = effect(s, problems);
    Optional<PrincipalSet> principal = principals(s, "Principal", problems);
    Optional<PrincipalSet> notPrincipal = principals(s, "NotPrincipal", problems);
    if (principal.isPresent() && notPrincipal.isPresent()) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.CONFLICTING_ELEMENTS,
              "a statement has Principal or NotPrincipal, not both"));
    }
    boolean names = principal.isPresent() || notPrincipal.isPresent();
    if (type.namesPrincipals() && !names && type == PolicyType.RESOURCE) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.MISSING_PRINCIPAL,
              "a statement of a resource-based policy must name its Principal"));
    }
    if (!type.namesPrincipals() && names) {
      problems.add(
          new PolicyProblem(
              s.field(principal.isPresent() ? "Principal" : "NotPrincipal").orElseThrow().keyAt(),
              PolicyProblem.Code.PRINCIPAL_NOT_ALLOWED,
              "a "
                  + type.wireName()
                  + " policy applies to its own principal; it cannot have a Principal element"));
    }
    boolean notAction = s.has("NotAction");
    if (notAction && s.has("Action")) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.CONFLICTING_ELEMENTS,
              "a statement has Action or NotAction, not both"));
    }
    if (!notAction && !s.has("Action")) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.MISSING_ELEMENT,
              "the statement has no Action or NotAction"));
    }
    List<ActionPattern> actions = new ArrayList<>();
    for (Value.Str text : strings(s, notAction ? "NotAction" : "Action", problems)) {
      actions.add(ActionPattern.parse(text.text().toString(), text.at()));
    }
    boolean notResource = s.has("NotResource");
    boolean hasResource = notResource || s.has("Resource");
    if (notResource && s.has("Resource")) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.CONFLICTING_ELEMENTS,
              "a statement has Resource or NotResource, not both"));
    }
    if (!hasResource && type != PolicyType.RESOURCE) {
      problems.add(
          new PolicyProblem(
              s.at(),
              PolicyProblem.Code.MISSING_ELEMENT,
              "the statement has no Resource or NotResource"));
    }
    List<PolicyText> resources = new ArrayList<>();
    for (Value.Str text : strings(s, notResource ? "NotResource" : "Resource", problems)) {
      resources.add(PolicyText.compile(text.text(), variables, true));
    }
    List<Condition> conditions = conditions(s, variables, problems);
    if (effect == null || (errors(problems) > before && actions.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new Statement(
            index,
            sid,
            effect,
            principal,
            notPrincipal,
            actions,
            notAction,
            resources,
            notResource,
            hasResource,
            conditions,
            s.at()));
  }

  private static int errors(List<PolicyProblem> problems) {
    int count = 0;
    for (PolicyProblem problem : problems) {
      if (problem.code().isError()) {
        count++;
      }
    }
    return count;
  }

  private static Effect effect(Value.Obj s, List<PolicyProblem> problems) {
    Optional<Value> value = s.get("Effect");
    if (value.isEmpty()) {
      problems.add(
          new PolicyProblem(
              s.at(), PolicyProblem.Code.MISSING_ELEMENT, "the statement has no Effect"));
      return null;
    }
    Optional<String> text = value.get().asString();
    if (text.isPresent() && text.get().equals("Allow")) {
      return Effect.ALLOW;
    }
    if (text.isPresent() && text.get().equals("Deny")) {
      return Effect.DENY;
    }
    problems.add(
        new PolicyProblem(
            value.get().at(),
            PolicyProblem.Code.BAD_EFFECT,
            "Effect must be \"Allow\" or \"Deny\", not " + show(value.get())));
    return null;
  }

  /** A string or a list of strings; anything else is reported. */
  private static List<Value.Str> strings(Value.Obj s, String key, List<PolicyProblem> problems) {
    Optional<Value> value = s.get(key);
    if (value.isEmpty()) {
      return List.of();
    }
    List<Value.Str> texts = new ArrayList<>();
    for (Value item : value.get() instanceof Value.Seq seq ? seq.items() : List.of(value.get())) {
      if (item instanceof Value.Str str) {
        texts.add(str);
      } else {
        problems.add(
            new PolicyProblem(
                item.at(),
                PolicyProblem.Code.BAD_VALUE_TYPE,
                key + " holds strings, not " + item.kindName()));
      }
    }
    if (value.get() instanceof Value.Seq seq && seq.items().isEmpty()) {
      problems.add(
          new PolicyProblem(
              value.get().at(), PolicyProblem.Code.BAD_VALUE_TYPE, key + " is an empty list"));
    }
    return texts;
  }

  private static Optional<PrincipalSet> principals(
      Value.Obj s, String key, List<PolicyProblem> problems) {
    Optional<Value> value = s.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().asString().map("*"::equals).orElse(false)) {
      return Optional.of(PrincipalSet.EVERYBODY);
    }
    if (!(value.get() instanceof Value.Obj map)) {
      problems.add(
          new PolicyProblem(
              value.get().at(),
              PolicyProblem.Code.BAD_VALUE_TYPE,
              key + " is \"*\" or an object of principal types, not " + show(value.get())));
      return Optional.empty();
    }
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Value.Field field : map.fields()) {
      if (!PRINCIPAL_TYPES.contains(field.key())) {
        problems.add(
            new PolicyProblem(
                field.keyAt(),
                PolicyProblem.Code.UNKNOWN_ELEMENT,
                "unknown principal type '"
                    + field.key()
                    + "' (AWS, Service, Federated, CanonicalUser)"));
        continue;
      }
      List<String> values = new ArrayList<>();
      for (Value item :
          field.value() instanceof Value.Seq seq ? seq.items() : List.of(field.value())) {
        Optional<SymbolicText> text = item.asText();
        if (text.isPresent() && item instanceof Value.Str) {
          values.add(text.get().toString());
        } else if (item instanceof Value.Num num) {
          values.add(num.lexeme());
        } else {
          problems.add(
              new PolicyProblem(
                  item.at(),
                  PolicyProblem.Code.BAD_VALUE_TYPE,
                  "a principal is a string, not " + item.kindName()));
        }
      }
      byType.put(field.key(), values);
    }
    return Optional.of(new PrincipalSet(false, byType));
  }

  private static List<Condition> conditions(
      Value.Obj s, boolean variables, List<PolicyProblem> problems) {
    Optional<Value> value = s.get("Condition");
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof Value.Obj block)) {
      problems.add(
          new PolicyProblem(
              value.get().at(),
              PolicyProblem.Code.BAD_VALUE_TYPE,
              "Condition is an object of operators, not " + value.get().kindName()));
      return List.of();
    }
    List<Condition> conditions = new ArrayList<>();
    for (Value.Field operatorField : block.fields()) {
      Optional<ConditionOperator> operator = ConditionOperator.parse(operatorField.key());
      if (operator.isEmpty()) {
        problems.add(
            new PolicyProblem(
                operatorField.keyAt(),
                PolicyProblem.Code.UNKNOWN_OPERATOR,
                "unknown condition operator '" + operatorField.key() + "'"));
        continue;
      }
      if (!(operatorField.value() instanceof Value.Obj keys)) {
        problems.add(
            new PolicyProblem(
                operatorField.value().at(),
                PolicyProblem.Code.BAD_VALUE_TYPE,
                operatorField.key()
                    + " takes an object of condition keys, not "
                    + operatorField.value().kindName()));
        continue;
      }
      for (Value.Field keyField : keys.fields()) {
        List<SymbolicText> values = new ArrayList<>();
        for (Value item :
            keyField.value() instanceof Value.Seq seq ? seq.items() : List.of(keyField.value())) {
          Optional<SymbolicText> text = item.asText();
          if (text.isPresent()) {
            values.add(text.get());
          } else {
            problems.add(
                new PolicyProblem(
                    item.at(),
                    PolicyProblem.Code.BAD_VALUE_TYPE,
                    "condition values are strings, numbers or booleans, not " + item.kindName()));
          }
        }
        Condition condition =
            new Condition(operator.get(), keyField.key(), values, variables, keyField.keyAt());
        condition
            .invalidValue()
            .ifPresent(
                bad ->
                    problems.add(
                        new PolicyProblem(
                            keyField.keyAt(),
                            PolicyProblem.Code.BAD_CONDITION_VALUE,
                            "\""
                                + bad
                                + "\" is not a valid value for "
                                + operator.get().family().title())));
        conditions.add(condition);
      }
    }
    return conditions;
  }

  private static String show(Value value) {
    return value.asText().map(t -> "\"" + t + "\"").orElse(value.kindName());
  }
}
