package dev.warden.iam;

import java.util.List;
import java.util.Optional;

/**
 * Every policy that takes part in a request's evaluation.
 *
 * @param identity the principal's identity-based policies
 * @param resourcePolicy the resource's policy (bucket, key, role trust, function…)
 * @param scps the service control policies of each organisation level, root first
 * @param rcps the resource control policies of each level, root first
 */
public record PolicySet(
    List<PolicyDocument> identity,
    Optional<PolicyDocument> resourcePolicy,
    Optional<PolicyDocument> boundary,
    Optional<PolicyDocument> session,
    List<List<PolicyDocument>> scps,
    List<List<PolicyDocument>> rcps) {

  public PolicySet {
    identity = List.copyOf(identity);
    scps = scps.stream().map(List::copyOf).toList();
    rcps = rcps.stream().map(List::copyOf).toList();
  }

  /** Identity policies alone, as a function's role is usually analysed. */
  public static PolicySet identity(List<PolicyDocument> policies) {
    return new PolicySet(
        policies, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
  }
}
