package dev.warden.logs.simulate;

import dev.warden.logs.simulate.SimulatedFunction.Call;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes the simulated account's records — Lambda's role assumptions, invocations, functions',
 * roles' and users' calls — with IDs and keys from the simulation's one random source, so that the
 * same seed gives the same records.
 */
final class Records {

  static final String ACCOUNT = RecordWriter.ACCOUNT;
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;
  static final String IAM = "arn:aws:iam::" + ACCOUNT + ":";
  static final String CLI =
      "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8"
          + " md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe command/";

  final Random random;
  private final long start;

  Records(Random random, long start) {
    this.random = random;
    this.start = start;
  }

  SimulatedRecord record(long time, String source, String name) {
    SimulatedRecord record = new SimulatedRecord();
    record.time = time;
    record.id = uuid();
    record.source = source;
    record.name = name;
    return record;
  }

  SimulatedRecord lambdaAssumesRole(SimulatedFunction function, long time, String key) {
    SimulatedRecord record = record(time, "sts.amazonaws.com", "AssumeRole");
    record.identityType = "AWSService";
    record.invokedBy = "lambda.amazonaws.com";
    record.sourceIp = "lambda.amazonaws.com";
    record.userAgent = "lambda.amazonaws.com";
    record.readOnly = true;
    record.request("roleArn", function.role).request("roleSessionName", function.name);
    Map<String, Object> credentials = new java.util.LinkedHashMap<>(); // written in this order
    credentials.put("accessKeyId", key);
    credentials.put("sessionToken", "IQoJb3JpZ2luX2VjE" + hex(random, 24));
    credentials.put("expiration", Instant.ofEpochMilli(time + 12 * HOUR).toString());
    record.credentials = credentials;
    record.resource("AWS::IAM::Role", function.role);
    return record;
  }

  SimulatedRecord serviceInvoke(SimulatedFunction function, long time, String service) {
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

  SimulatedRecord functionCall(
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

  static void asFunction(SimulatedRecord record, SimulatedFunction function, String key) {
    record.identityType = "AssumedRole";
    record.principalId = function.roleId + ":" + function.name;
    record.identityArn = function.sessionArn();
    record.issuerArn = function.role;
    record.accessKeyId = key;
  }

  static Call sendMessage(String queue) {
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
  SimulatedRecord roleCall(
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
  SimulatedRecord userCall(
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

  String uuid() {
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

  /** A new temporary access key ID. */
  String newKey() {
    return "ASIA" + hex(random, 16).toUpperCase(Locale.ROOT);
  }

  static String hex(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }

  long at(int day, int hour, int minute) {
    return start + day * DAY + hour * HOUR + minute * MINUTE;
  }

  static Call item(String name, String table, boolean read) {
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

  static Call object(String name, String bucket, boolean read) {
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

  static Call secretRead(String arn) {
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

  static Call publish(String topic) {
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
}
