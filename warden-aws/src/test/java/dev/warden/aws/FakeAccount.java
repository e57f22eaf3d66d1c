package dev.warden.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A simulated AWS account for {@link FakeAws}: functions per region with their versions, aliases,
 * resource policies, URLs, layers and event sources; roles and customer-managed policies; REST and
 * HTTP APIs; trigger buckets, topics, rules and queues. Built by tests, or generated at any size
 * for the benchmark.
 */
public final class FakeAccount {

  /** One function (its $LATEST) and what surrounds it. */
  public static final class Function {
    public final String name;
    public final String region;
    public String runtime = "python3.12";
    public String handler = "app.handler";
    public String role;
    public int publishedVersions;
    public final Map<String, String> aliases = new LinkedHashMap<>();

    /** The runtime of a published version, when it is not the function's. */
    public final Map<String, String> versionRuntimes = new LinkedHashMap<>();

    public final List<String> policyStatements = new ArrayList<>();
    public @Nullable String urlAuthType;
    public final List<String> layers = new ArrayList<>();
    public final Map<String, String> environment = new LinkedHashMap<>();
    public @Nullable String queueArn;
    public int retentionDays;

    Function(String name, String region, String role) {
      this.name = name;
      this.region = region;
      this.role = role;
    }
  }

  /** A role with its trust policy, inline policies and attached managed policies. */
  public record Role(
      String name, String trust, Map<String, String> inline, List<String> attached) {}

  /** A REST API method or HTTP API route that invokes a function. */
  public record Route(String method, String path, String authorization, String function) {}

  /** A REST (v1) or HTTP (v2) API. */
  public record Api(
      String id, String name, boolean http, @Nullable String policy, List<Route> routes) {}

  /** An S3 bucket whose notifications invoke functions. */
  public record Bucket(
      String name, List<String> notifiedFunctionArns, boolean publicAccessBlocked) {}

  public final String id;
  public final Map<String, List<Function>> functions = new LinkedHashMap<>();
  public final List<Role> roles = new ArrayList<>();
  public final Map<String, String> customerPolicies = new LinkedHashMap<>();

  /** The permissions boundary (a policy ARN) of a role, by role name. */
  public final Map<String, String> roleBoundaries = new LinkedHashMap<>();

  public final Map<String, List<Api>> apis = new LinkedHashMap<>();
  public final Map<String, Bucket> buckets = new LinkedHashMap<>();
  public final Map<String, String> topicPolicies = new LinkedHashMap<>();
  public final Map<String, String> queuePolicies = new LinkedHashMap<>();
  public final Map<String, String> layerPolicies = new LinkedHashMap<>();

  /** Alarms per region: on an API's 5XX errors, by the API's name (REST) or id (HTTP). */
  public final Map<String, List<String>> apiAlarms = new LinkedHashMap<>();

  /** Functions each EventBridge rule (on the default bus, every hour) invokes, by rule name. */
  public final Map<String, List<String>> ruleTargets = new LinkedHashMap<>();

  /** Functions subscribed to each topic, by topic ARN. */
  public final Map<String, List<String>> topicSubscribers = new LinkedHashMap<>();

  public FakeAccount(String id) {
    this.id = id;
  }

  public Function function(String region, String name, String roleName) {
    Function f = new Function(name, region, roleArn(roleName));
    functions.computeIfAbsent(region, k -> new ArrayList<>()).add(f);
    return f;
  }

  public String roleArn(String roleName) {
    return "arn:aws:iam::" + id + ":role/" + roleName;
  }

  public String functionArn(Function f) {
    return "arn:aws:lambda:" + f.region + ":" + id + ":function:" + f.name;
  }

  public @Nullable Function find(String region, String name) {
    for (Function f : functions.getOrDefault(region, List.of())) {
      if (f.name.equals(name) || functionArn(f).equals(name)) {
        return f;
      }
    }
    return null;
  }

  /** Trust policy of a Lambda execution role. */
  public static final String LAMBDA_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  /**
   * An account of {@code perRegion} functions in each region: a role per ten functions (every tenth
   * with administrator access), every fifth function with a resource policy for an S3 bucket or an
   * SNS topic, every twentieth with a public URL, an alias and two published versions each.
   */
  public static FakeAccount generated(List<String> regions, int perRegion) {
    FakeAccount account = new FakeAccount("123456789012");
    for (int r = 0; r < perRegion / 10 + 1; r++) {
      account.roles.add(
          new Role(
              "role-" + r,
              LAMBDA_TRUST,
              Map.of(
                  "access",
                  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                      + "[\"dynamodb:GetItem\",\"dynamodb:PutItem\"],\"Resource\":\"arn:aws:dynamodb:"
                      + "*:123456789012:table/t"
                      + r
                      + "\"}]}"),
              r % 10 == 0
                  ? List.of("arn:aws:iam::aws:policy/AdministratorAccess")
                  : List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")));
    }
    for (String region : regions) {
      for (int i = 0; i < perRegion; i++) {
        Function f = account.function(region, "fn-" + i, "role-" + i / 10);
        f.publishedVersions = 2;
        f.aliases.put("live", "2");
        f.environment.put("TABLE", "t" + i / 10);
        f.retentionDays = i % 3 == 0 ? 0 : 30;
        if (i % 5 == 0) {
          String bucket = "uploads-" + region + "-" + i;
          f.policyStatements.add(
              "{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},"
                  + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\""
                  + account.functionArn(f)
                  + "\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::"
                  + bucket
                  + "\"}}}");
          account.buckets.put(
              bucket, new Bucket(bucket, List.of(account.functionArn(f)), i % 10 == 0));
        }
        if (i % 20 == 0) {
          f.urlAuthType = "NONE";
          f.policyStatements.add(
              "{\"Sid\":\"url\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                  + "\"Action\":\"lambda:InvokeFunctionUrl\",\"Resource\":\""
                  + account.functionArn(f)
                  + "\",\"Condition\":{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}}");
        }
      }
    }
    return account;
  }
}
