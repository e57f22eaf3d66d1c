package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.iam.ActionPattern;
import dev.warden.iam.Effect;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.RiskType;
import dev.warden.iam.Statement;
import dev.warden.inventory.App;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags Allow statements that grant every action of a service ({@code dynamodb:*}, or an
 * AWS-managed policy such as AmazonS3FullAccess that does), one finding per service and role. A
 * role reported as administrator is left to that rule.
 */
@AutoService(Rule.class)
public final class ServiceWideWildcard implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-003",
          "Function role allows every action of a service",
          Severity.MEDIUM,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "List the actions the function calls instead of service:* (for DynamoDB, usually"
              + " GetItem, PutItem, UpdateItem, Query); the SAM policy templates are a scoped start.",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
              "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    boolean administrator =
        context.permissions(function).risks().stream()
            .anyMatch(r -> r.type() == RiskType.ADMIN && r.method().equals("AllActions"));
    if (administrator) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    for (PolicyDocument document : context.policies(function).identity()) {
      for (Statement statement : document.statements()) {
        if (statement.effect() != Effect.ALLOW || statement.notAction()) {
          continue;
        }
        for (ActionPattern pattern : statement.actions()) {
          if (!pattern.isServiceWide() || pattern.isAny() || !reported.add(pattern.service())) {
            continue;
          }
          findings.add(
              Finding.of(
                  INFO,
                  function,
                  pattern.at().line() > 0 ? pattern.at() : statement.at(),
                  pattern.service(),
                  "role "
                      + function.role().displayName()
                      + " allows "
                      + pattern.text()
                      + ", every action of the service, on "
                      + resources(statement)
                      + "; granted by "
                      + statement.at().file()
                      + ":"
                      + statement.at().line()
                      + statement.sid().map(s -> " (" + s + ")").orElse("")));
        }
      }
    }
    return findings;
  }

  private static String resources(Statement statement) {
    if (!statement.hasResource()) {
      return "every resource";
    }
    List<String> texts = new ArrayList<>();
    statement.resources().forEach(r -> texts.add(r.text()));
    String listed = Grants.list(texts, 3);
    return statement.notResource() ? "everything but " + listed : listed;
  }
}
