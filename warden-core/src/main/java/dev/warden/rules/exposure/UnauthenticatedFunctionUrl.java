package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
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
import java.util.Optional;

/** Flags function URLs with {@code AuthType: NONE}: anyone on the internet may call them. */
@AutoService(Rule.class)
public final class UnauthenticatedFunctionUrl implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-EXP-001",
          "Function URL requires no authentication",
          Severity.HIGH,
          Category.MISSING_AUTH,
          Optional.of(Owasp.SAS_2),
          "Set the URL's AuthType to AWS_IAM and sign requests, or put the function behind an API"
              + " with an authorizer.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Trigger trigger : function.triggers()) {
      if (trigger.kind() == TriggerKind.FUNCTION_URL && trigger.auth() == Auth.NONE) {
        findings.add(
            Finding.of(
                INFO,
                function,
                trigger.at(),
                "url",
                "the function URL of "
                    + function.logicalId()
                    + " has AuthType NONE: anyone who finds the URL can call it"));
      }
    }
    return findings;
  }
}
