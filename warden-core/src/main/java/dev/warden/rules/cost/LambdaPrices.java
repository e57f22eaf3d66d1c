package dev.warden.rules.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Bundled Lambda prices ({@code lambda-prices.json}: per GB-second by architecture, per million
 * requests, the default account concurrency), with their source and date.
 *
 * @param x86GbSecond price of one GB-second on x86_64
 * @param armGbSecond price of one GB-second on arm64
 * @param perMillionRequests price of a million requests
 * @param defaultConcurrency the account's default concurrent-executions quota
 */
record LambdaPrices(
    double x86GbSecond,
    double armGbSecond,
    double perMillionRequests,
    int defaultConcurrency,
    String source,
    String retrieved) {

  private static final LambdaPrices BUNDLED = load();

  static LambdaPrices bundled() {
    return BUNDLED;
  }

  /**
   * The cost of one hour with {@code concurrency} environments busy all the time, each invocation
   * running {@code seconds} with {@code memoryMb}: the most an attacker can make the function cost.
   */
  double worstCasePerHour(int concurrency, int memoryMb, int seconds, boolean arm) {
    double gbSeconds = concurrency * (memoryMb / 1024.0) * 3600;
    double requests = concurrency * 3600.0 / Math.max(1, seconds);
    return gbSeconds * (arm ? armGbSecond : x86GbSecond) + requests / 1e6 * perMillionRequests;
  }

  private static LambdaPrices load() {
    try (InputStream in = LambdaPrices.class.getResourceAsStream("lambda-prices.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      return new LambdaPrices(
          root.at("/gbSecond/x86_64").asDouble(),
          root.at("/gbSecond/arm64").asDouble(),
          root.get("requestsPerMillion").asDouble(),
          root.get("defaultAccountConcurrency").asInt(),
          root.get("source").asText(),
          root.get("retrieved").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled Lambda prices cannot be read", e);
    }
  }
}
