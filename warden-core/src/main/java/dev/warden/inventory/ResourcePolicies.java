package dev.warden.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A first reading of resource-based policies, enough to tell whether anybody on the internet can
 * write to a trigger's source or call an API. The IAM engine gives the exact answer; the inventory
 * only needs to know which entry points are open.
 */
public final class ResourcePolicies {

  /** Condition keys that narrow who can call, whatever the principal says. */
  private static final Set<String> NARROWING_KEYS =
      Set.of(
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:sourceip",
          "aws:principalorgid",
          "aws:principalaccount",
          "aws:sourceaccount",
          "aws:sourcearn",
          "aws:sourceorgid",
          "aws:principalorgpaths");

  private ResourcePolicies() {}

  /**
   * True when an Allow statement lets any principal perform an action that {@code actionPrefix}
   * matches (e.g. {@code s3:Put}, {@code sqs:SendMessage}) without a condition that narrows the
   * callers.
   */
  public static boolean allowsAnyone(Optional<Value> policy, List<String> actions) {
    return !openStatements(policy, actions).isEmpty();
  }

  /**
   * The Allow statements that let any principal perform one of {@code actions} without a condition
   * that narrows the callers, in policy order.
   */
  public static List<Value.Obj> openStatements(Optional<Value> policy, List<String> actions) {
    List<Value.Obj> open = new ArrayList<>();
    if (policy.isEmpty()) {
      return open;
    }
    for (Value statement : statements(policy.get())) {
      if (!(statement instanceof Value.Obj s)) {
        continue;
      }
      if (!s.get("Effect").flatMap(Value::asString).map("Allow"::equalsIgnoreCase).orElse(false)) {
        continue;
      }
      if (!isAnyone(s.get("Principal")) || narrows(s.get("Condition"))) {
        continue;
      }
      for (Value action : s.list("Action")) {
        String text = action.asString().orElse("").toLowerCase(Locale.ROOT);
        if (matchesAny(text, actions)) {
          open.add(s);
          break;
        }
      }
    }
    return open;
  }

  /** True when the policy only lets callers in through a VPC, an account or an organisation. */
  public static boolean restrictsCallers(Optional<Value> policy) {
    if (policy.isEmpty()) {
      return false;
    }
    boolean anyAllow = false;
    for (Value statement : statements(policy.get())) {
      if (statement instanceof Value.Obj s
          && s.get("Effect")
              .flatMap(Value::asString)
              .map("Allow"::equalsIgnoreCase)
              .orElse(false)) {
        anyAllow = true;
        if (isAnyone(s.get("Principal")) && !narrows(s.get("Condition"))) {
          return false;
        }
      }
    }
    return anyAllow;
  }

  public static List<Value> statements(Value policy) {
    return policy.asObj().map(p -> p.list("Statement")).orElse(List.of());
  }

  private static boolean matchesAny(String action, List<String> wanted) {
    if (action.equals("*")) {
      return true;
    }
    for (String w : wanted) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (action.endsWith("*")
          ? lower.startsWith(action.substring(0, action.length() - 1))
          : action.equals(lower)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAnyone(Optional<Value> principal) {
    if (principal.isEmpty()) {
      return false;
    }
    Value value = principal.get();
    if (value.asString().map("*"::equals).orElse(false)) {
      return true;
    }
    if (value instanceof Value.Obj obj) {
      for (Value item : obj.list("AWS")) {
        if (item.asString().map("*"::equals).orElse(false)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean narrows(Optional<Value> condition) {
    if (condition.isEmpty() || !(condition.get() instanceof Value.Obj operators)) {
      return false;
    }
    for (Value.Field operator : operators.fields()) {
      if (operator.value() instanceof Value.Obj keys) {
        for (Value.Field key : keys.fields()) {
          if (NARROWING_KEYS.contains(key.key().toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
