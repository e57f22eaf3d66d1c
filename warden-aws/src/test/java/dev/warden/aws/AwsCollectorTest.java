package dev.warden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.RuleFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector through the real SDK clients against {@link FakeAws}, a local server that speaks
 * the AWS wire protocols for a simulated two-region account (the AWS API shapes, not a live
 * account): every listing paged, throttled calls retried, denied calls and a disabled region
 * recorded as coverage gaps, an interrupted run resumed, and the snapshot scanned like a template.
 */
class AwsCollectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private FakeAws aws;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "AKIAWARDENTEST");
    System.setProperty("aws.secretAccessKey", "test-secret");
  }

  /**
   * us-east-1: seven functions (pages of three), one behind a public URL, one triggered by an S3
   * bucket, one polling a queue, one with a public layer, one under an admin role; a REST API with
   * an open method and an HTTP API route; web's alias live runs a version on an old runtime.
   * eu-west-1: two functions, one on an end-of-life runtime.
   */
  static FakeAccount account() {
    FakeAccount account = new FakeAccount("123456789012");
    account.roles.add(
        new FakeAccount.Role(
            "orders-role",
            FakeAccount.LAMBDA_TRUST,
            Map.of(
                "orders",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "\"dynamodb:*\",\"Resource\":\"*\"}]}"),
            List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")));
    account.roles.add(
        new FakeAccount.Role(
            "admin-role",
            FakeAccount.LAMBDA_TRUST,
            Map.of(),
            List.of("arn:aws:iam::aws:policy/AdministratorAccess")));
    account.roles.add(
        new FakeAccount.Role(
            "reports-role",
            FakeAccount.LAMBDA_TRUST,
            Map.of(),
            List.of("arn:aws:iam::123456789012:policy/reports-read")));
    account.customerPolicies.put(
        "reports-read",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}");
    account.roles.add(
        new FakeAccount.Role(
            "bounded-role",
            FakeAccount.LAMBDA_TRUST,
            Map.of(),
            List.of("arn:aws:iam::aws:policy/AdministratorAccess")));
    account.roleBoundaries.put("bounded-role", "arn:aws:iam::123456789012:policy/lambda-boundary");
    account.customerPolicies.put(
        "lambda-boundary",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"dynamodb:GetItem\",\"logs:*\"],\"Resource\":\"*\"}]}");
    for (int i = 0; i < 3; i++) {
      account.roles.add(
          new FakeAccount.Role("spare-" + i, FakeAccount.LAMBDA_TRUST, Map.of(), List.of()));
    }
    FakeAccount.Function web = account.function("us-east-1", "web", "orders-role");
    web.urlAuthType = "NONE";
    web.policyStatements.add(
        "{\"Sid\":\"url\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
            + "\"lambda:InvokeFunctionUrl\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:"
            + "function:web\",\"Condition\":{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":"
            + "\"NONE\"}}}");
    web.publishedVersions = 3;
    web.retentionDays = 14;
    web.aliases.put("live", "3");
    web.aliases.put("beta", "2");
    web.versionRuntimes.put("3", "python3.8"); // what callers of web:live run
    FakeAccount.Function thumbs = account.function("us-east-1", "thumbs", "orders-role");
    thumbs.policyStatements.add(
        "{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},"
            + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:"
            + "123456789012:function:thumbs\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":"
            + "\"arn:aws:s3:::photo-uploads\"}}}");
    account.buckets.put(
        "photo-uploads",
        new FakeAccount.Bucket(
            "photo-uploads",
            List.of("arn:aws:lambda:us-east-1:123456789012:function:thumbs"),
            false));
    FakeAccount.Function worker = account.function("us-east-1", "worker", "orders-role");
    worker.queueArn = "arn:aws:sqs:us-east-1:123456789012:orders";
    account.queuePolicies.put(
        "orders",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:"
            + "orders\"}]}");
    FakeAccount.Function shared = account.function("us-east-1", "shared-libs", "orders-role");
    shared.layers.add("arn:aws:lambda:us-east-1:123456789012:layer:common:4");
    shared.layers.add("arn:aws:lambda:us-east-1:999988887777:layer:vendor-sdk:3");
    account.layerPolicies.put(
        "common",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"all\",\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"lambda:GetLayerVersion\",\"Resource\":"
            + "\"arn:aws:lambda:us-east-1:123456789012:layer:common:4\"}]}");
    account.function("us-east-1", "admin-task", "admin-role");
    account.function("us-east-1", "reports", "reports-role");
    account.function("us-east-1", "bounded", "bounded-role"); // admin, but bounded
    FakeAccount.Function api = account.function("us-east-1", "api-handler", "orders-role");
    api.environment.put("DB_PASSWORD", "hunter2-prod-password");
    account.apis.put(
        "us-east-1",
        List.of(
            new FakeAccount.Api(
                "rest1",
                "orders-api",
                false,
                null,
                List.of(new FakeAccount.Route("GET", "/orders", "NONE", "api-handler"))),
            new FakeAccount.Api(
                "http1",
                "public-api",
                true,
                null,
                List.of(new FakeAccount.Route("POST", "/items", "NONE", "api-handler")))));
    account.apiAlarms.put("us-east-1", List.of("orders-api", "http1"));
    FakeAccount.Function notifier = account.function("us-east-1", "notifier", "orders-role");
    String topic = "arn:aws:sns:us-east-1:123456789012:alerts";
    notifier.policyStatements.add(
        "{\"Sid\":\"sns\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
            + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:"
            + "123456789012:function:notifier\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\""
            + topic
            + "\"}}}");
    account.topicPolicies.put(
        topic,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"sns:Publish\",\"Resource\":\""
            + topic
            + "\"}]}");
    account.topicSubscribers.put(
        topic, List.of("arn:aws:lambda:us-east-1:123456789012:function:notifier"));
    FakeAccount.Function nightly = account.function("eu-west-1", "nightly", "reports-role");
    nightly.policyStatements.add(
        "{\"Sid\":\"events\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"events.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":"
            + "\"arn:aws:lambda:eu-west-1:123456789012:function:nightly\",\"Condition\":{\"ArnLike\":"
            + "{\"AWS:SourceArn\":\"arn:aws:events:eu-west-1:123456789012:rule/nightly-report\"}}}");
    account.ruleTargets.put(
        "nightly-report", List.of("arn:aws:lambda:eu-west-1:123456789012:function:nightly"));
    FakeAccount.Function legacy = account.function("eu-west-1", "legacy", "orders-role");
    legacy.runtime = "python3.7";
    legacy.layers.add("arn:aws:lambda:eu-west-1:123456789012:layer:pdf-tools:2");
    account.function("eu-west-1", "billing", "reports-role");
    return account;
  }

  @BeforeEach
  void start() throws Exception {
    aws = new FakeAws(account(), Duration.ZERO).pageSize(3);
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  private CollectOptions options(Path output, List<String> regions) {
    return new CollectOptions(
        regions,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(aws.endpoint()),
        output,
        false,
        4,
        progress::add);
  }

  private static JsonNode read(Path file) throws Exception {
    return JSON.readTree(file.toFile());
  }

  @Test
  void collectsEveryPageOfEveryRegionIntoASnapshotThatScansLikeATemplate() throws Exception {
    Path out = temp.resolve("snapshot");

    AwsCollector.Result result =
        AwsCollector.collect(options(out, List.of("us-east-1", "eu-west-1")));

    assertThat(result.account()).isEqualTo("123456789012");
    assertThat(result.functions()).isEqualTo(12);
    assertThat(result.failures()).isZero();
    JsonNode list = read(out.resolve("regions/us-east-1/lambda/list-functions.json"));
    assertThat(list.path("Functions")).hasSize(12); // 9 $LATEST + 3 published versions of web
    assertThat(list.has("NextMarker")).isFalse();
    assertThat(aws.count("ListFunctions")).isEqualTo(4 + 1); // pages of three, both regions
    JsonNode iam = read(out.resolve("iam/get-account-authorization-details.json"));
    assertThat(iam.path("RoleDetailList")).hasSize(7);
    assertThat(iam.path("Policies")).hasSize(2);
    assertThat(out.resolve("regions/us-east-1/lambda/functions/web/get-function-url-config.json"))
        .exists();
    assertThat(
            out.resolve("regions/us-east-1/lambda/functions/thumbs/get-function-url-config.json"))
        .doesNotExist();
    assertThat(out.resolve("s3/photo-uploads/get-bucket-notification-configuration.json")).exists();
    assertThat(out.resolve("regions/us-east-1/sqs/orders/get-queue-attributes.json")).exists();
    assertThat(
            out.resolve("regions/us-east-1/lambda/layers/common/4/get-layer-version-policy.json"))
        .exists();
    assertThat(out.resolve("regions/us-east-1/apigateway/rest1/get-resources.json")).exists();
    assertThat(out.resolve("regions/us-east-1/apigatewayv2/http1/get-routes.json")).exists();
    assertThat(out.resolve("regions/eu-west-1/logs/describe-log-groups.json")).exists();
    assertThat(out.resolve(SnapshotFolder.IN_PROGRESS)).doesNotExist();

    String manifest = Files.readString(out.resolve("manifest.json"));
    JsonSchemas.assertValid("snapshot-manifest-v1.schema.json", manifest);
    JsonNode m = JSON.readTree(manifest);
    assertThat(m.path("regions").toString()).isEqualTo("[\"us-east-1\",\"eu-west-1\"]");
    long recorded = 0;
    for (JsonNode call : m.path("calls")) {
      recorded += call.path("count").asLong();
    }
    assertThat(recorded).isEqualTo(aws.requests().size()).isEqualTo(result.calls());

    Inventory inventory = new InventoryLoader(ScanRequest.of(out)).load();
    assertThat(inventory.apps())
        .singleElement()
        .satisfies(a -> assertThat(a.format()).isEqualTo("aws-snapshot"));
    assertThat(inventory.functions().map(f -> f.id()))
        .hasSize(13)
        .contains("arn:aws:lambda:eu-west-1:123456789012:function:legacy");
    assertThat(inventory.functions().map(f -> f.id()))
        .contains("arn:aws:lambda:us-east-1:123456789012:function:web:live")
        .doesNotContain("arn:aws:lambda:us-east-1:123456789012:function:web:beta");
    assertThat(find(inventory, "bounded").role().boundaryDocument()).isPresent();
    ServerlessFunction reports = find(inventory, "reports");
    assertThat(reports.role().policies()).extracting(p -> p.name()).contains("reports-read");

    ServerlessFunction api = find(inventory, "api-handler");
    assertThat(api.triggers())
        .extracting(t -> t.kind().wireName() + " " + t.route().map(Object::toString).orElse(""))
        .hasSize(2);
    assertThat(find(inventory, "nightly").triggers())
        .extracting(t -> t.kind().wireName())
        .containsExactly("schedule"); // the rule's target, and its permission is the same trigger
    assertThat(find(inventory, "thumbs").triggers())
        .extracting(t -> t.kind().wireName())
        .containsExactly("s3");
    assertThat(inventory.problems()).isEmpty();

    ScanResult scan = Scan.run(ScanRequest.of(out), RuleFixture.CLOCK);
    assertThat(scan.findings())
        .extracting(f -> f.rule().id() + " " + f.functionName().orElse(""))
        .contains(
            "WDN-EXP-001 Web",
            "WDN-IAM-001 AdminTask",
            "WDN-RT-001 Legacy",
            "WDN-RT-001 WebAliasLive",
            "WDN-ENV-001 ApiHandler",
            "WDN-API-001 ApiHandler",
            "WDN-EXP-003 Worker",
            "WDN-EXP-003 Notifier",
            "WDN-LOG-003 Thumbs")
        .doesNotContain(
            "WDN-LOG-003 Web", // its log group keeps 14 days
            "WDN-IAM-001 Bounded"); // administrator, but its boundary allows two actions
    assertThat(scan.findings())
        .filteredOn(f -> f.rule().id().equals("WDN-SC-001"))
        .singleElement() // the account's own layer is not foreign
        .satisfies(f -> assertThat(f.message()).contains("999988887777"));
    assertThat(scan.findings())
        .extracting(f -> f.rule().id())
        // both APIs' stages write access logs and throttle every route
        .doesNotContain("WDN-LOG-004", "WDN-DOW-003", "WDN-LOG-005"); // and alarms watch them
  }

  private static ServerlessFunction find(Inventory inventory, String name) {
    return inventory
        .functions()
        .filter(f -> f.name().toString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void everyCallMadeIsOneTheCollectorsPolicyAllows() {
    AwsCollector.collect(options(temp.resolve("s"), List.of("us-east-1", "eu-west-1")));

    List<String> allowed = new ArrayList<>();
    CollectorPolicy.OPERATIONS.forEach(
        (service, operations) -> operations.forEach(o -> allowed.add(o)));
    assertThat(aws.requests())
        .extracting(r -> r.operation().replace(".v2", ""))
        .isSubsetOf(allowed);
  }

  @Test
  void throttledCallsAreRetriedUntilTheyPass() throws Exception {
    // Lambda throttles with HTTP 429 ThrottlingException, IAM with 400 Throttling. The SDK's
    // adaptive strategy retries, then sends slower for a while (a few seconds here).
    aws.throttle("ListFunctions", 1).throttle("GetAccountAuthorizationDetails", 1);
    Path out = temp.resolve("throttled");

    AwsCollector.Result result = AwsCollector.collect(options(out, List.of("eu-west-1")));

    assertThat(result.failures()).isZero();
    assertThat(result.functions()).isEqualTo(3);
    assertThat(result.attempts()).isEqualTo(result.calls() + 2);
    JsonNode manifest = read(out.resolve("manifest.json"));
    assertThat(manifest.path("failures")).isEmpty();
    assertThat(
            manifest.path("calls").findValues("attempts").stream()
                .mapToLong(JsonNode::asLong)
                .sum())
        .isEqualTo(result.attempts());
  }

  @Test
  void deniedCallsAndADisabledRegionAreCoverageGapsAndTheRestIsCollected() throws Exception {
    aws.deny("GetPolicy", "us-east-1").disableRegion("ap-south-2");
    Path out = temp.resolve("partial");

    AwsCollector.Result result =
        AwsCollector.collect(options(out, List.of("us-east-1", "ap-south-2")));

    assertThat(result.functions()).isEqualTo(9);
    JsonNode failures = read(out.resolve("manifest.json")).path("failures");
    assertThat(failures.findValuesAsText("error"))
        .contains("AccessDeniedException", "UnrecognizedClientException");
    assertThat(failures.findValuesAsText("operation")).contains("GetPolicy", "ListFunctions");
    assertThat(failures.toString()).contains("region may not be enabled");

    Inventory inventory = new InventoryLoader(ScanRequest.of(out)).load();
    assertThat(inventory.functions()).hasSize(10); // nine, and web's alias live
    assertThat(inventory.problems())
        .filteredOn(p -> p.message().contains("coverage gap"))
        .hasSize(failures.size())
        .anySatisfy(p -> assertThat(p.message()).contains("GetPolicy", "web", "AccessDenied"));
  }

  @Test
  void anInterruptedCollectionResumesWithoutAskingAgain() throws Exception {
    Path out = temp.resolve("resumed");
    AwsCollector.collect(options(out, List.of("us-east-1")));
    // As if the first run had stopped before web's answers and before the manifest; it had
    // learnt that thumbs has no URL:
    Files.delete(out.resolve("manifest.json"));
    Files.writeString(
        out.resolve(SnapshotFolder.IN_PROGRESS),
        "warden collect aws\nabsent regions/us-east-1/lambda/functions/thumbs/"
            + "get-function-url-config.json\n");
    deleteTree(out.resolve("regions/us-east-1/lambda/functions/web"));
    int before = aws.requests().size();

    AwsCollector.Result again = AwsCollector.collect(options(out, List.of("us-east-1")));

    assertThat(again.resumed()).isTrue();
    assertThat(progress).anySatisfy(l -> assertThat(l).contains("resuming"));
    List<FakeAws.Request> asked = aws.requests().subList(before, aws.requests().size());
    assertThat(asked)
        .extracting(FakeAws.Request::operation)
        .doesNotContain("ListFunctions", "GetAccountAuthorizationDetails")
        .contains("GetFunction", "ListAliases");
    assertThat(asked.stream().filter(r -> r.operation().equals("GetFunction"))).hasSize(1);
    // web's, and seven of the eight functions without a URL: thumbs' "none" is in the marker
    assertThat(asked.stream().filter(r -> r.operation().equals("GetFunctionUrlConfig")))
        .hasSize(1 + 7);
    assertThat(out.resolve("regions/us-east-1/lambda/functions/web/get-function.json")).exists();
    assertThat(out.resolve("manifest.json")).exists();
  }

  @Test
  void aFinishedSnapshotOrAFolderOfOtherFilesIsNeverWrittenInto() throws Exception {
    Path out = temp.resolve("done");
    AwsCollector.collect(options(out, List.of("eu-west-1")));
    String manifest = Files.readString(out.resolve("manifest.json"));

    assertThatThrownBy(() -> AwsCollector.collect(options(out, List.of("eu-west-1"))))
        .isInstanceOf(CollectException.class)
        .hasMessageContaining("already holds a finished snapshot");
    assertThat(Files.readString(out.resolve("manifest.json"))).isEqualTo(manifest);

    Path mine = temp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> AwsCollector.collect(options(mine, List.of("eu-west-1"))))
        .isInstanceOf(CollectException.class)
        .hasMessageContaining("not empty");
    try (Stream<Path> files = Files.list(mine)) {
      assertThat(files).containsExactly(mine.resolve("notes.txt"));
    }
  }

  @Test
  void missingCredentialsSayWhatToSet() throws Exception {
    Path config =
        Files.writeString(temp.resolve("config"), "[profile other]\nregion = us-east-1\n");
    Path credentials = Files.writeString(temp.resolve("credentials"), "");
    String oldConfig = System.getProperty("aws.configFile");
    String oldCredentials = System.getProperty("aws.sharedCredentialsFile");
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    try {
      CollectOptions options =
          new CollectOptions(
              List.of("us-east-1"),
              Optional.of("audit"),
              Optional.empty(),
              Optional.empty(),
              Optional.of(aws.endpoint()),
              temp.resolve("none"),
              false,
              2,
              progress::add);

      assertThatThrownBy(() -> AwsCollector.collect(options))
          .isInstanceOf(CollectException.class)
          .hasMessageContaining("no AWS credentials found")
          .satisfies(
              e -> assertThat(((CollectException) e).hint()).contains("AWS_PROFILE", "--profile"));
      assertThat(temp.resolve("none")).doesNotExist();
    } finally {
      restore("aws.configFile", oldConfig);
      restore("aws.sharedCredentialsFile", oldCredentials);
    }
  }

  @Test
  void aRoleThatCannotBeAssumedIsOneClearMessage() {
    aws.denyRole("arn:aws:iam::999999999999:role/audit");
    CollectOptions options =
        new CollectOptions(
            List.of("us-east-1"),
            Optional.empty(),
            Optional.of("arn:aws:iam::999999999999:role/audit"),
            Optional.of("ext-123"),
            Optional.of(aws.endpoint()),
            temp.resolve("cross"),
            false,
            2,
            progress::add);

    assertThatThrownBy(() -> AwsCollector.collect(options))
        .isInstanceOf(CollectException.class)
        .hasMessageContaining("cannot assume role arn:aws:iam::999999999999:role/audit")
        .hasMessageContaining("AccessDenied")
        .satisfies(
            e ->
                assertThat(((CollectException) e).hint())
                    .contains("trust policy", "--external-id"));
  }

  @Test
  void anAssumedRoleCollectsTheOtherAccount() {
    CollectOptions options =
        new CollectOptions(
            List.of("eu-west-1"),
            Optional.empty(),
            Optional.of("arn:aws:iam::123456789012:role/audit"),
            Optional.empty(),
            Optional.of(aws.endpoint()),
            temp.resolve("assumed"),
            false,
            2,
            progress::add);

    AwsCollector.Result result = AwsCollector.collect(options);

    assertThat(result.functions()).isEqualTo(3);
    assertThat(aws.count("AssumeRole")).isEqualTo(1);
  }

  @Test
  void withCodeTheDeploymentPackagesAreInTheSnapshot() throws Exception {
    Path out = temp.resolve("code");
    CollectOptions options =
        new CollectOptions(
            List.of("eu-west-1"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(aws.endpoint()),
            out,
            true,
            2,
            progress::add);

    AwsCollector.collect(options);

    assertThat(out.resolve("code/eu-west-1/legacy.zip")).isRegularFile();
    assertThat(out.resolve("code/eu-west-1/billing.zip")).isRegularFile();
    Inventory inventory = new InventoryLoader(ScanRequest.of(out)).load();
    assertThat(out.resolve("layers/eu-west-1/pdf-tools-2.zip")).isRegularFile();
    assertThat(inventory.apps().get(0).layers())
        .singleElement()
        .satisfies(l -> assertThat(l.contentPath()).contains("layers/eu-west-1/pdf-tools-2.zip"));
    assertThat(find(inventory, "legacy").code())
        .isInstanceOfSatisfying(
            CodeLocation.LocalPath.class,
            c -> assertThat(c.path()).isEqualTo("code/eu-west-1/legacy.zip"));
    // The package calls dynamodb get_item only; orders-role grants dynamodb:* on everything.
    ScanResult scan = Scan.run(ScanRequest.of(out), RuleFixture.CLOCK);
    assertThat(scan.findings())
        .filteredOn(f -> f.rule().id().equals("WDN-IAM-009"))
        .extracting(f -> f.functionName().orElse(""))
        .contains("Legacy");
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static void deleteTree(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
