package dev.warden.bench;

import dev.warden.iam.EffectivePermissions;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.PolicyEvaluator;
import dev.warden.iam.PolicySet;
import dev.warden.iam.Principal;
import dev.warden.iam.Request;
import dev.warden.iam.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost of one evaluation and of one expansion over the catalog grows with the number of
 * statements: policies of 10, 100 and 1,000 statements, each on its own table and actions, the
 * request matching the last statement (the worst case: every statement is examined).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyScalingBenchmark {

  @Param({"10", "100", "1000"})
  public int statements;

  private PolicyEvaluator evaluator;
  private PolicySet policies;
  private Request request;
  private IamCatalog catalog;
  private PolicyDocument document;

  @Setup
  public void setUp() {
    catalog = IamCatalog.bundled();
    evaluator = new PolicyEvaluator(catalog);
    List<String> texts = new ArrayList<>();
    String[] actions = {
      "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:Update*"
    };
    for (int i = 0; i < statements; i++) {
      texts.add(
          String.format(
              Locale.ROOT,
              "{\"Sid\": \"T%d\", \"Effect\": \"Allow\", \"Action\": [\"%s\", \"%s\"],"
                  + " \"Resource\": \"arn:aws:dynamodb:us-east-1:111122223333:table/t%d*\"}",
              i,
              actions[i % 4],
              actions[(i + 1) % 4],
              i));
    }
    document =
        IamCatalogBenchmark.policy(
            "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", texts) + "]}");
    policies = PolicySet.identity(List.of(document));
    int last = statements - 1;
    request =
        new Request(
            new Principal("arn:aws:sts::111122223333:assumed-role/orders/fn"),
            actions[last % 4].replace("*", "Item"),
            "arn:aws:dynamodb:us-east-1:111122223333:table/t" + last,
            "111122223333",
            RequestContext.empty());
  }

  @Benchmark
  public Object evaluate() {
    return evaluator.evaluate(request, policies);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object expand() {
    return new EffectivePermissions(catalog, List.of(document), Optional.empty()).expand();
  }
}
