package dev.warden.logs;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources an event touched: its {@code resources[]} ARNs when CloudTrail lists them, else
 * ARNs rebuilt from the request parameters the service logs — a DynamoDB {@code tableName}, an S3
 * {@code bucketName} and {@code key}, an SQS {@code queueUrl}, a Lambda {@code functionName}, a
 * secret's {@code secretId}, a KMS {@code keyId}, an SNS {@code topicArn}, a Kinesis {@code
 * streamName}, a log group, an SSM parameter {@code name}, an IAM {@code roleName} — with the
 * event's region and account; {@code *} when neither says.
 */
public final class EventResources {

  private static final Pattern QUEUE_URL =
      Pattern.compile(
          "https://(?:sqs\\.)?([a-z0-9-]+)\\.(?:queue\\.)?amazonaws\\.com/(\\d{12})/(.+)");

  private EventResources() {}

  public static List<String> of(TrailEvent event) {
    if (!event.resources().isEmpty()) {
      return event.resources();
    }
    Map<String, String> p = event.parameters();
    String region = event.region();
    String account = event.account();
    int suffix = event.source().indexOf(".amazonaws.com");
    String service = suffix > 0 ? event.source().substring(0, suffix) : "";
    String arn =
        switch (service) {
          case "dynamodb" ->
              named(p, "tableName", "arn:aws:dynamodb:%s:%s:table/%s", region, account);
          case "s3" -> {
            String bucket = p.get("bucketName");
            if (bucket == null) {
              yield null;
            }
            String key = p.get("key");
            yield "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
          }
          case "sqs" -> {
            String url = p.get("queueUrl");
            Matcher m = url == null ? null : QUEUE_URL.matcher(url);
            yield m != null && m.matches()
                ? "arn:aws:sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3)
                : null;
          }
          case "lambda" ->
              named(p, "functionName", "arn:aws:lambda:%s:%s:function:%s", region, account);
          case "secretsmanager" ->
              named(p, "secretId", "arn:aws:secretsmanager:%s:%s:secret:%s-*", region, account);
          case "kms" -> {
            String key = p.get("keyId");
            yield key == null
                ? null
                : key.startsWith("arn:")
                    ? key
                    : "arn:aws:kms:"
                        + region
                        + ":"
                        + account
                        + ":"
                        + (key.startsWith("alias/") ? key : "key/" + key);
          }
          case "sns" -> p.get("topicArn");
          case "kinesis" ->
              named(p, "streamName", "arn:aws:kinesis:%s:%s:stream/%s", region, account);
          case "logs" ->
              named(p, "logGroupName", "arn:aws:logs:%s:%s:log-group:%s", region, account);
          case "ssm" -> {
            String name = p.get("name");
            yield name == null
                ? null
                : name.startsWith("arn:")
                    ? name
                    : "arn:aws:ssm:"
                        + region
                        + ":"
                        + account
                        + ":parameter"
                        + (name.startsWith("/") ? name : "/" + name);
          }
          case "iam" -> {
            String role = p.get("roleName");
            yield role == null ? null : "arn:aws:iam::" + account + ":role/" + role;
          }
          default -> null;
        };
    return arn == null || arn.isEmpty() ? List.of("*") : List.of(arn);
  }

  /** An ARN given as such, else the name put in the service's ARN format. */
  private static String named(
      Map<String, String> parameters, String field, String format, String region, String account) {
    String value = parameters.get(field);
    if (value == null) {
      return null;
    }
    return value.startsWith("arn:") ? value : String.format(format, region, account, value);
  }

  /**
   * An S3 object's ARN as its bucket's {@code /*}, any other ARN as it is: objects are countless,
   * so whatever keeps resources per principal or per call keeps objects by bucket, as policies
   * grant them.
   */
  public static String objectsAsPrefix(String arn) {
    if (arn.startsWith("arn:aws:s3:::")) {
      int slash = arn.indexOf('/');
      return slash < 0 ? arn : arn.substring(0, slash) + "/*";
    }
    return arn;
  }
}
