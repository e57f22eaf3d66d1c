package dev.warden.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Every API call the collector makes, counted by the SDK itself (an interceptor on every client):
 * calls per service, operation and region, and the HTTP attempts they took (more than the calls
 * when AWS throttled and the SDK retried). Failed calls are recorded with their resource and error
 * code for the manifest.
 */
final class CallLedger implements ExecutionInterceptor {

  /** One service, operation and region. */
  record Key(String service, String operation, String region) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return service + " " + operation + " " + region;
    }
  }

  /** A call that failed; what it would have returned is missing from the snapshot. */
  record Failure(
      String service,
      String operation,
      String region,
      Optional<String> resource,
      String error,
      String message) {}

  private final Map<Key, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<Key, LongAdder> attempts = new ConcurrentHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final LongAdder reused = new LongAdder();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    calls.computeIfAbsent(key(attributes), k -> new LongAdder()).increment();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts.computeIfAbsent(key(attributes), k -> new LongAdder()).increment();
  }

  private static Key key(ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    return new Key(
        service == null ? "?" : service.toLowerCase(Locale.ROOT),
        operation == null ? "?" : operation,
        region == null ? "?" : region.id());
  }

  synchronized void failed(Failure failure) {
    failures.add(failure);
  }

  synchronized List<Failure> failures() {
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(
        java.util.Comparator.comparing(Failure::region)
            .thenComparing(Failure::service)
            .thenComparing(Failure::operation)
            .thenComparing(f -> f.resource().orElse("")));
    return sorted;
  }

  /** An answer read back from an interrupted run's folder instead of asked again. */
  void reused() {
    reused.increment();
  }

  long reusedCount() {
    return reused.sum();
  }

  /** Calls by service, operation and region, sorted. */
  Map<Key, Long> calls() {
    Map<Key, Long> sorted = new TreeMap<>();
    calls.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  long attempts(Key key) {
    LongAdder adder = attempts.get(key);
    return adder == null ? 0 : adder.sum();
  }

  long totalCalls() {
    return calls.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long totalAttempts() {
    return attempts.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
