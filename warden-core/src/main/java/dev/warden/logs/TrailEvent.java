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
 *     resources[]} is absent (booleans and numbers as their JSON text)
 * @param response the text fields at the top of {@code responseElements} (a function's {@code
 *     role}, …), and {@code credentials.accessKeyId}: the temporary key an {@code AssumeRole}
 *     issued, which ties the key to whoever assumed the role
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
    java.util.Map<String, String> parameters,
    java.util.Map<String, String> response)
    implements java.io.Serializable {

  /** The key of {@link #response} that holds the access key an {@code AssumeRole} issued. */
  public static final String ISSUED_KEY = "credentials.accessKeyId";

  public TrailEvent {
    resources = List.copyOf(resources);
    parameters = java.util.Map.copyOf(parameters);
    response = java.util.Map.copyOf(response);
  }

  /** A request parameter's text, or empty. */
  public String parameter(String name) {
    return parameters.getOrDefault(name, "");
  }

  /** True when an AWS SDK inside a Lambda execution environment made the call. */
  public boolean fromLambda() {
    return userAgent.contains("exec-env/AWS_Lambda");
  }

  /** True when the call was denied for lack of permission. */
  public boolean denied() {
    return PermissionUsage.DENIED.contains(errorCode);
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
