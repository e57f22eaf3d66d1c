package dev.warden.logs.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.logs.simulate.SimulatedFunction.Call;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the CloudTrail of a simulated account (see the package description), hour by hour in event
 * time, as JSON Lines or as files laid out the way CloudTrail delivers them to S3. Attacks begin
 * after the first day, so that every principal has a day of baseline; an attack that would fall
 * after the last simulated day is left out, with its label.
 */
public final class TrailSimulator {

  /**
   * What to simulate.
   *
   * @param seed the seed: the same settings write the same bytes
   * @param functions how many functions (at least the eight the scenarios use)
   * @param days how many days, from {@link #START}; attacks need three
   * @param invocationsPerHour the average invocations of an ordinary function in an hour
   * @param attacks whether to inject the attacks (off: only normal traffic and look-alikes)
   */
  public record Settings(
      long seed, int functions, int days, double invocationsPerHour, boolean attacks) {

    public Settings {
      functions = Math.max(functions, NAMED);
      days = Math.max(days, 1);
    }

    /** Twenty-four functions for three days, forty invocations an hour each, attacks in. */
    public static Settings defaults() {
      return new Settings(7, 24, 3, 40, true);
    }
  }

  /** The first simulated moment: Monday 2 November 2026, midnight UTC. */
  public static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

  static final String ACCOUNT = RecordWriter.ACCOUNT;
  private static final int NAMED = 8;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final String IAM = "arn:aws:iam::" + ACCOUNT + ":";
  private static final String CLI =
      "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8"
          + " md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe command/";
  private static final String SAM = "aws-sam-cli/1.113.0 Boto3/1.34.84 Python/3.11.8";
  private static final String CFN = "cloudformation.amazonaws.com";
  private static final String PROWLER = "prowler/3.16.2 Boto3/1.34.84 Python/3.11.8";
  private static final String SERVER = "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1";

  private final Settings settings;
  private final Random random;
  private final List<SimulatedFunction> functions = new ArrayList<>();
  private final List<SimulatedRecord> scripted = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final long start = START.toEpochMilli();
  private final long end;
  private long written;

  public TrailSimulator(Settings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.end = start + settings.days() * DAY;
    createFunctions();
    script();
    scripted.removeIf(r -> r.time >= end);
    scripted.sort(Comparator.comparingLong((SimulatedRecord r) -> r.time).thenComparing(r -> r.id));
  }

  /** The attacks injected, each with the detections it must raise. */
  public List<Label> labels() {
    return List.copyOf(labels);
  }

  /** How many records were written so far. */
  public long written() {
    return written;
  }

  /** Writes every record as JSON Lines, in event time. */
  public void writeJsonLines(OutputStream out) throws IOException {
    JsonGenerator generator = RecordWriter.generator(out);
    generate(
        hour -> {
          for (SimulatedRecord record : hour) {
            RecordWriter.write(generator, record);
            generator.writeRaw('\n');
            written++;
          }
          generator.flush();
        });
  }

  /**
   * Writes the records as CloudTrail delivers them: gzipped {@code {"Records": [...]}} files of at
   * most {@code perFile} records under {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/}.
   */
  public void writeTrail(Path folder, int perFile) throws IOException {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    DateTimeFormatter stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    Random names = new Random(settings.seed() ^ 0x5DEECE66DL);
    long[] lastDelivery = {Long.MIN_VALUE / 2};
    generate(
        hour -> {
          for (int from = 0; from < hour.size(); from += perFile) {
            List<SimulatedRecord> chunk = hour.subList(from, Math.min(hour.size(), from + perFile));
            // a file's name carries its delivery minute; each file a later minute than the last,
            // so that name order is delivery order, as with CloudTrail's five-minute deliveries
            long minute = (chunk.get(chunk.size() - 1).time + 5 * MINUTE) / MINUTE * MINUTE;
            lastDelivery[0] = Math.max(minute, lastDelivery[0] + MINUTE);
            Instant delivered = Instant.ofEpochMilli(lastDelivery[0]);
            Path dir =
                folder.resolve(
                    "AWSLogs/"
                        + ACCOUNT
                        + "/CloudTrail/"
                        + RecordWriter.REGION
                        + "/"
                        + day.format(delivered));
            Files.createDirectories(dir);
            Path file =
                dir.resolve(
                    ACCOUNT
                        + "_CloudTrail_"
                        + RecordWriter.REGION
                        + "_"
                        + stamp.format(delivered)
                        + "_"
                        + hex(names, 16)
                        + ".json.gz");
            try (OutputStream out =
                new GZIPOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                    1 << 16)) {
              JsonGenerator generator = RecordWriter.generator(out);
              generator.writeStartObject();
              generator.writeArrayFieldStart("Records");
              for (SimulatedRecord record : chunk) {
                RecordWriter.write(generator, record);
                written++;
              }
              generator.writeEndArray();
              generator.writeEndObject();
              generator.flush();
            }
          }
        });
  }

  @FunctionalInterface
  private interface HourSink {
    void accept(List<SimulatedRecord> records) throws IOException;
  }

  private void generate(HourSink sink) throws IOException {
    int next = 0;
    for (long hour = start; hour < end; hour += HOUR) {
      List<SimulatedRecord> records = new ArrayList<>();
      for (SimulatedFunction function : functions) {
        traffic(function, hour, records);
      }
      while (next < scripted.size() && scripted.get(next).time < hour + HOUR) {
        records.add(scripted.get(next++));
      }
      long from = hour;
      records.removeIf(r -> r.time < from || r.time >= from + HOUR);
      records.sort(
          Comparator.comparingLong((SimulatedRecord r) -> r.time).thenComparing(r -> r.id));
      sink.accept(records);
    }
  }

  // ---------------------------------------------------------------- the account

  private void createFunctions() {
    String table = "arn:aws:dynamodb:" + RecordWriter.REGION + ":" + ACCOUNT + ":table/";
    String secret = "arn:aws:secretsmanager:" + RecordWriter.REGION + ":" + ACCOUNT + ":secret:";
    double rate = settings.invocationsPerHour();
    add(
        "orders-api",
        rate * 1.5,
        "apigateway.amazonaws.com",
        0,
        item("GetItem", table + "orders", true),
        item("PutItem", table + "orders", false));
    add(
        "image-resize",
        rate,
        "s3.amazonaws.com",
        0,
        object("GetObject", "acme-uploads", true),
        object("PutObject", "acme-thumbnails", false));
    add(
        "payments-webhook",
        rate * 0.75,
        "apigateway.amazonaws.com",
        0,
        secretRead(secret + "prod/payments-Ab12Cd"),
        item("UpdateItem", table + "orders", false));
    add("notify-sender", rate * 0.75, "sqs.amazonaws.com", 0, publish("order-events"));
    add(
        "report-builder",
        0,
        "events.amazonaws.com",
        60,
        item("Query", table + "orders", true),
        object("PutObject", "acme-reports", false));
    add(
        "search-indexer",
        rate * 0.75,
        "",
        0,
        item("GetItem", table + "products", true),
        object("PutObject", "acme-search-index", false));
    add(
        "catalog-api",
        rate * 3,
        "apigateway.amazonaws.com",
        0,
        item("GetItem", table + "products", true));
    add(
        "inventory-sync",
        0,
        "events.amazonaws.com",
        15,
        item("Query", table + "products", true),
        item("PutItem", table + "inventory", false));
    String[] words = {
      "billing",
      "shipping",
      "returns",
      "loyalty",
      "audit",
      "email",
      "pricing",
      "tax",
      "stock",
      "review",
      "coupon",
      "session",
      "profile",
      "ledger",
      "export",
      "import"
    };
    for (int i = NAMED; i < settings.functions(); i++) {
      String name = words[i % words.length] + "-" + (i < NAMED + words.length ? "svc" : "svc" + i);
      int schedule = random.nextInt(6) == 0 ? new int[] {5, 10, 30}[random.nextInt(3)] : 0;
      double perHour = schedule > 0 ? 0 : rate * (0.25 + random.nextDouble() * 1.5);
      String resource = name.substring(0, name.indexOf('-'));
      List<Call> calls = new ArrayList<>();
      switch (random.nextInt(4)) {
        case 0 -> {
          calls.add(item("GetItem", table + resource, true));
          calls.add(item("PutItem", table + resource, false));
        }
        case 1 -> {
          calls.add(object("GetObject", "acme-" + resource, true));
          calls.add(item("PutItem", table + resource, false));
        }
        case 2 -> {
          calls.add(secretRead(secret + "prod/" + resource + "-Zz9"));
          calls.add(publish(resource + "-events"));
        }
        default -> calls.add(item("Query", table + resource, true));
      }
      functions.add(
          new SimulatedFunction(
              name,
              calls,
              perHour,
              schedule > 0 ? "events.amazonaws.com" : "apigateway.amazonaws.com",
              schedule,
              random));
    }
  }

  private void add(String name, double perHour, String invoker, int schedule, Call... calls) {
    functions.add(new SimulatedFunction(name, List.of(calls), perHour, invoker, schedule, random));
  }

  private static Call item(String name, String table, boolean read) {
    return new Call(
        "dynamodb.amazonaws.com",
        name,
        "tableName",
        table.substring(table.indexOf("table/") + 6),
        "AWS::DynamoDB::Table",
        table,
        true,
        read,
        false);
  }

  private static Call object(String name, String bucket, boolean read) {
    return new Call(
        "s3.amazonaws.com",
        name,
        "bucketName",
        bucket,
        "AWS::S3::Object",
        "arn:aws:s3:::" + bucket + "/",
        true,
        read,
        false);
  }

  private static Call secretRead(String arn) {
    return new Call(
        "secretsmanager.amazonaws.com",
        "GetSecretValue",
        "secretId",
        arn,
        "AWS::SecretsManager::Secret",
        arn,
        false,
        true,
        true);
  }

  private static Call publish(String topic) {
    String arn = "arn:aws:sns:" + RecordWriter.REGION + ":" + ACCOUNT + ":" + topic;
    return new Call(
        "sns.amazonaws.com",
        "Publish",
        "topicArn",
        arn,
        "AWS::SNS::Topic",
        arn,
        true,
        false,
        false);
  }

  SimulatedFunction function(String name) {
    return functions.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- normal traffic

  private void traffic(SimulatedFunction function, long hour, List<SimulatedRecord> out) {
    List<Long> times = new ArrayList<>();
    if (function.scheduleMinutes > 0) {
      for (long t = hour; t < hour + HOUR; t += function.scheduleMinutes * MINUTE) {
        times.add(t + 200 + random.nextInt(1500));
      }
    } else {
      double mean = function.perHour * diurnal(hour) * surge(function, hour);
      int count = poisson(mean);
      for (int i = 0; i < count; i++) {
        times.add(hour + (long) (random.nextDouble() * HOUR));
      }
      times.sort(null);
    }
    for (long time : times) {
      invocation(function, time, out);
    }
  }

  private void invocation(SimulatedFunction function, long time, List<SimulatedRecord> out) {
    boolean cold = time > function.environmentEnd;
    if (cold) {
      function.key = newKey();
      function.ip =
          "3." + (200 + random.nextInt(50)) + "." + random.nextInt(256) + "." + random.nextInt(256);
      function.environmentEnd = time + (20 + random.nextInt(40)) * MINUTE;
      out.add(lambdaAssumesRole(function, time - 400, function.key));
    }
    if (!function.invoker.isEmpty()) {
      SimulatedRecord invoke = serviceInvoke(function, time, function.invoker);
      if (random.nextInt(200) == 0) {
        invoke.error("TooManyRequestsException");
      }
      out.add(invoke);
    }
    long at = time + 20;
    for (Call call : function.calls) {
      if (call.coldStartOnly() && !cold) {
        continue;
      }
      at += 15 + random.nextInt(120);
      out.add(functionCall(function, call, at, function.key, function.ip, function.agent));
    }
    if (function.name.equals("inventory-sync") && time >= start + DAY + 10 * HOUR + 5 * MINUTE) {
      // the deployment of day two added a queue: new code calling a new API after its deploy
      out.add(
          functionCall(
              function,
              sendMessage("inventory-updates"),
              at + 40,
              function.key,
              function.ip,
              function.agent));
    }
  }

  /** Diurnal traffic: from half the average at night to one and a half in the afternoon. */
  private double diurnal(long hour) {
    double hourOfDay = ((hour - start) % DAY) / (double) HOUR;
    return 1 + 0.5 * Math.sin((hourOfDay - 8) / 24 * 2 * Math.PI);
  }

  /** The benign surge: catalog-api at sixty times its traffic, day two 14:00 to 14:20. */
  private double surge(SimulatedFunction function, long hour) {
    return function.name.equals("catalog-api") && hour == start + DAY + 14 * HOUR ? 20 : 1;
  }

  private int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  // ---------------------------------------------------------------- records

  private SimulatedRecord record(long time, String source, String name) {
    SimulatedRecord record = new SimulatedRecord();
    record.time = time;
    record.id = uuid();
    record.source = source;
    record.name = name;
    return record;
  }

  private SimulatedRecord lambdaAssumesRole(SimulatedFunction function, long time, String key) {
    SimulatedRecord record = record(time, "sts.amazonaws.com", "AssumeRole");
    record.identityType = "AWSService";
    record.invokedBy = "lambda.amazonaws.com";
    record.sourceIp = "lambda.amazonaws.com";
    record.userAgent = "lambda.amazonaws.com";
    record.readOnly = true;
    record.request("roleArn", function.role).request("roleSessionName", function.name);
    record.credentials =
        Map.of(
            "accessKeyId",
            key,
            "sessionToken",
            "IQoJb3JpZ2luX2VjE" + hex(random, 24),
            "expiration",
            Instant.ofEpochMilli(time + 12 * HOUR).toString());
    record.resource("AWS::IAM::Role", function.role);
    return record;
  }

  private SimulatedRecord serviceInvoke(SimulatedFunction function, long time, String service) {
    SimulatedRecord record = record(time, "lambda.amazonaws.com", "Invoke");
    record.identityType = "AWSService";
    record.invokedBy = service;
    record.sourceIp = service;
    record.userAgent = service;
    record.data = true;
    record.request("functionName", function.functionArn());
    record.resource("AWS::Lambda::Function", function.functionArn());
    return record;
  }

  private SimulatedRecord functionCall(
      SimulatedFunction function, Call call, long time, String key, String ip, String agent) {
    SimulatedRecord record = record(time, call.source(), call.name());
    asFunction(record, function, key);
    record.sourceIp = ip;
    record.userAgent = agent;
    record.readOnly = call.readOnly();
    record.data = call.data();
    String value = call.value();
    if (call.resourceType().equals("AWS::S3::Object")) {
      String object = "o/" + hex(random, 8) + ".json";
      record.request("bucketName", value).request("key", object);
      record.resource("AWS::S3::Object", call.arn() + object);
      record.resource("AWS::S3::Bucket", "arn:aws:s3:::" + value);
    } else {
      record.request(call.parameter(), value);
      record.resource(call.resourceType(), call.arn());
    }
    return record;
  }

  private static void asFunction(SimulatedRecord record, SimulatedFunction function, String key) {
    record.identityType = "AssumedRole";
    record.principalId = function.roleId + ":" + function.name;
    record.identityArn = function.sessionArn();
    record.issuerArn = function.role;
    record.accessKeyId = key;
  }

  private static Call sendMessage(String queue) {
    String url = "https://sqs." + RecordWriter.REGION + ".amazonaws.com/" + ACCOUNT + "/" + queue;
    String arn = "arn:aws:sqs:" + RecordWriter.REGION + ":" + ACCOUNT + ":" + queue;
    return new Call(
        "sqs.amazonaws.com",
        "SendMessage",
        "queueUrl",
        url,
        "AWS::SQS::Queue",
        arn,
        true,
        false,
        false);
  }

  /** A call by a role that is not a function's (CI, scanner, a server job). */
  private SimulatedRecord roleCall(
      long time,
      String role,
      String session,
      String key,
      String ip,
      String agent,
      String source,
      String name) {
    SimulatedRecord record = record(time, source, name);
    String roleName = role.substring(role.lastIndexOf('/') + 1);
    record.identityType = "AssumedRole";
    record.principalId =
        "AROA" + Integer.toHexString(role.hashCode()).toUpperCase(Locale.ROOT) + ":" + session;
    record.identityArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/" + session;
    record.issuerArn = role;
    record.accessKeyId = key;
    record.sourceIp = ip;
    record.userAgent = agent;
    record.readOnly =
        name.startsWith("List") || name.startsWith("Describe") || name.startsWith("Get");
    return record;
  }

  /** A call by an IAM user with a long-term key. */
  private SimulatedRecord userCall(
      long time, String user, String ip, String agent, String source, String name) {
    SimulatedRecord record = record(time, source, name);
    record.identityType = "IAMUser";
    record.principalId = "AIDA" + Integer.toHexString(user.hashCode()).toUpperCase(Locale.ROOT);
    record.identityArn = IAM + "user/" + user;
    record.userName = user;
    record.accessKeyId = "AKIA" + Integer.toHexString(user.hashCode()).toUpperCase(Locale.ROOT);
    record.sourceIp = ip;
    record.userAgent = agent + source.substring(0, source.indexOf('.')) + "." + name;
    return record;
  }

  private String uuid() {
    String h = hex(random, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20);
  }

  /** Lambda starts an execution environment for the function: the key it was issued. */
  private String environment(SimulatedFunction function, long time) {
    String key = newKey();
    scripted.add(lambdaAssumesRole(function, time, key));
    return key;
  }

  /** A new temporary access key ID. */
  private String newKey() {
    return "ASIA" + hex(random, 16).toUpperCase(Locale.ROOT);
  }

  static String hex(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }

  private long at(int day, int hour, int minute) {
    return start + day * DAY + hour * HOUR + minute * MINUTE;
  }

  // ---------------------------------------------------------------- scripted actors

  private void script() {
    for (int day = 0; day < settings.days(); day++) {
      deployments(day);
      securityScan(day);
      admins(day);
      reportingJob(day);
    }
    if (settings.attacks()) {
      attacks();
    }
  }

  /** CI deploys through CloudFormation every day, and smoke-tests a preview function. */
  private void deployments(int day) {
    String ci = IAM + "role/ci/github-deployer";
    String session = "GitHubActions-" + (4100 + day);
    String key = newKey();
    String ip = "20.42." + random.nextInt(256) + "." + random.nextInt(256);
    long t = at(day, 10, 0);
    for (String name :
        List.of(
            "CreateChangeSet",
            "DescribeChangeSet",
            "DescribeChangeSet",
            "ExecuteChangeSet",
            "DescribeStacks",
            "DescribeStacks",
            "DescribeStackEvents")) {
      t += 5_000 + random.nextInt(20_000);
      SimulatedRecord record =
          roleCall(t, ci, session, key, ip, SAM, "cloudformation.amazonaws.com", name);
      record.request("stackName", "acme-shop");
      scripted.add(record);
    }
    for (String name : List.of("inventory-sync", "orders-api", "catalog-api")) {
      SimulatedFunction function = function(name);
      t += 3_000 + random.nextInt(5_000);
      SimulatedRecord update =
          roleCall(
              t,
              ci,
              session,
              key,
              CFN,
              CFN,
              "lambda.amazonaws.com",
              "UpdateFunctionCode20150331v2");
      update.invokedBy = CFN;
      update.request("functionName", function.name);
      update.response.put("functionName", function.name);
      update.response.put("functionArn", function.functionArn());
      update.response.put("role", function.role);
      scripted.add(update);
    }
    String preview = "acme-preview-" + (4100 + day);
    String previewRole = IAM + "role/service/preview-role";
    t += 60_000;
    SimulatedRecord create =
        roleCall(t, ci, session, key, ip, SAM, "lambda.amazonaws.com", "CreateFunction20150331");
    create.request("functionName", preview).request("role", previewRole);
    create.response.put("role", previewRole);
    scripted.add(create);
    SimulatedRecord invoke =
        roleCall(t + 20_000, ci, session, key, ip, SAM, "lambda.amazonaws.com", "Invoke");
    invoke.data = true;
    invoke.request("functionName", preview);
    scripted.add(invoke);
    scripted.add(
        roleCall(
                t + 40_000,
                ci,
                session,
                key,
                ip,
                SAM,
                "lambda.amazonaws.com",
                "DeleteFunction20150331")
            .request("functionName", preview));
  }

  /** Prowler sweeps the account at 03:00 every day. */
  private void securityScan(int day) {
    String role = IAM + "role/security/prowler-audit";
    String key = newKey();
    long t = at(day, 3, 0);
    String[][] calls = {
      {"iam", "ListRoles"},
      {"iam", "ListUsers"},
      {"iam", "GetAccountSummary"},
      {"iam", "ListPolicies"},
      {"s3", "ListBuckets"},
      {"s3", "GetBucketPolicy"},
      {"ec2", "DescribeInstances"},
      {"ec2", "DescribeSecurityGroups"},
      {"lambda", "ListFunctions20150331"},
      {"lambda", "GetPolicy20150331v2"},
      {"cloudtrail", "DescribeTrails"},
      {"kms", "ListKeys"},
      {"dynamodb", "ListTables"},
      {"sqs", "ListQueues"},
      {"sns", "ListTopics"},
      {"config", "DescribeConfigRules"}
    };
    for (int round = 0; round < 5; round++) {
      for (String[] call : calls) {
        t += 500 + random.nextInt(3_000);
        SimulatedRecord record =
            roleCall(
                t,
                role,
                "prowler-" + day,
                key,
                "52.18.33.7",
                PROWLER,
                call[0] + ".amazonaws.com",
                call[1]);
        if (random.nextInt(12) == 0) {
          record.error("AccessDenied");
        }
        scripted.add(record);
      }
    }
  }

  /** Alice administers (narrow changes every day); Bob and Carol look around a little. */
  private void admins(int day) {
    String office = "192.0.2.10";
    SimulatedFunction target = functions.get(NAMED + (day % (functions.size() - NAMED)));
    long t = at(day, 11, random.nextInt(30));
    scripted.add(
        userCall(t, "alice", office, CLI, "iam.amazonaws.com", "GetRole")
            .request("roleName", target.role.substring(target.role.lastIndexOf('/') + 1)));
    scripted.add(
        userCall(t + 30_000, "alice", office, CLI, "iam.amazonaws.com", "AttachRolePolicy")
            .request("roleName", target.role.substring(target.role.lastIndexOf('/') + 1))
            .request("policyArn", IAM + "policy/acme-read-" + target.name));
    SimulatedRecord update =
        userCall(
            t + 90_000,
            "alice",
            office,
            CLI,
            "lambda.amazonaws.com",
            "UpdateFunctionConfiguration20150331v2");
    update.request("functionName", target.name);
    update.response.put("role", target.role);
    scripted.add(update);
    for (int h = 9; h < 17; h += 2) {
      long when = at(day, h, random.nextInt(60));
      scripted.add(
          userCall(when, "bob", "192.0.2.44", CLI, "lambda.amazonaws.com", "GetFunction20150331v2")
              .request("functionName", "orders-api"));
      scripted.add(
          userCall(when + 20_000, "bob", "192.0.2.44", CLI, "logs.amazonaws.com", "FilterLogEvents")
              .request("logGroupName", "/aws/lambda/orders-api"));
    }
    scripted.add(
        userCall(
                at(day, 9, 45),
                "carol",
                "192.0.2.61",
                CLI,
                "dynamodb.amazonaws.com",
                "DescribeTable")
            .request("tableName", "orders"));
    scripted.add(
        userCall(at(day, 9, 47), "carol", "192.0.2.61", CLI, "s3.amazonaws.com", "ListBuckets"));
  }

  /** A reporting job on a server runs the same queries every hour: a cron job, not an attack. */
  private void reportingJob(int day) {
    String role = IAM + "role/app/reporting";
    for (int h = 0; h < 24; h++) {
      long t = at(day, h, 5) + random.nextInt(2_000);
      String session = "i-0c1d2e3f4a5b6c7d8";
      String key = newKey();
      scripted.add(
          roleCall(
              t,
              role,
              session,
              key,
              "10.0.12.34",
              SERVER,
              "athena.amazonaws.com",
              "StartQueryExecution"));
      scripted.add(
          roleCall(
              t + 4_000,
              role,
              session,
              key,
              "10.0.12.34",
              SERVER,
              "athena.amazonaws.com",
              "GetQueryExecution"));
      SimulatedRecord results =
          roleCall(
              t + 6_000, role, session, key, "10.0.12.34", SERVER, "s3.amazonaws.com", "GetObject");
      results.data = true;
      results.request("bucketName", "acme-athena-results").request("key", "daily/out.csv");
      results.resource("AWS::S3::Object", "arn:aws:s3:::acme-athena-results/daily/out.csv");
      scripted.add(results);
    }
  }

  // ---------------------------------------------------------------- attacks

  private void attacks() {
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

  private static final String ATTACKER_AGENT = CLI;

  /** Day 2, 01:00–07:00: orders-api's credentials, stolen afresh, replayed every 20 minutes. */
  private void groundhogOutside() {
    SimulatedFunction function = function("orders-api");
    String table = "arn:aws:dynamodb:" + RecordWriter.REGION + ":" + ACCOUNT + ":table/orders";
    long first = at(1, 1, 0);
    long last = first;
    for (int i = 0; i < 18; i++) {
      long t = first + i * (20 * MINUTE) + random.nextInt(20_000);
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
    SimulatedRecord record = record(time, source, name);
    asFunction(record, function, key);
    record.sourceIp = ip;
    record.userAgent =
        ATTACKER_AGENT
            + source.substring(0, source.indexOf('.'))
            + "."
            + name.toLowerCase(Locale.ROOT);
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
    long first = at(1, 9, 0);
    long last = first;
    for (int i = 0; i < 9; i++) {
      long t = first + i * (30 * MINUTE) + random.nextInt(15_000);
      String key = newKey();
      String ip = "3.249." + random.nextInt(256) + "." + random.nextInt(256);
      scripted.add(lambdaAssumesRole(function, t - 400, key));
      SimulatedRecord read = functionCall(function, secretRead(secret), t, key, ip, function.agent);
      SimulatedRecord drop =
          functionCall(
              function,
              object("PutObject", "drop-zone-7781", false),
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
    long t = at(1, 15, 0);
    String key = newKey();
    String ip = "3.251.7.9";
    scripted.add(lambdaAssumesRole(function, t - 400, key));
    Call update = item("UpdateItem", table, false);
    for (int i = 0; i < 10; i++) {
      scripted.add(functionCall(function, update, t + i * (2 * MINUTE), key, ip, function.agent));
    }
    long first = t + 3 * MINUTE;
    long last = first;
    for (int i = 0; i < 6; i++) {
      last = first + i * 150_000L;
      scripted.add(functionCall(function, update, last, key, "198.51.100.77", function.agent));
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
    long t = at(1, 18, 0);
    String key = environment(function, t - 60_000);
    long last = t;
    for (int i = 0; i < 5; i++) {
      last = t + i * (4 * MINUTE);
      scripted.add(
          functionCall(
              function,
              publish("order-events"),
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
    long t = at(1, 20, 0);
    scripted.add(userCall(t, "bob", ip, CLI, "iam.amazonaws.com", "ListRoles"));
    SimulatedRecord create =
        userCall(t + 60_000, "bob", ip, CLI, "lambda.amazonaws.com", "CreateFunction20150331");
    create
        .request("functionName", "sys-maint")
        .request("role", IAM + "role/service/admin-maintenance-role");
    scripted.add(create);
    SimulatedRecord invoke =
        userCall(t + 120_000, "bob", ip, CLI, "lambda.amazonaws.com", "Invoke");
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
    long t = at(2, 4, 30);
    String key = newKey();
    String ip = "3.248.1.10";
    scripted.add(lambdaAssumesRole(function, t - 400, key));
    SimulatedRecord update = record(t, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2");
    asFunction(update, function, key);
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
    long t = at(2, 6, 0);
    scripted.add(
        userCall(t, "carol", "192.0.2.61", CLI, "iam.amazonaws.com", "AttachUserPolicy")
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
    long t = at(2, 8, 0);
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
        last += 1_000 + random.nextInt(4_000);
        SimulatedRecord record =
            attackerCall(function, key, last, "203.0.113.200", call[0] + ".amazonaws.com", call[1]);
        if (!call[0].equals("sts") && !call[0].equals("dynamodb") && random.nextInt(2) == 0) {
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
    long t = at(2, 2, 20);
    String key = newKey();
    scripted.add(
        roleCall(
            t,
            role,
            "i-0c1d2e3f4a5b6c7d8",
            key,
            "10.0.12.34",
            SERVER,
            "secretsmanager.amazonaws.com",
            "ListSecrets"));
    scripted.add(
        roleCall(
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
    long first = at(2, 13, 0);
    long last = first;
    for (int i = 0; i < 2_500; i++) {
      last = first + (long) (i * (15 * MINUTE / 2_500.0));
      SimulatedRecord invoke =
          userCall(
              last,
              "partner-sync",
              "203.0.113.7",
              "python-requests/2.31.0 ",
              "lambda.amazonaws.com",
              "Invoke");
      invoke.data = true;
      invoke.request("functionName", function.functionArn());
      invoke.resource("AWS::Lambda::Function", function.functionArn());
      if (random.nextInt(10) < 3) {
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
}
