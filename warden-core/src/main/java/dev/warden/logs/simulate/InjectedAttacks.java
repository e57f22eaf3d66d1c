package dev.warden.logs.simulate;

import static dev.warden.logs.simulate.LookAlikes.SERVER;
import static dev.warden.logs.simulate.Records.CLI;
import static dev.warden.logs.simulate.Records.IAM;
import static dev.warden.logs.simulate.Records.MINUTE;

import dev.warden.logs.simulate.SimulatedFunction.Call;
import java.util.List;
import java.util.Locale;

/**
 * The attacks the simulator injects after the first day, one of every kind the detectors know and
 * some of them in two variants, each with its label: the detection types it must raise.
 */
final class InjectedAttacks {

  private static final String ACCOUNT = Records.ACCOUNT;

  private final Records records;
  private final List<SimulatedFunction> functions;
  private final List<SimulatedRecord> scripted;
  private final List<Label> labels;
  private final long end;

  InjectedAttacks(
      Records records,
      List<SimulatedFunction> functions,
      List<SimulatedRecord> scripted,
      List<Label> labels,
      long end) {
    this.records = records;
    this.functions = functions;
    this.scripted = scripted;
    this.labels = labels;
    this.end = end;
  }

  private SimulatedFunction function(String name) {
    return SimulatedFunction.named(functions, name);
  }

  void inject() {
    groundhogOutside();
    groundhogInside();
    twoNetworks();
    stolenKeyOutside();
    passRoleChain();
    overwriteAnotherFunction();
    selfAttach();
    reconSweep();
    newApiAlone();
    denialOfWallet();
  }

  private void label(
      String scenario, List<String> types, String principal, String function, long from, long to) {
    if (to < end) {
      labels.add(new Label(scenario, types, principal, function, from, to));
    }
  }

  /** Day 2, 01:00–07:00: orders-api's credentials, stolen afresh, replayed every 20 minutes. */
  private void groundhogOutside() {
    SimulatedFunction function = function("orders-api");
    String table = "arn:aws:dynamodb:" + RecordWriter.REGION + ":" + ACCOUNT + ":table/orders";
    long first = records.at(1, 1, 0);
    long last = first;
    for (int i = 0; i < 18; i++) {
      long t = first + i * (20 * MINUTE) + records.random.nextInt(20_000);
      String key = environment(function, t - 50_000);
      SimulatedRecord who =
          attackerCall(function, key, t, "203.0.113.45", "sts.amazonaws.com", "GetCallerIdentity");
      SimulatedRecord scan =
          attackerCall(function, key, t + 3_000, "203.0.113.45", "dynamodb.amazonaws.com", "Scan");
      scan.request("tableName", "orders").resource("AWS::DynamoDB::Table", table);
      scan.data = true;
      SimulatedRecord get =
          attackerCall(function, key, t + 7_000, "203.0.113.45", "s3.amazonaws.com", "GetObject");
      get.request("bucketName", "acme-order-exports").request("key", "latest.csv");
      get.resource("AWS::S3::Object", "arn:aws:s3:::acme-order-exports/latest.csv");
      get.data = true;
      scripted.add(who);
      scripted.add(scan);
      scripted.add(get);
      last = t + 7_000;
    }
    label(
        "orders-api credentials replayed from outside every 20 minutes",
        List.of("groundhog-day", "credential-exfiltration", "new-api"),
        function.role,
        function.name,
        first - 50_000,
        last);
  }

  private SimulatedRecord attackerCall(
      SimulatedFunction function, String key, long time, String ip, String source, String name) {
    SimulatedRecord record = records.record(time, source, name);
    Records.asFunction(record, function, key);
    record.sourceIp = ip;
    record.userAgent =
        CLI + source.substring(0, source.indexOf('.')) + "." + name.toLowerCase(Locale.ROOT);
    record.readOnly = !name.startsWith("Put") && !name.startsWith("Update");
    return record;
  }

  /** Day 2, 09:00–13:00: code injected into image-resize reads a secret every 30 minutes. */
  private void groundhogInside() {
    SimulatedFunction function = function("image-resize");
    String secret =
        "arn:aws:secretsmanager:"
            + RecordWriter.REGION
            + ":"
            + ACCOUNT
            + ":secret:prod/database-Qw3Er";
    long first = records.at(1, 9, 0);
    long last = first;
    for (int i = 0; i < 9; i++) {
      long t = first + i * (30 * MINUTE) + records.random.nextInt(15_000);
      String key = records.newKey();
      String ip = "3.249." + records.random.nextInt(256) + "." + records.random.nextInt(256);
      scripted.add(records.lambdaAssumesRole(function, t - 400, key));
      SimulatedRecord read =
          records.functionCall(function, Records.secretRead(secret), t, key, ip, function.agent);
      SimulatedRecord drop =
          records.functionCall(
              function,
              Records.object("PutObject", "drop-zone-7781", false),
              t + 900,
              key,
              ip,
              function.agent);
      scripted.add(read);
      scripted.add(drop);
      last = t + 900;
    }
    label(
        "code injected into image-resize steals a secret every 30 minutes",
        List.of("groundhog-day", "new-api"),
        function.role,
        function.name,
        first - 400,
        last);
  }

  /** Day 2, 15:00: payments-webhook's key used from a second network while the function runs. */
  private void twoNetworks() {
    SimulatedFunction function = function("payments-webhook");
    String table = "arn:aws:dynamodb:" + RecordWriter.REGION + ":" + ACCOUNT + ":table/orders";
    long t = records.at(1, 15, 0);
    String key = records.newKey();
    String ip = "3.251.7.9";
    scripted.add(records.lambdaAssumesRole(function, t - 400, key));
    Call update = Records.item("UpdateItem", table, false);
    for (int i = 0; i < 10; i++) {
      scripted.add(
          records.functionCall(function, update, t + i * (2 * MINUTE), key, ip, function.agent));
    }
    long first = t + 3 * MINUTE;
    long last = first;
    for (int i = 0; i < 6; i++) {
      last = first + i * 150_000L;
      scripted.add(
          records.functionCall(function, update, last, key, "198.51.100.77", function.agent));
    }
    label(
        "payments-webhook's key used from a second network with a forged user agent",
        List.of("credential-exfiltration"),
        function.role,
        function.name,
        first,
        last);
  }

  /** Day 2, 18:00: notify-sender's key used from a laptop to publish five messages. */
  private void stolenKeyOutside() {
    SimulatedFunction function = function("notify-sender");
    long t = records.at(1, 18, 0);
    String key = environment(function, t - 60_000);
    long last = t;
    for (int i = 0; i < 5; i++) {
      last = t + i * (4 * MINUTE);
      scripted.add(
          records.functionCall(
              function,
              Records.publish("order-events"),
              last,
              key,
              "203.0.113.99",
              "python-requests/2.31.0 Boto3/1.34.84"));
    }
    label(
        "notify-sender's key used from outside AWS",
        List.of("credential-exfiltration"),
        function.role,
        function.name,
        t,
        last);
  }

  /** Day 2, 20:00: Bob's key, stolen, creates a function with an admin role and runs it. */
  private void passRoleChain() {
    String ip = "203.0.113.150";
    long t = records.at(1, 20, 0);
    scripted.add(records.userCall(t, "bob", ip, CLI, "iam.amazonaws.com", "ListRoles"));
    SimulatedRecord create =
        records.userCall(
            t + 60_000, "bob", ip, CLI, "lambda.amazonaws.com", "CreateFunction20150331");
    create
        .request("functionName", "sys-maint")
        .request("role", IAM + "role/service/admin-maintenance-role");
    scripted.add(create);
    SimulatedRecord invoke =
        records.userCall(t + 120_000, "bob", ip, CLI, "lambda.amazonaws.com", "Invoke");
    invoke.data = true;
    invoke.request("functionName", "sys-maint");
    scripted.add(invoke);
    label(
        "bob passes an admin role to a new function and invokes it",
        List.of("privilege-escalation", "new-api"),
        IAM + "user/bob",
        null,
        t,
        t + 120_000);
  }

  /** Day 3, 04:00: report-builder's role, from injected code, overwrites payments-webhook. */
  private void overwriteAnotherFunction() {
    SimulatedFunction function = function("report-builder");
    long t = records.at(2, 4, 30);
    String key = records.newKey();
    String ip = "3.248.1.10";
    scripted.add(records.lambdaAssumesRole(function, t - 400, key));
    SimulatedRecord update =
        records.record(t, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2");
    Records.asFunction(update, function, key);
    update.sourceIp = ip;
    update.userAgent = function.agent;
    update.request("functionName", "payments-webhook");
    update.response.put("role", function("payments-webhook").role);
    scripted.add(update);
    label(
        "report-builder's role overwrites another function's code",
        List.of("privilege-escalation", "new-api"),
        function.role,
        function.name,
        t,
        t);
  }

  /** Day 3, 06:00: Carol attaches AdministratorAccess to herself. */
  private void selfAttach() {
    long t = records.at(2, 6, 0);
    scripted.add(
        records
            .userCall(t, "carol", "192.0.2.61", CLI, "iam.amazonaws.com", "AttachUserPolicy")
            .request("userName", "carol")
            .request("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
    label(
        "carol attaches AdministratorAccess to herself",
        List.of("privilege-escalation", "new-api"),
        IAM + "user/carol",
        null,
        t,
        t);
  }

  /** Day 3, 08:00: search-indexer's key, stolen, sweeps the account. */
  private void reconSweep() {
    SimulatedFunction function = function("search-indexer");
    long t = records.at(2, 8, 0);
    String key = environment(function, t - 120_000);
    String[][] calls = {
      {"sts", "GetCallerIdentity"},
      {"iam", "ListRoles"},
      {"iam", "ListUsers"},
      {"iam", "GetAccountAuthorizationDetails"},
      {"s3", "ListBuckets"},
      {"ec2", "DescribeInstances"},
      {"ec2", "DescribeSnapshots"},
      {"lambda", "ListFunctions20150331"},
      {"secretsmanager", "ListSecrets"},
      {"cloudtrail", "DescribeTrails"},
      {"guardduty", "ListDetectors"},
      {"rds", "DescribeDBInstances"}
    };
    long last = t;
    for (int round = 0; round < 4; round++) {
      for (String[] call : calls) {
        last += 1_000 + records.random.nextInt(4_000);
        SimulatedRecord record =
            attackerCall(function, key, last, "203.0.113.200", call[0] + ".amazonaws.com", call[1]);
        if (!call[0].equals("sts")
            && !call[0].equals("dynamodb")
            && records.random.nextInt(2) == 0) {
          record.error(call[0].equals("ec2") ? "Client.UnauthorizedOperation" : "AccessDenied");
        }
        scripted.add(record);
      }
    }
    label(
        "search-indexer's stolen key enumerates the account",
        List.of("recon", "credential-exfiltration", "new-api"),
        function.role,
        function.name,
        t,
        last);
  }

  /** Day 3, 02:00: the reporting job starts reading secrets it never read. */
  private void newApiAlone() {
    String role = IAM + "role/app/reporting";
    long t = records.at(2, 2, 20);
    String key = records.newKey();
    scripted.add(
        records.roleCall(
            t,
            role,
            "i-0c1d2e3f4a5b6c7d8",
            key,
            "10.0.12.34",
            SERVER,
            "secretsmanager.amazonaws.com",
            "ListSecrets"));
    scripted.add(
        records
            .roleCall(
                t + 5_000,
                role,
                "i-0c1d2e3f4a5b6c7d8",
                key,
                "10.0.12.34",
                SERVER,
                "secretsmanager.amazonaws.com",
                "GetSecretValue")
            .request("secretId", "prod/payments-Ab12Cd"));
    label(
        "the reporting role reads secrets for the first time",
        List.of("new-api"),
        role,
        null,
        t,
        t + 5_000);
  }

  /** Day 3, 13:00–13:15: a partner key floods catalog-api with invocations, many throttled. */
  private void denialOfWallet() {
    SimulatedFunction function = function("catalog-api");
    long first = records.at(2, 13, 0);
    long last = first;
    for (int i = 0; i < 2_500; i++) {
      last = first + (long) (i * (15 * MINUTE / 2_500.0));
      SimulatedRecord invoke =
          records.userCall(
              last,
              "partner-sync",
              "203.0.113.7",
              "python-requests/2.31.0 ",
              "lambda.amazonaws.com",
              "Invoke");
      invoke.data = true;
      invoke.request("functionName", function.functionArn());
      invoke.resource("AWS::Lambda::Function", function.functionArn());
      if (records.random.nextInt(10) < 3) {
        invoke.error("TooManyRequestsException");
      }
      scripted.add(invoke);
    }
    label(
        "partner-sync floods catalog-api",
        List.of("denial-of-wallet"),
        IAM + "user/partner-sync",
        function.name,
        first,
        last);
  }

  /** Lambda starts an execution environment for the function: the key it was issued. */
  private String environment(SimulatedFunction function, long time) {
    String key = records.newKey();
    scripted.add(records.lambdaAssumesRole(function, time, key));
    return key;
  }
}
