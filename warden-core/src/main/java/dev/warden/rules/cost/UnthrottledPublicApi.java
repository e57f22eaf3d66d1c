package dev.warden.rules.cost;

import com.google.auto.service.AutoService;
import dev.warden.inventory.Api;
import dev.warden.inventory.ApiStage;
import dev.warden.inventory.App;
import dev.warden.rules.ApiRule;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Mentions;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Flags internet-facing APIs with neither throttling limits of their own (stage or usage plan) nor
 * a WAF web ACL: their only limit is the account-wide default of API Gateway, shared by every API,
 * and every request reaches the functions behind.
 */
@AutoService(Rule.class)
public final class UnthrottledPublicApi implements ApiRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-DOW-003",
          "Public API has no throttling and no WAF",
          Severity.MEDIUM,
          Category.DENIAL_OF_WALLET,
          Optional.of(Owasp.SAS_8),
          "Set stage throttling (MethodSettings ThrottlingRateLimit/BurstLimit, or DefaultRouteSettings"
              + " on HTTP APIs) or a usage plan, and associate an AWS WAF web ACL with a rate-based"
              + " rule.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html",
              "https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Api api, App app, RuleContext context) {
    if (!api.isInternetFacing()) {
      return List.of();
    }
    boolean throttled =
        api.stages().stream()
                .anyMatch(
                    s ->
                        s.throttlingBurstLimit().isPresent() || s.throttlingRateLimit().isPresent())
            || Mentions.anyOfType(app, context, api.logicalId(), "AWS::ApiGateway::UsagePlan");
    boolean waf =
        Mentions.anyOfType(app, context, api.logicalId(), "AWS::WAFv2::WebACLAssociation")
            || Mentions.anyOfType(
                app, context, api.logicalId(), "AWS::WAFRegional::WebACLAssociation");
    if (throttled || waf) {
      return List.of();
    }
    return List.of(
        Finding.ofApp(
            INFO,
            app.id(),
            api.stages().stream().map(ApiStage::at).findFirst().orElse(api.at()),
            api.logicalId(),
            "API "
                + api.logicalId()
                + " is public with no throttling of its own and no WAF: a flood of requests runs"
                + " its functions as often as the account's API Gateway quota allows"));
  }
}
