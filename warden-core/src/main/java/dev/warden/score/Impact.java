package dev.warden.score;

import dev.warden.iam.AccessLevel;
import dev.warden.iam.EffectivePermissions;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.Risk;
import dev.warden.iam.RiskType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the function's role gives whoever controls the function, 0–1: the worst attacker capability
 * the IAM engine finds (a capability that a condition may block counts 70%; a data or
 * infrastructure capability on named resources only, 40%), else the strongest access level granted;
 * plus 0.03 per other function sharing the role (at most 0.1), its blast radius.
 */
record Impact(double value, String why) {

  private static final Map<RiskType, Double> BY_RISK = weights();

  private static Map<RiskType, Double> weights() {
    Map<RiskType, Double> weights = new EnumMap<>(RiskType.class);
    weights.put(RiskType.ADMIN, 1.0);
    weights.put(RiskType.PRIVILEGE_ESCALATION, 0.9);
    weights.put(RiskType.CREDENTIALS_EXPOSURE, 0.75);
    weights.put(RiskType.PASSROLE_WILDCARD, 0.7);
    weights.put(RiskType.RESOURCE_EXPOSURE, 0.65);
    weights.put(RiskType.INFRASTRUCTURE_MODIFICATION, 0.6);
    weights.put(RiskType.DATA_EXFILTRATION, 0.55);
    return weights;
  }

  /**
   * True when a data or infrastructure capability is limited to named resources (the function's own
   * table, its secret): an attacker gets those, not the account's. Administrator and escalation
   * capabilities are never discounted.
   */
  private static boolean onNamedResources(Risk risk) {
    return risk.type() != RiskType.ADMIN
        && risk.type() != RiskType.PRIVILEGE_ESCALATION
        && risk.type() != RiskType.PASSROLE_WILDCARD
        && risk.resources().stream().noneMatch("*"::equals);
  }

  /** What every function does to run and be watched: logs, traces, metrics. */
  private static boolean isHousekeeping(String action) {
    return action.startsWith("logs:")
        || action.startsWith("xray:")
        || action.equals("cloudwatch:PutMetricData");
  }

  static Impact of(PermissionAnalysis permissions, String role, int sharedWith) {
    double value = 0.05;
    String why = "role " + role + " allows little beyond writing logs";
    for (Risk risk : permissions.risks()) {
      double weight =
          BY_RISK.getOrDefault(risk.type(), 0.5)
              * (risk.conditional() ? 0.7 : 1.0)
              * (onNamedResources(risk) ? 0.4 : 1.0);
      if (weight > value) {
        value = weight;
        why = "role " + role + " gives " + risk.type().wireName() + " (" + risk.method() + ")";
      }
    }
    if (value < 0.3) {
      for (EffectivePermissions.ActionGrant grant : permissions.allowed()) {
        AccessLevel level = grant.accessLevel().orElse(AccessLevel.WRITE);
        double weight =
            switch (level) {
              case WRITE, PERMISSIONS_MANAGEMENT -> 0.3;
              case READ -> 0.2;
              case TAGGING, LIST -> 0.1;
            };
        if (weight > value && !isHousekeeping(grant.action())) {
          value = weight;
          why =
              "role "
                  + role
                  + " grants "
                  + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + " access (e.g. "
                  + grant.action()
                  + ")";
        }
      }
    }
    if (sharedWith > 0) {
      value = Math.min(1.0, value + Math.min(0.1, 0.03 * sharedWith));
      why += "; " + sharedWith + " other function(s) share the role";
    }
    return new Impact(value, why);
  }
}
