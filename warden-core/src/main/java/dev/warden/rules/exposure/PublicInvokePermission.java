package dev.warden.rules.exposure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.InvokePermission;
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
import java.util.Locale;
import java.util.Optional;

/**
 * Flags statements of a function's resource-based policy that let anybody invoke it: principal
 * {@code *} or any AWS account with no {@code SourceArn}, {@code SourceAccount} or organisation
 * condition. A service principal without {@code SourceArn} or {@code SourceAccount} is flagged at
 * medium: any customer's bucket, topic or rule of that service could invoke the function (the
 * confused deputy). Function URL permissions are left to WDN-EXP-001.
 */
@AutoService(Rule.class)
public final class PublicInvokePermission implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-EXP-002",
          "Resource-based policy lets anybody invoke the function",
          Severity.HIGH,
          Category.PUBLIC_ENTRY_POINT,
          Optional.of(Owasp.SAS_2),
          "Name the account or service that must invoke the function and add SourceArn (and"
              + " SourceAccount) to the permission; remove permissions nobody needs.",
          List.of(
              "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (InvokePermission permission : function.invokePermissions()) {
      if (permission.functionUrlAuthType().isPresent()
          || permission.action().toLowerCase(Locale.ROOT).contains("invokefunctionurl")
          || permission.principalOrgId().isPresent()) {
        continue;
      }
      String principal = permission.principal().toString();
      boolean pinned = permission.sourceArn().isPresent() || permission.sourceAccount().isPresent();
      if (isAnyAccount(principal) && !pinned) {
        findings.add(
            Finding.of(
                INFO,
                function,
                permission.at(),
                principal,
                "any AWS account may call "
                    + permission.action()
                    + " on "
                    + function.logicalId()
                    + " (principal "
                    + principal
                    + ", no SourceArn, SourceAccount or PrincipalOrgID)"));
      } else if (principal.endsWith(".amazonaws.com") && !pinned) {
        findings.add(
            Finding.of(
                    INFO,
                    function,
                    permission.at(),
                    principal,
                    principal
                        + " may invoke "
                        + function.logicalId()
                        + " on behalf of any account: the permission has no SourceArn or"
                        + " SourceAccount")
                .withSeverity(Severity.MEDIUM));
      }
    }
    return findings;
  }

  private static boolean isAnyAccount(String principal) {
    return principal.equals("*") || principal.equals("arn:aws:iam::*:root");
  }
}
