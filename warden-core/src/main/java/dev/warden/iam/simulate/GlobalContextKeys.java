package dev.warden.iam.simulate;

import dev.warden.iam.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The global condition keys AWS puts in every request's context, derived from what a simulation
 * input says: who calls, which resource, in which account, and when.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
final class GlobalContextKeys {

  private GlobalContextKeys() {}

  /** The keys AWS would fill in for this request; the caller's own values win over them. */
  static Map<String, List<String>> derive(
      Principal principal, String resource, String resourceAccount, Instant now) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("aws:CurrentTime", List.of(now.toString()));
    keys.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
    keys.put("aws:ResourceAccount", List.of(resourceAccount));
    if (principal.isService()) {
      keys.put("aws:PrincipalIsAWSService", List.of("true"));
      keys.put("aws:PrincipalServiceName", List.of(principal.arn()));
    } else {
      keys.put("aws:PrincipalIsAWSService", List.of("false"));
      keys.put("aws:PrincipalArn", List.of(principalArn(principal)));
      principal.account().ifPresent(a -> keys.put("aws:PrincipalAccount", List.of(a)));
      principalType(principal).ifPresent(t -> keys.put("aws:PrincipalType", List.of(t)));
      principal.userName().ifPresent(u -> keys.put("aws:username", List.of(u)));
    }
    regionOf(resource).ifPresent(r -> keys.put("aws:RequestedRegion", List.of(r)));
    return keys;
  }

  /** A role session's aws:PrincipalArn is its role's ARN, as AWS documents. */
  private static String principalArn(Principal principal) {
    return principal.roleOfSession().orElse(principal.arn());
  }

  private static Optional<String> principalType(Principal principal) {
    return switch (principal.kind()) {
      case "root" -> Optional.of("Account");
      case "user" -> Optional.of("User");
      case "federated-user" -> Optional.of("FederatedUser");
      case "role", "assumed-role" -> Optional.of("AssumedRole");
      default -> Optional.empty();
    };
  }

  private static Optional<String> regionOf(String resource) {
    String[] parts = resource.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && !parts[3].isEmpty()
        ? Optional.of(parts[3])
        : Optional.empty();
  }
}
