package dev.warden.rules.code;

import com.google.auto.service.AutoService;
import dev.warden.code.FunctionCode;
import dev.warden.code.Injection;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
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
import java.util.Set;

/**
 * Flags code that writes the whole event to the logs: request bodies, headers with tokens, user
 * attributes (e-mail, phone) end up in CloudWatch Logs, readable by everyone who reads the logs and
 * kept as long as they are.
 */
@AutoService(Rule.class)
public final class WholeEventLogged implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-CODE-002",
          "Function writes the whole event to its logs",
          Severity.MEDIUM,
          Category.DATA_EXPOSURE,
          Optional.of(Owasp.SAS_5),
          "Log the fields you need (an id, a status), never the whole event; mask personal data"
              + " and tokens before logging.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html",
              "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return EVERY_CLOUD;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    Optional<FunctionCode> code = context.code(function);
    if (code.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Injection injection : code.get().injections()) {
      if (injection.kind().equals("log")) {
        findings.add(
            Finding.of(
                INFO,
                function,
                injection.at(),
                injection.at().file() + ":" + injection.sink(),
                function.logicalId()
                    + " writes the whole event to its logs with "
                    + injection.sink()
                    + ": every field of every event, personal data and tokens included"));
      }
    }
    return findings;
  }
}
