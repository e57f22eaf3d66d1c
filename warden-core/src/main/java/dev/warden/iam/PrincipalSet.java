package dev.warden.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The principals a {@code Principal} or {@code NotPrincipal} element names, by type ({@code AWS},
 * {@code Service}, {@code Federated}, {@code CanonicalUser}); {@code "*"} is everybody.
 */
public record PrincipalSet(boolean everybody, Map<String, List<String>> byType) {

  public PrincipalSet {
    byType = java.util.Collections.unmodifiableMap(new TreeMap<>(byType));
  }

  public static final PrincipalSet EVERYBODY = new PrincipalSet(true, Map.of());

  /**
   * True when the request's principal is one of these: an AWS principal by its ARN, its account (id
   * or {@code :root} ARN), or, for a role, its sessions; a service by name; a federated or
   * canonical principal by value.
   */
  public boolean contains(Principal principal) {
    if (everybody) {
      return true;
    }
    for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
      String type = entry.getKey().toLowerCase(Locale.ROOT);
      for (String value : entry.getValue()) {
        if (value.equals("*") && type.equals("aws")) {
          return true;
        }
        switch (type) {
          case "aws" -> {
            if (principal.isNamedBy(value)) {
              return true;
            }
          }
          case "service" -> {
            if (principal.isService() && principal.arn().equalsIgnoreCase(value)) {
              return true;
            }
          }
          default -> {
            if (principal.arn().equals(value)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
