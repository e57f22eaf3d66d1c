package dev.warden.rules.code;

import com.google.auto.service.AutoService;
import dev.warden.code.FunctionCode;
import dev.warden.code.Injection;
import dev.warden.inventory.App;
import dev.warden.inventory.Auth;
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
 * Flags event data that reaches a shell command, code evaluation, a deserialiser, an SQL query, a
 * file path or a URL in the function's code, with the names it went through. What executes the data
 * is critical when anybody can send the event (a public trigger without authentication), high
 * otherwise; SQL, paths and URLs one step lower.
 */
@AutoService(Rule.class)
public final class EventInjection implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-CODE-001",
          "Event data reaches a command, code, deserialisation, SQL, NoSQL, XML, file or URL sink",
          Severity.HIGH,
          Category.EVENT_INJECTION,
          Optional.of(Owasp.SAS_1),
          "Never pass event data to a shell, eval or an unsafe deserialiser: call programs with an"
              + " argument list (no shell), parse with safe loaders (yaml.safe_load, JSON), pass"
              + " values to SQL as parameters and to NoSQL queries as plain values (never an"
              + " object from the event), parse XML without external entities, check paths and"
              + " URLs against an allow-list, and"
              + " validate the event against a schema first.",
          List.of(
              "https://owasp.org/www-project-serverless-top-10/",
              "https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html",
              "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html"));

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
    // Anybody can send the event: a public trigger (with no authentication, or a source anybody
    // may write to).
    boolean open =
        function.triggers().stream()
            .anyMatch(t -> t.isPublic() && (t.auth() == Auth.NONE || t.auth() == Auth.IAM));
    List<Finding> findings = new ArrayList<>();
    for (Injection injection : code.get().injections()) {
      if (injection.kind().equals("log")) {
        continue;
      }
      Finding finding =
          Finding.of(
              INFO,
              function,
              injection.at(),
              injection.sink() + ":" + String.join(">", injection.path()),
              "event data reaches "
                  + injection.sink()
                  + " ("
                  + injection.kind()
                  + "): "
                  + String.join(" → ", injection.path())
                  + " → "
                  + injection.sink()
                  + "(…)"
                  + (open ? ", and anybody can send " + function.logicalId() + " events" : ""));
      boolean executes = Set.of("command", "code", "deserialisation").contains(injection.kind());
      Severity severity =
          executes
              ? (open ? Severity.CRITICAL : Severity.HIGH)
              : (open ? Severity.HIGH : Severity.MEDIUM);
      findings.add(finding.withSeverity(severity));
    }
    return findings;
  }
}
