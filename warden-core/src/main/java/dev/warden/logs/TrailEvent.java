package dev.warden.logs;

import java.util.List;
import java.util.Optional;

/**
 * The fields of one CloudTrail record that Warden reads; the rest of the record is skipped unread.
 * Absent text fields are empty strings.
 *
 * @param time the event time, milliseconds since the epoch
 * @param identityArn {@code userIdentity.arn}: for a role session {@code
 *     arn:aws:sts::<acct>:assumed-role/<role>/<session>} (the role's path dropped)
 * @param issuerArn {@code userIdentity.sessionContext.sessionIssuer.arn}: the IAM role with its
 *     path
 * @param resources the ARNs of {@code resources[]}
 * @param parameters the text fields at the top of {@code requestParameters} ({@code tableName},
 *     {@code bucketName}, {@code queueUrl}, …), from which resource ARNs are rebuilt when {@code
 *     resources[]} is absent
 */
public record TrailEvent(
    String id,
    long time,
    String source,
    String name,
    String region,
    String account,
    String sourceIp,
    String userAgent,
    String errorCode,
    String identityType,
    String identityArn,
    String issuerArn,
    String invokedBy,
    String accessKeyId,
    List<String> resources,
    java.util.Map<String, String> parameters) {

  public TrailEvent {
    resources = List.copyOf(resources);
    parameters = java.util.Map.copyOf(parameters);
  }

  /**
   * Who acted, as IAM knows it: the session issuer's ARN (a role, path included), else the
   * identity's ARN, else the service that invoked, else {@code -}.
   */
  public String principal() {
    if (!issuerArn.isEmpty()) {
      return issuerArn;
    }
    if (!identityArn.isEmpty()) {
      return identityArn;
    }
    return invokedBy.isEmpty() ? "-" : invokedBy;
  }

  /** The role session's name ({@code assumed-role/<role>/<session>}), when the caller is one. */
  public Optional<String> sessionName() {
    int marker = identityArn.indexOf(":assumed-role/");
    if (marker < 0) {
      return Optional.empty();
    }
    int slash = identityArn.indexOf('/', marker + ":assumed-role/".length());
    return slash < 0 ? Optional.empty() : Optional.of(identityArn.substring(slash + 1));
  }
}
