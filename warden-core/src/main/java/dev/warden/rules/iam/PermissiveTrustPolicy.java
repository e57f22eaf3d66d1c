package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Flags execution roles whose trust policy lets someone other than the Lambda service assume them
 * without a condition that pins who: everybody ({@code "*"}), another account with no {@code
 * sts:ExternalId} or organisation condition, a web identity with no audience condition.
 */
@AutoService(Rule.class)
public final class PermissiveTrustPolicy implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-008",
          "Function role can be assumed by principals outside the function",
          Severity.CRITICAL,
          Category.PRIVILEGE_ESCALATION,
          Optional.of(Owasp.SAS_4),
          "Let only lambda.amazonaws.com assume an execution role; if another account must, name"
              + " it and require sts:ExternalId or aws:PrincipalOrgID.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"));

  /** Condition keys that pin who may assume a role. */
  private static final Set<String> PINNING_KEYS =
      Set.of(
          "sts:externalid",
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalarn",
          "aws:principalaccount",
          "aws:sourcearn",
          "aws:sourceaccount",
          "aws:sourceorgid");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<Value> trust = function.role().trustPolicy();
    if (trust.isEmpty() || !(trust.get() instanceof Value.Obj policy)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Value item : policy.list("Statement")) {
      if (!(item instanceof Value.Obj statement)
          || !statement.text("Effect").map(e -> e.toString().equals("Allow")).orElse(false)) {
        continue;
      }
      Set<String> keys = conditionKeys(statement);
      boolean pinned = keys.stream().anyMatch(PINNING_KEYS::contains);
      Optional<Value> principal = statement.get("Principal");
      if (principal.isEmpty()) {
        continue;
      }
      for (Trusted trusted : trusted(principal.get())) {
        Optional<String> problem = problem(trusted, pinned, keys);
        problem.ifPresent(
            text ->
                findings.add(
                    Finding.of(
                        INFO,
                        function,
                        trusted.at(),
                        trusted.type() + ":" + trusted.value(),
                        "the trust policy of role "
                            + function.role().displayName()
                            + " lets "
                            + text
                            + " assume it, and so act as the function")));
      }
    }
    return findings;
  }

  private record Trusted(String type, String value, SourceLocation at) {}

  private static List<Trusted> trusted(Value principal) {
    List<Trusted> all = new ArrayList<>();
    if (principal.asString().map("*"::equals).orElse(false)) {
      all.add(new Trusted("AWS", "*", principal.at()));
      return all;
    }
    if (principal instanceof Value.Obj map) {
      for (Value.Field field : map.fields()) {
        for (Value value : field.value().asList()) {
          value
              .asText()
              .ifPresent(text -> all.add(new Trusted(field.key(), text.toString(), value.at())));
        }
      }
    }
    return all;
  }

  private static Optional<String> problem(Trusted trusted, boolean pinned, Set<String> keys) {
    if (trusted.type().equals("AWS")) {
      if (trusted.value().equals("*")) {
        return pinned ? Optional.empty() : Optional.of("any AWS account");
      }
      return pinned
          ? Optional.empty()
          : Optional.of(trusted.value() + " (no sts:ExternalId or organisation condition)");
    }
    if (trusted.type().equals("Federated")) {
      boolean audience = keys.stream().anyMatch(k -> k.endsWith(":aud") || k.endsWith(":sub"));
      return audience
          ? Optional.empty()
          : Optional.of("any identity of " + trusted.value() + " (no audience condition)");
    }
    if (trusted.type().equals("Service")
        && !trusted.value().toLowerCase(Locale.ROOT).startsWith("lambda.")
        && !trusted.value().toLowerCase(Locale.ROOT).startsWith("edgelambda.")) {
      return Optional.of("the service " + trusted.value());
    }
    return Optional.empty();
  }

  private static Set<String> conditionKeys(Value.Obj statement) {
    Set<String> keys = new java.util.HashSet<>();
    statement
        .obj("Condition")
        .ifPresent(
            block -> {
              for (Value.Field operator : block.fields()) {
                operator
                    .value()
                    .asObj()
                    .ifPresent(
                        entries ->
                            entries.keys().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT))));
              }
            });
    return keys;
  }
}
