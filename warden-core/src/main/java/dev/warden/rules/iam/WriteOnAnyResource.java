package dev.warden.rules.iam;

import com.google.auto.service.AutoService;
import dev.warden.iam.AccessLevel;
import dev.warden.iam.EffectivePermissions.ActionGrant;
import dev.warden.iam.EffectivePermissions.StatementRef;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.RiskType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags write and permissions-management actions granted on every resource ({@code "Resource":
 * "*"}) where the action could be scoped: actions that AWS lets apply only to {@code *}, and the
 * logs and traces every function writes, are left out.
 */
@AutoService(Rule.class)
public final class WriteOnAnyResource implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-IAM-004",
          "Function role may change any resource of a kind",
          Severity.HIGH,
          Category.OVER_PRIVILEGED,
          Optional.of(Owasp.SAS_4),
          "Replace \"Resource\": \"*\" (or a whole type such as table/* or function:*) with the"
              + " ARNs of the resources the function writes to"
              + " (in SAM and serverless.yml, !GetAtt Table.Arn or a SAM policy template with the"
              + " table's name; in Terraform, aws_dynamodb_table.t.arn).",
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
              "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"));

  /**
   * What every function may need on {@code *}: writing its logs, and the network interfaces Lambda
   * creates for a function in a VPC (AWS's own AWSLambdaVPCAccessExecutionRole grants them so).
   */
  private static final Set<String> PLUMBING =
      Set.of(
          "logs:CreateLogGroup",
          "logs:CreateLogStream",
          "logs:PutLogEvents",
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses",
          "ec2:UnassignPrivateIpAddresses");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    PermissionAnalysis analysis = context.permissions(function);
    if (analysis.risks().stream()
        .anyMatch(r -> r.type() == RiskType.ADMIN && r.method().equals("AllActions"))) {
      return List.of();
    }
    IamCatalog catalog = IamCatalog.bundled();
    List<String> actions = new ArrayList<>();
    Map<dev.warden.iam.Statement, StatementRef> statements = new LinkedHashMap<>();
    for (ActionGrant grant : analysis.allowed()) {
      AccessLevel level = grant.accessLevel().orElse(null);
      boolean writes = level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT;
      boolean scopable = catalog.action(grant.action()).map(a -> !a.isWildcardOnly()).orElse(false);
      if (!writes
          || !scopable
          || grant.resources().stream().noneMatch(Grants::everyOfAKind)
          || PLUMBING.contains(grant.action())) {
        continue;
      }
      List<StatementRef> granting =
          Grants.writtenOnAny(grant.statements(), context.policies(function));
      if (!granting.isEmpty()) {
        actions.add(grant.action());
        granting.forEach(ref -> statements.putIfAbsent(ref.statement(), ref));
      }
    }
    if (actions.isEmpty()) {
      return List.of();
    }
    List<StatementRef> refs = new ArrayList<>(statements.values());
    return List.of(
        Finding.of(
            INFO,
            function,
            Grants.actionAt(refs, actions.get(0), function.role().at()),
            "write-on-any-resource",
            "role "
                + function.role().displayName()
                + " may change any resource with "
                + actions.size()
                + (actions.size() == 1 ? " action: " : " actions: ")
                + Grants.list(actions, 5)
                + "; granted on every resource of their kind by "
                + Grants.cite(refs)));
  }
}
