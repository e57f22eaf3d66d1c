package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.Api;
import dev.warden.inventory.App;
import dev.warden.inventory.Cors;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.AppRule;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags APIs and function URLs whose CORS settings let any web origin call them from a browser;
 * with credentials allowed too, any site a user visits can act with that user's cookies or tokens
 * (high).
 */
@AutoService(Rule.class)
public final class CorsAnyOrigin implements AppRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-API-003",
          "CORS lets any origin call the endpoint",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "List the origins of your own front ends in AllowOrigins; never combine a wildcard or"
              + " reflected origin with AllowCredentials.",
          List.of(
              "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
              "https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors",
              "https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Api api : app.apis()) {
      if (api.cors().isPresent() && api.cors().get().allowsAnyOrigin()) {
        Cors cors = api.cors().get();
        findings.add(
            graded(
                Finding.ofApp(
                    INFO,
                    app.id(),
                    cors.at(),
                    api.logicalId(),
                    "API " + api.logicalId() + " allows any origin" + withCredentials(cors)),
                cors));
      }
    }
    for (ServerlessFunction function : app.functions()) {
      Optional<Cors> cors = function.url().flatMap(u -> u.cors());
      if (cors.isPresent() && cors.get().allowsAnyOrigin()) {
        findings.add(
            graded(
                Finding.of(
                    INFO,
                    function,
                    cors.get().at(),
                    "url",
                    "the function URL of "
                        + function.logicalId()
                        + " allows any origin"
                        + withCredentials(cors.get())),
                cors.get()));
      }
    }
    return findings;
  }

  private static String withCredentials(Cors cors) {
    return cors.allowCredentials()
        ? " with credentials: any web page a signed-in user opens can call it as that user"
        : ": any web page can call it from its visitors' browsers";
  }

  private static Finding graded(Finding finding, Cors cors) {
    return cors.allowCredentials() ? finding.withSeverity(Severity.HIGH) : finding;
  }
}
