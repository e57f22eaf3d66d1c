package dev.warden.iam.simulate;

import dev.warden.iam.ConditionKeyType;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.PolicyParser;
import dev.warden.iam.PolicyProblem;
import dev.warden.iam.PolicySet;
import dev.warden.iam.PolicyType;
import dev.warden.iam.Principal;
import dev.warden.iam.Request;
import dev.warden.iam.RequestContext;
import dev.warden.inventory.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one simulation input, {@code {"principal", "policies", "action", "resource", "context",
 * "resourceAccount", "permissionBoundary", "sessionPolicy", "resourcePolicy", "scps", "rcps"}},
 * into a request and its policies. Other fields are ignored. A policy AWS would reject makes the
 * whole line bad, with the policy's problem at its line.
 */
final class SimulationInputReader {

  private final IamCatalog catalog;
  private final Instant now;

  SimulationInputReader(IamCatalog catalog, Instant now) {
    this.catalog = catalog;
    this.now = now;
  }

  SimulationInput read(Value line) {
    if (!(line instanceof Value.Obj input)) {
      throw new BadSimulationInput("an input line is a JSON object, not " + line.kindName());
    }
    Principal principal = new Principal(requiredString(input, "principal"));
    if (!principal.isService() && principal.account().isEmpty()) {
      throw new BadSimulationInput(
          "principal must be an IAM ARN with an account (arn:aws:iam::111122223333:role/fn) or a"
              + " service principal (lambda.amazonaws.com), not \""
              + principal.arn()
              + "\"");
    }
    String action = requiredString(input, "action");
    int colon = action.indexOf(':');
    if (colon <= 0 || colon == action.length() - 1 || action.indexOf(':', colon + 1) >= 0) {
      throw new BadSimulationInput(
          "action must be service:Action (s3:GetObject), not \"" + action + "\"");
    }
    String resource = requiredString(input, "resource");
    Optional<String> resourceAccount = optionalString(input, "resourceAccount");
    String account =
        resourceAccount.orElseGet(
            () ->
                principal
                    .account()
                    .orElseThrow(
                        () ->
                            new BadSimulationInput(
                                "resourceAccount is needed when the principal is a service")));

    Map<String, List<String>> context =
        new LinkedHashMap<>(GlobalContextKeys.derive(principal, resource, account, now));
    Set<String> multivalued = new HashSet<>();
    input.get("context").ifPresent(value -> context.putAll(contextValues(value, multivalued)));

    PolicySet policies =
        new PolicySet(
            policyList(input, "policies", PolicyType.IDENTITY),
            optionalPolicy(input, "resourcePolicy", PolicyType.RESOURCE),
            optionalPolicy(input, "permissionBoundary", PolicyType.BOUNDARY),
            optionalPolicy(input, "sessionPolicy", PolicyType.SESSION),
            levels(input, "scps", PolicyType.SCP),
            levels(input, "rcps", PolicyType.RCP));
    return new SimulationInput(
        new Request(principal, action, resource, account, RequestContext.of(context, multivalued)),
        policies);
  }

  private static String requiredString(Value.Obj input, String key) {
    Value value =
        input
            .get(key)
            .orElseThrow(() -> new BadSimulationInput("the input has no \"" + key + "\""));
    return string(value, key);
  }

  private static Optional<String> optionalString(Value.Obj input, String key) {
    return input.get(key).filter(v -> !(v instanceof Value.Nil)).map(v -> string(v, key));
  }

  private static String string(Value value, String key) {
    if (value instanceof Value.Str str && str.text().concrete().isPresent()) {
      String text = str.text().concrete().get();
      if (!text.isEmpty()) {
        return text;
      }
    }
    throw new BadSimulationInput(
        "\"" + key + "\" must be a non-empty string, not " + value.kindName() + at(value));
  }

  /**
   * The context keys of the input. A key is multivalued when AWS documents it so ({@code
   * ArrayOfString}…) or, for a key Warden does not know, when it is given as a list; a
   * single-valued key given as a list of more than one value is an error.
   */
  private Map<String, List<String>> contextValues(Value value, Set<String> multivalued) {
    if (!(value instanceof Value.Obj keys)) {
      throw new BadSimulationInput(
          "\"context\" maps condition keys to values, not " + value.kindName() + at(value));
    }
    Map<String, List<String>> context = new LinkedHashMap<>();
    for (Value.Field field : keys.fields()) {
      List<String> values = new ArrayList<>();
      for (Value item : field.value().asList()) {
        if (item instanceof Value.Obj || item instanceof Value.Seq) {
          throw new BadSimulationInput(
              "context key \""
                  + field.key()
                  + "\" holds a string, number, boolean or a list of them, not "
                  + item.kindName()
                  + at(item));
        }
        item.asString().ifPresent(values::add);
      }
      Optional<ConditionKeyType> type = catalog.conditionKeyType(field.key());
      boolean isSet =
          type.map(ConditionKeyType::isMultivalued).orElse(field.value() instanceof Value.Seq);
      if (isSet) {
        multivalued.add(field.key());
      } else if (values.size() != 1) {
        throw new BadSimulationInput(
            "context key \""
                + field.key()
                + "\" is single-valued: give it one value, not "
                + values.size()
                + at(field.value()));
      }
      context.put(field.key(), values);
    }
    return context;
  }

  private static List<PolicyDocument> policyList(Value.Obj input, String key, PolicyType type) {
    Optional<Value> value = input.get(key).filter(v -> !(v instanceof Value.Nil));
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof Value.Seq seq)) {
      throw new BadSimulationInput(
          "\"" + key + "\" is a list of policy documents, not " + value.get().kindName());
    }
    List<PolicyDocument> documents = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      documents.add(policy(seq.items().get(i), key + "[" + i + "]", type));
    }
    return documents;
  }

  private static Optional<PolicyDocument> optionalPolicy(
      Value.Obj input, String key, PolicyType type) {
    return input
        .get(key)
        .filter(v -> !(v instanceof Value.Nil))
        .map(value -> policy(value, key, type));
  }

  private static List<List<PolicyDocument>> levels(Value.Obj input, String key, PolicyType type) {
    Optional<Value> value = input.get(key).filter(v -> !(v instanceof Value.Nil));
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof Value.Seq seq)) {
      throw new BadSimulationInput(
          "\""
              + key
              + "\" is a list of organisation levels (root first), each a list of policy"
              + " documents, not "
              + value.get().kindName());
    }
    List<List<PolicyDocument>> levels = new ArrayList<>();
    for (int level = 0; level < seq.items().size(); level++) {
      Value item = seq.items().get(level);
      if (!(item instanceof Value.Seq documents)) {
        throw new BadSimulationInput(
            "\""
                + key
                + "["
                + level
                + "]\" is a list of policy documents, not "
                + item.kindName()
                + at(item));
      }
      List<PolicyDocument> parsed = new ArrayList<>();
      for (int i = 0; i < documents.items().size(); i++) {
        parsed.add(policy(documents.items().get(i), key + "[" + level + "][" + i + "]", type));
      }
      levels.add(parsed);
    }
    return levels;
  }

  private static PolicyDocument policy(Value value, String name, PolicyType type) {
    PolicyParser.Parsed parsed = PolicyParser.parse(value, type);
    for (PolicyProblem problem : parsed.problems()) {
      if (problem.code().isError()) {
        throw new BadSimulationInput(
            name + ": " + problem.message() + " (column " + problem.at().column() + ")");
      }
    }
    return parsed.document();
  }

  private static String at(Value value) {
    return " (column " + value.at().column() + ")";
  }
}
