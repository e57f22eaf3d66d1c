package dev.warden.rules.supplychain;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
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
import java.util.Map;
import java.util.Optional;

/**
 * Flags layers published by another AWS account: their code runs inside the function with its role,
 * and the publisher can change what a new version contains. Layers of well-known publishers (AWS's
 * own, and large vendors) are reported at info with the publisher named; unknown accounts at
 * medium.
 */
@AutoService(Rule.class)
public final class ForeignLayer implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-SC-001",
          "Function runs a layer from another account",
          Severity.MEDIUM,
          Category.SUPPLY_CHAIN,
          Optional.of(Owasp.SAS_6),
          "Copy the layer into your own account after reviewing it, pin its version, and scan"
              + " its content like your own dependencies.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html"));

  /** Accounts that publish widely used public layers. */
  private static final Map<String, String> KNOWN_PUBLISHERS =
      Map.of(
          "580247275435", "AWS (Lambda Insights)",
          "901920570463", "AWS (Distro for OpenTelemetry)",
          "017000801446", "AWS (Powertools for AWS Lambda)",
          "094274105915", "AWS (Powertools for AWS Lambda)",
          "177933569100", "AWS (Parameters and Secrets extension)",
          "464622532012", "Datadog",
          "451483290750", "New Relic",
          "553035198032", "Lumigo",
          "943013980633", "Sentry");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    Optional<String> own = ownAccount(function);
    for (SymbolicText layer : function.layers()) {
      Optional<String> account = foreignAccount(layer);
      if (account.isEmpty() || account.equals(own)) {
        continue;
      }
      String publisher = KNOWN_PUBLISHERS.get(account.get());
      Finding finding =
          Finding.of(
              INFO,
              function,
              function.declaredAt(),
              layer.toString(),
              function.logicalId()
                  + " runs layer "
                  + layer
                  + " from account "
                  + account.get()
                  + (publisher == null ? ", which is not this app's" : " (" + publisher + ")"));
      findings.add(publisher == null ? finding : finding.withSeverity(Severity.INFO));
    }
    return findings;
  }

  /** The layer ARN's account when it is a literal account id (not this stack's own). */
  /**
   * The function's own account, when its id is its ARN (a function read from a live account's
   * snapshot); a template's functions use {@code ${AWS::AccountId}}, which is never a literal.
   */
  private static Optional<String> ownAccount(ServerlessFunction function) {
    String[] parts = function.id().split(":", -1);
    return parts.length > 6 && parts[0].equals("arn") && parts[4].matches("\\d{12}")
        ? Optional.of(parts[4])
        : Optional.empty();
  }

  private static Optional<String> foreignAccount(SymbolicText layer) {
    List<SymbolicText> parts = layer.split(":");
    if (parts.size() < 5 || !parts.get(0).toString().equals("arn")) {
      return Optional.empty();
    }
    return parts.get(4).concrete().filter(a -> a.matches("\\d{12}"));
  }
}
