package dev.warden.bench;

import dev.warden.iam.IamCatalog;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.PolicyEvaluator;
import dev.warden.iam.PolicyParser;
import dev.warden.iam.PolicySet;
import dev.warden.iam.PolicyType;
import dev.warden.iam.Principal;
import dev.warden.iam.Request;
import dev.warden.iam.RequestContext;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Policy evaluations per second on one core: a typical 10-statement function policy, with wildcards
 * in actions and resources and one condition, against a mix of eight requests (allowed, denied by a
 * Deny, implicitly denied, decided by the condition).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyEvaluationBenchmark {

  /** Ten statements as a function's role typically has them. */
  static final String POLICY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
         "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/orders-*:*"},
        {"Sid": "Tables", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
         "Resource": ["arn:aws:dynamodb:us-east-1:111122223333:table/Orders", "arn:aws:dynamodb:us-east-1:111122223333:table/Orders/index/*"]},
        {"Sid": "Uploads", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::acme-uploads/*"},
        {"Sid": "Reports", "Effect": "Allow", "Action": ["s3:PutObject", "s3:PutObjectTagging"], "Resource": "arn:aws:s3:::acme-reports/${aws:PrincipalTag/team}/*"},
        {"Sid": "Queue", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:orders-*"},
        {"Sid": "Events", "Effect": "Allow", "Action": "events:PutEvents", "Resource": "arn:aws:events:us-east-1:111122223333:event-bus/default"},
        {"Sid": "Secret", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:orders/db-??????"},
        {"Sid": "Key", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "arn:aws:kms:us-east-1:111122223333:key/*",
         "Condition": {"StringLike": {"kms:ViaService": ["s3.*.amazonaws.com", "dynamodb.*.amazonaws.com"]}}},
        {"Sid": "Xray", "Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"},
        {"Sid": "NoDelete", "Effect": "Deny", "Action": ["s3:Delete*", "dynamodb:Delete*"], "Resource": "*"}
      ]}
      """;

  private PolicyEvaluator evaluator;
  private PolicySet policies;
  private Request[] requests;
  private int next;

  @Setup
  public void setUp() {
    IamCatalog catalog = IamCatalog.bundled();
    evaluator = new PolicyEvaluator(catalog);
    PolicyDocument document =
        PolicyParser.parse(
                new DocumentReader(ReadLimits.DEFAULT)
                    .parse(new SourceFile("policy.json", POLICY))
                    .root(),
                PolicyType.IDENTITY)
            .document();
    policies = PolicySet.identity(List.of(document));
    Principal principal = new Principal("arn:aws:sts::111122223333:assumed-role/orders/fn");
    RequestContext context =
        RequestContext.of(
            Map.of(
                "aws:PrincipalTag/team", List.of("payments"),
                "kms:ViaService", List.of("s3.us-east-1.amazonaws.com"),
                "aws:SourceIp", List.of("203.0.113.9")));
    String[][] mix = {
      {"dynamodb:Query", "arn:aws:dynamodb:us-east-1:111122223333:table/Orders/index/ByCustomer"},
      {"s3:GetObject", "arn:aws:s3:::acme-uploads/2026/11/photo.png"},
      {"s3:PutObject", "arn:aws:s3:::acme-reports/payments/r.csv"},
      {"s3:DeleteObject", "arn:aws:s3:::acme-uploads/2026/11/photo.png"},
      {
        "kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      },
      {"sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:orders-dlq"},
      {"iam:PassRole", "arn:aws:iam::111122223333:role/admin"},
      {
        "logs:PutLogEvents",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/orders-api:log-stream:x"
      }
    };
    requests = new Request[mix.length];
    for (int i = 0; i < mix.length; i++) {
      requests[i] = new Request(principal, mix[i][0], mix[i][1], "111122223333", context);
    }
  }

  @Benchmark
  public Object evaluate() {
    Request request = requests[next];
    next = (next + 1) & 7;
    return evaluator.evaluate(request, policies);
  }
}
