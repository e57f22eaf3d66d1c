package dev.warden.leastpriv;

import dev.warden.inventory.App;
import dev.warden.inventory.Destination;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the platform needs the role to allow, given the function's own configuration, and nothing
 * more: writing its logs (to its log group), X-Ray when tracing is active (traces, and the sampling
 * rules the X-Ray SDK reads), network interfaces in a VPC, polling its queue and stream triggers,
 * sending to its dead-letter or on-failure target, decrypting its environment with its KMS key, and
 * the customer-managed keys of the queues, streams and targets it polls or sends to.
 */
final class PlatformNeeds {

  private PlatformNeeds() {}

  static List<Need> of(ServerlessFunction function, App app) {
    List<Need> needs = new ArrayList<>();
    SymbolicText group =
        function.logGroup().orElse(SymbolicText.of("/aws/lambda/").append(function.name()));
    SymbolicText groupArn =
        SymbolicText.concat(
            List.of(
                SymbolicText.of("arn:aws:logs:"),
                SymbolicText.symbol("AWS::Region"),
                SymbolicText.of(":"),
                SymbolicText.symbol("AWS::AccountId"),
                SymbolicText.of(":log-group:"),
                group,
                SymbolicText.of(":*")));
    for (String action :
        List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents")) {
      needs.add(new Need(action, groupArn, List.of("platform"), true));
    }
    if (function.tracing().map("Active"::equalsIgnoreCase).orElse(false)) {
      for (String action :
          List.of(
              "xray:PutTraceSegments",
              "xray:PutTelemetryRecords",
              "xray:GetSamplingRules",
              "xray:GetSamplingTargets",
              "xray:GetSamplingStatisticSummaries")) {
        needs.add(new Need(action, SymbolicText.of("*"), List.of("platform"), true));
      }
    }
    if (function.vpc().isPresent()) {
      for (String action :
          List.of(
              "ec2:CreateNetworkInterface",
              "ec2:DescribeNetworkInterfaces",
              "ec2:DeleteNetworkInterface",
              "ec2:AssignPrivateIpAddresses",
              "ec2:UnassignPrivateIpAddresses")) {
        needs.add(new Need(action, SymbolicText.of("*"), List.of("platform"), true));
      }
    }
    for (Trigger trigger : function.triggers()) {
      Optional<SymbolicText> source = sourceArn(trigger, app);
      List<String> actions =
          switch (trigger.kind()) {
            case SQS ->
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
            case DYNAMODB_STREAM ->
                List.of(
                    "dynamodb:DescribeStream",
                    "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator",
                    "dynamodb:ListStreams");
            case KINESIS ->
                List.of(
                    "kinesis:DescribeStream",
                    "kinesis:DescribeStreamSummary",
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                    "kinesis:ListShards",
                    "kinesis:ListStreams");
            case MQ -> List.of("mq:DescribeBroker");
            case MSK ->
                List.of(
                    "kafka:DescribeCluster",
                    "kafka:DescribeClusterV2",
                    "kafka:GetBootstrapBrokers");
            default -> List.of();
          };
      for (String action : unscopedPollerActions(trigger.kind())) {
        needs.add(
            new Need(action, SymbolicText.of("*"), List.of("trigger:" + trigger.name()), false));
      }
      for (String action : actions) {
        needs.add(
            new Need(
                action,
                source.orElse(SymbolicText.of("*")),
                List.of("trigger:" + trigger.name()),
                source.isPresent()));
      }
      if (trigger.kind() == TriggerKind.SQS || trigger.kind() == TriggerKind.KINESIS) {
        trigger
            .sourceResource()
            .flatMap(id -> resource(id, app))
            .flatMap(r -> EncryptionKeys.of(r, app))
            .ifPresent(
                key ->
                    needs.add(
                        new Need("kms:Decrypt", key, List.of("trigger:" + trigger.name()), true)));
      }
    }
    List<Destination> targets = new ArrayList<>();
    function.deadLetter().ifPresent(targets::add);
    function.asyncConfig().flatMap(c -> c.onFailure()).ifPresent(targets::add);
    for (Destination target : targets) {
      String action =
          switch (target.type()) {
            case "sqs" -> "sqs:SendMessage";
            case "sns" -> "sns:Publish";
            case "lambda" -> "lambda:InvokeFunction";
            case "events" -> "events:PutEvents";
            default -> "";
          };
      if (!action.isEmpty()) {
        needs.add(new Need(action, target.target(), List.of("platform"), true));
        Optional<SymbolicText> key =
            target.target().symbols().stream()
                .map(s -> s.endsWith(".Arn") ? s.substring(0, s.length() - 4) : s)
                .flatMap(id -> resource(id, app).stream())
                .flatMap(r -> EncryptionKeys.of(r, app).stream())
                .findFirst();
        for (String use : key.isPresent() ? EncryptionKeys.use(action, false) : List.<String>of()) {
          needs.add(new Need(use, key.get(), List.of("platform"), true));
        }
      }
    }
    function
        .kmsKeyArn()
        .ifPresent(key -> needs.add(new Need("kms:Decrypt", key, List.of("platform"), true)));
    return needs;
  }

  private static final List<String> NETWORK =
      List.of(
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcs");

  /**
   * What Lambda's pollers of brokers and clusters need beyond the source itself (AWS's
   * AWSLambdaMSKExecutionRole and the event source mapping guides): the network interfaces they
   * open in the source's VPC, the credentials secret (its ARN is in the mapping's source access
   * configuration, not modelled yet, hence on any secret), DocumentDB's cluster descriptions.
   */
  private static List<String> unscopedPollerActions(TriggerKind kind) {
    List<String> actions = new ArrayList<>();
    switch (kind) {
      case MQ, KAFKA -> {
        actions.addAll(NETWORK);
        actions.add("secretsmanager:GetSecretValue");
      }
      case MSK -> actions.addAll(NETWORK);
      case DOCUMENTDB -> {
        actions.addAll(NETWORK);
        actions.add("secretsmanager:GetSecretValue");
        actions.addAll(
            List.of(
                "rds:DescribeDBClusters",
                "rds:DescribeDBClusterParameters",
                "rds:DescribeDBSubnetGroups"));
      }
      default -> {}
    }
    return actions;
  }

  private static Optional<Resource> resource(String logicalId, App app) {
    return app.resources().stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }

  /** The ARN of the trigger's source: the app's resource when it declares it, else its text. */
  private static Optional<SymbolicText> sourceArn(Trigger trigger, App app) {
    if (trigger.sourceResource().isPresent()) {
      for (Resource resource : app.resources()) {
        if (resource.logicalId().equals(trigger.sourceResource().get())) {
          SymbolicText arn = resource.arn();
          if (trigger.kind() == TriggerKind.DYNAMODB_STREAM) {
            return Optional.of(arn.append(SymbolicText.of("/stream/*")));
          }
          return Optional.of(arn);
        }
      }
    }
    return trigger.source().filter(s -> s.toString().startsWith("arn:"));
  }
}
