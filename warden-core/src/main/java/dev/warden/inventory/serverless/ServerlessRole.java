package dev.warden.inventory.serverless;

import static dev.warden.inventory.serverless.Tree.obj;
import static dev.warden.inventory.serverless.Tree.seq;
import static dev.warden.inventory.serverless.Tree.str;
import static dev.warden.inventory.serverless.Tree.sub;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution role the framework makes: trusted by Lambda, allowed to write its functions' logs,
 * to read the queues and streams that trigger them, and whatever statements and managed policies
 * the configuration gives it.
 */
final class ServerlessRole {

  private static final String VPC_POLICY =
      "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

  private final String logicalId;
  private final String roleName;
  private final SourceLocation at;
  private final boolean shared;
  private final Map<String, Value.Obj> functions = new LinkedHashMap<>();
  private final List<Value> statements = new ArrayList<>();
  private final List<Value> managedPolicies = new ArrayList<>();

  ServerlessRole(String logicalId, String roleName, SourceLocation at, boolean shared) {
    this.logicalId = logicalId;
    this.roleName = roleName;
    this.at = at;
    this.shared = shared;
  }

  String logicalId() {
    return logicalId;
  }

  boolean isUsed() {
    return !functions.isEmpty();
  }

  /** A function that runs with this role. */
  void use(String functionKey, Value.Obj function) {
    functions.put(functionKey, function);
  }

  void addStatements(List<Value> more) {
    statements.addAll(more);
  }

  void addManagedPolicies(List<Value> more) {
    managedPolicies.addAll(more);
  }

  /** What the framework adds for an event source: reading the queue or stream. */
  void allowEventSource(String service, Value arn) {
    List<String> actions =
        switch (service) {
          case "sqs" ->
              List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
          case "kinesis" ->
              List.of(
                  "kinesis:GetRecords",
                  "kinesis:GetShardIterator",
                  "kinesis:DescribeStream",
                  "kinesis:DescribeStreamSummary",
                  "kinesis:ListShards",
                  "kinesis:ListStreams");
          default ->
              List.of(
                  "dynamodb:GetRecords",
                  "dynamodb:GetShardIterator",
                  "dynamodb:DescribeStream",
                  "dynamodb:ListStreams");
        };
    statements.add(statement(actions, List.of(arn), arn.at()));
  }

  /** The role as a CloudFormation resource. */
  Value.Obj build(ServerlessCompiler compiler) {
    List<Value> all = new ArrayList<>();
    List<Value> logGroups = new ArrayList<>();
    List<Value> logStreams = new ArrayList<>();
    for (Map.Entry<String, Value.Obj> function : functions.entrySet()) {
      String name = compiler.deployedName(function.getKey(), function.getValue());
      String group =
          "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/"
              + name;
      logGroups.add(sub(group + ":*", function.getValue().at()));
      logStreams.add(sub(group + ":*:*", function.getValue().at()));
    }
    all.add(
        statement(
            List.of("logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"),
            logGroups,
            at));
    all.add(statement(List.of("logs:PutLogEvents"), logStreams, at));
    all.addAll(statements);
    List<Value> managed = new ArrayList<>(managedPolicies);
    boolean vpc = functions.values().stream().anyMatch(f -> compiler.setting(f, "vpc").isPresent());
    if (vpc) {
      managed.add(sub(VPC_POLICY, at));
    }
    Value.Obj trust =
        obj(at)
            .put("Version", "2012-10-17")
            .put(
                "Statement",
                seq(
                    at,
                    List.of(
                        obj(at)
                            .put("Effect", "Allow")
                            .put(
                                "Principal",
                                obj(at).put("Service", str("lambda.amazonaws.com", at)).build())
                            .put("Action", str("sts:AssumeRole", at))
                            .build())))
            .build();
    Value.Obj policy =
        obj(at)
            .put("PolicyName", str(compiler.service() + "-" + compiler.stage() + "-lambda", at))
            .put(
                "PolicyDocument",
                obj(at).put("Version", "2012-10-17").put("Statement", seq(at, all)).build())
            .build();
    Tree.Builder properties =
        obj(at)
            .put("RoleName", sub(roleName, at))
            .put("AssumeRolePolicyDocument", trust)
            .put("Policies", seq(at, List.of(policy)));
    if (!managed.isEmpty()) {
      properties.put("ManagedPolicyArns", seq(at, managed));
    }
    if (shared) {
      compiler.providerBoundary().ifPresent(b -> properties.put("PermissionsBoundary", b));
    }
    return obj(at)
        .put("Type", str("AWS::IAM::Role", at))
        .put("Properties", properties.build())
        .build();
  }

  private static Value statement(List<String> actions, List<Value> resources, SourceLocation at) {
    List<Value> actionValues = new ArrayList<>();
    actions.forEach(a -> actionValues.add(str(a, at)));
    return obj(at)
        .put("Effect", "Allow")
        .put("Action", seq(at, actionValues))
        .put("Resource", seq(at, resources))
        .build();
  }
}
