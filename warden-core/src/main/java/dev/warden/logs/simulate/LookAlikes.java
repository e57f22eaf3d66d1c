package dev.warden.logs.simulate;

import static dev.warden.logs.simulate.Records.CLI;
import static dev.warden.logs.simulate.Records.IAM;

import java.util.List;

/**
 * The account's benign actors whose calls look like attacks: CI deploying through CloudFormation
 * and smoke-testing a preview function with a role it passes, Prowler's daily sweep, an admin's
 * narrow changes and developers looking around, and a server's hourly reporting job.
 */
final class LookAlikes {

  private static final String SAM = "aws-sam-cli/1.113.0 Boto3/1.34.84 Python/3.11.8";
  private static final String CFN = "cloudformation.amazonaws.com";
  private static final String PROWLER = "prowler/3.16.2 Boto3/1.34.84 Python/3.11.8";
  static final String SERVER = "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1";

  private final Records records;
  private final List<SimulatedFunction> functions;
  private final List<SimulatedRecord> scripted;
  private final int named;

  LookAlikes(
      Records records,
      List<SimulatedFunction> functions,
      List<SimulatedRecord> scripted,
      int named) {
    this.records = records;
    this.functions = functions;
    this.scripted = scripted;
    this.named = named;
  }

  private SimulatedFunction function(String name) {
    return SimulatedFunction.named(functions, name);
  }

  /** CI deploys through CloudFormation every day, and smoke-tests a preview function. */
  void deployments(int day) {
    String ci = IAM + "role/ci/github-deployer";
    String session = "GitHubActions-" + (4100 + day);
    String key = records.newKey();
    String ip = "20.42." + records.random.nextInt(256) + "." + records.random.nextInt(256);
    long t = records.at(day, 10, 0);
    for (String name :
        List.of(
            "CreateChangeSet",
            "DescribeChangeSet",
            "DescribeChangeSet",
            "ExecuteChangeSet",
            "DescribeStacks",
            "DescribeStacks",
            "DescribeStackEvents")) {
      t += 5_000 + records.random.nextInt(20_000);
      SimulatedRecord record =
          records.roleCall(t, ci, session, key, ip, SAM, "cloudformation.amazonaws.com", name);
      record.request("stackName", "acme-shop");
      scripted.add(record);
    }
    for (String name : List.of("inventory-sync", "orders-api", "catalog-api")) {
      SimulatedFunction function = function(name);
      t += 3_000 + records.random.nextInt(5_000);
      SimulatedRecord update =
          records.roleCall(
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
        records.roleCall(
            t, ci, session, key, ip, SAM, "lambda.amazonaws.com", "CreateFunction20150331");
    create.request("functionName", preview).request("role", previewRole);
    create.response.put("role", previewRole);
    scripted.add(create);
    SimulatedRecord invoke =
        records.roleCall(t + 20_000, ci, session, key, ip, SAM, "lambda.amazonaws.com", "Invoke");
    invoke.data = true;
    invoke.request("functionName", preview);
    scripted.add(invoke);
    scripted.add(
        records
            .roleCall(
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
  void securityScan(int day) {
    String role = IAM + "role/security/prowler-audit";
    String key = records.newKey();
    long t = records.at(day, 3, 0);
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
        t += 500 + records.random.nextInt(3_000);
        SimulatedRecord record =
            records.roleCall(
                t,
                role,
                "prowler-" + day,
                key,
                "52.18.33.7",
                PROWLER,
                call[0] + ".amazonaws.com",
                call[1]);
        if (records.random.nextInt(12) == 0) {
          record.error("AccessDenied");
        }
        scripted.add(record);
      }
    }
  }

  /** Alice administers (narrow changes every day); Bob and Carol look around a little. */
  void admins(int day) {
    String office = "192.0.2.10";
    SimulatedFunction target =
        functions.size() > named
            ? functions.get(named + day % (functions.size() - named))
            : functions.get(day % functions.size());
    long t = records.at(day, 11, records.random.nextInt(30));
    scripted.add(
        records
            .userCall(t, "alice", office, CLI, "iam.amazonaws.com", "GetRole")
            .request("roleName", target.role.substring(target.role.lastIndexOf('/') + 1)));
    scripted.add(
        records
            .userCall(t + 30_000, "alice", office, CLI, "iam.amazonaws.com", "AttachRolePolicy")
            .request("roleName", target.role.substring(target.role.lastIndexOf('/') + 1))
            .request("policyArn", IAM + "policy/acme-read-" + target.name));
    SimulatedRecord update =
        records.userCall(
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
      long when = records.at(day, h, records.random.nextInt(60));
      scripted.add(
          records
              .userCall(
                  when, "bob", "192.0.2.44", CLI, "lambda.amazonaws.com", "GetFunction20150331v2")
              .request("functionName", "orders-api"));
      scripted.add(
          records
              .userCall(
                  when + 20_000, "bob", "192.0.2.44", CLI, "logs.amazonaws.com", "FilterLogEvents")
              .request("logGroupName", "/aws/lambda/orders-api"));
    }
    scripted.add(
        records
            .userCall(
                records.at(day, 9, 45),
                "carol",
                "192.0.2.61",
                CLI,
                "dynamodb.amazonaws.com",
                "DescribeTable")
            .request("tableName", "orders"));
    scripted.add(
        records.userCall(
            records.at(day, 9, 47), "carol", "192.0.2.61", CLI, "s3.amazonaws.com", "ListBuckets"));
  }

  /** A reporting job on a server runs the same queries every hour: a cron job, not an attack. */
  void reportingJob(int day) {
    String role = IAM + "role/app/reporting";
    for (int h = 0; h < 24; h++) {
      long t = records.at(day, h, 5) + records.random.nextInt(2_000);
      String session = "i-0c1d2e3f4a5b6c7d8";
      String key = records.newKey();
      scripted.add(
          records.roleCall(
              t,
              role,
              session,
              key,
              "10.0.12.34",
              SERVER,
              "athena.amazonaws.com",
              "StartQueryExecution"));
      scripted.add(
          records.roleCall(
              t + 4_000,
              role,
              session,
              key,
              "10.0.12.34",
              SERVER,
              "athena.amazonaws.com",
              "GetQueryExecution"));
      SimulatedRecord results =
          records.roleCall(
              t + 6_000, role, session, key, "10.0.12.34", SERVER, "s3.amazonaws.com", "GetObject");
      results.data = true;
      results.request("bucketName", "acme-athena-results").request("key", "daily/out.csv");
      results.resource("AWS::S3::Object", "arn:aws:s3:::acme-athena-results/daily/out.csv");
      scripted.add(results);
    }
  }
}
