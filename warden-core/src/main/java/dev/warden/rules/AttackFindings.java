package dev.warden.rules;

import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.logs.detect.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns detections in audit logs ({@code warden scan --trail}) into findings of category {@code
 * attack}, one rule per detection type. No class runs these rules: the logs' detectors do. A
 * detection is placed at the function it names when the scan declares it (by name, or by the
 * logical ID CloudFormation puts in generated names), else at the logs.
 */
public final class AttackFindings {

  private static final Map<String, RuleInfo> RULES = new LinkedHashMap<>();

  static {
    rule(
        "groundhog-day",
        "WDN-ATK-001",
        "Groundhog Day attack: a short attack replayed at a regular period with a function's role",
        Owasp.SAS_1,
        "Rotate what the replayed calls reach (the secret, the data), find the injection or leak"
            + " that lets the attacker run the function or take its credentials (the finding's"
            + " first events show from where), and cut the role down to what the function needs.",
        "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html");
    rule(
        "credential-exfiltration",
        "WDN-ATK-002",
        "A function's temporary credentials are used outside Lambda",
        Owasp.SAS_7,
        "Revoke the role's active sessions (an inline deny on aws:TokenIssueTime before now),"
            + " find how the environment was read (injection, a debug endpoint, a leaked log), and"
            + " add a condition on aws:SourceVpc or lambda:SourceFunctionArn where it applies.",
        "https://www.secureworks.com/research/detecting-the-use-of-stolen-aws-lambda-credentials");
    rule(
        "privilege-escalation",
        "WDN-ATK-003",
        "Privilege escalation in the audit logs: a principal gained permissions it was not given",
        Owasp.SAS_4,
        "Undo the change (detach the policy, restore the function's code or role), revoke the"
            + " principal's sessions, and remove iam:PassRole, lambda:Update* or IAM write"
            + " permissions it does not need.",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html");
    rule(
        "recon",
        "WDN-ATK-004",
        "Reconnaissance: a principal enumerated the account across many services",
        Owasp.SAS_4,
        "Find who holds the principal's credentials now (the calls' addresses and user agents),"
            + " revoke its sessions if it is not an expected scanner, and take List/Describe"
            + " permissions it does not need out of its policies.",
        "https://attack.mitre.org/techniques/T1580/");
    rule(
        "new-api",
        "WDN-ATK-005",
        "A principal called actions it never used before",
        Owasp.SAS_5,
        "Check that a deployment explains the new calls; if none does, treat the principal as"
            + " compromised, and remove the actions from its policies if it should never call them.",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html");
    rule(
        "denial-of-wallet",
        "WDN-ATK-006",
        "Denial of wallet: a function was flooded with invocations",
        Owasp.SAS_8,
        "Cap the function's reserved concurrency, throttle the API stage or usage plan in front of"
            + " it, and revoke the flooding caller's access.",
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html");
  }

  private static void rule(
      String type, String id, String title, Owasp owasp, String remediation, String reference) {
    RULES.put(
        type,
        new RuleInfo(
            id,
            title,
            Severity.HIGH,
            Category.ATTACK,
            Optional.of(owasp),
            remediation,
            List.of(reference)));
  }

  private AttackFindings() {}

  /** The rules, one per detection type. */
  public static List<RuleInfo> rules() {
    return List.copyOf(RULES.values());
  }

  /**
   * The finding for a detection.
   *
   * @param logs where the logs are, for detections that name no declared function
   */
  public static Finding finding(Detection detection, Inventory inventory, SourceLocation logs) {
    Optional<ServerlessFunction> function =
        detection
            .functionName()
            .flatMap(
                name ->
                    inventory
                        .functions()
                        .filter(f -> matches(f, name))
                        .sorted(java.util.Comparator.comparing(ServerlessFunction::id))
                        .findFirst());
    return finding(detection, function, logs);
  }

  /** The finding for a detection when no inventory was loaded: it is placed at the logs. */
  public static Finding finding(Detection detection, SourceLocation logs) {
    return finding(detection, Optional.empty(), logs);
  }

  private static Finding finding(
      Detection detection, Optional<ServerlessFunction> function, SourceLocation logs) {
    RuleInfo rule = RULES.get(detection.type());
    if (rule == null) {
      throw new IllegalArgumentException("no rule for detections of type " + detection.type());
    }
    Map<String, Object> json = detection.toJson();
    String message =
        detection.summary()
            + " — "
            + detection.principal()
            + ", "
            + json.get("start")
            + " to "
            + json.get("end");
    String fingerprint =
        Fingerprint.of(
            rule.id(),
            detection.principal(),
            detection.functionName().orElse(""),
            String.valueOf(detection.start()));
    return new Finding(
        rule,
        detection.severity(),
        function.map(ServerlessFunction::id),
        function.map(ServerlessFunction::logicalId),
        function.map(ServerlessFunction::logicalId),
        function.map(ServerlessFunction::declaredAt).orElse(logs),
        message,
        fingerprint,
        Optional.empty(),
        Map.of("detection", json));
  }

  private static boolean matches(ServerlessFunction function, String name) {
    return function.name().concrete().map(name::equals).orElse(false)
        || name.contains("-" + function.logicalId() + "-");
  }
}
