package dev.warden.rules;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One weakness found, where it is and why it matters.
 *
 * @param severity how bad this one is: the rule's severity unless the rule grades its findings
 * @param functionId the function it concerns ({@code template.yaml#OrderFunction}); empty for
 *     app-level findings
 * @param resource the template resource it is about: the function's logical id, or the API or
 *     resource of an app-level finding; suppressions name it
 * @param fingerprint stable across runs and line moves: it keys baselines and diffs
 * @param suppression why the finding is suppressed, when it is (the reason its suppression gives)
 * @param details fields a kind of finding adds to the report, in order ({@code package}, {@code
 *     version}, {@code advisories} of a vulnerable dependency): strings, numbers, booleans, null,
 *     lists and maps of them
 */
public record Finding(
    RuleInfo rule,
    Severity severity,
    Optional<String> functionId,
    Optional<String> functionName,
    Optional<String> resource,
    SourceLocation location,
    String message,
    String fingerprint,
    Optional<String> suppression,
    Map<String, Object> details) {

  public Finding {
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * Worst first, then by place, then by rule; ties broken by fingerprint and function, so that
   * reports are the same on every run whatever order the rules ran in.
   */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::location)
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message)
          .thenComparing(Finding::fingerprint)
          .thenComparing(f -> f.functionId().orElse(""));

  /**
   * A finding about a function. The fingerprint hashes the rule, the function and {@code subject}
   * (what in the function it is about: a route, a variable name, an action), never the line, so
   * that it survives edits elsewhere in the file.
   */
  public static Finding of(
      RuleInfo rule,
      ServerlessFunction function,
      SourceLocation at,
      String subject,
      String message) {
    return new Finding(
        rule,
        rule.severity(),
        Optional.of(function.id()),
        Optional.of(function.logicalId()),
        Optional.of(function.logicalId()),
        at,
        message,
        Fingerprint.of(rule.id(), function.id(), subject),
        Optional.empty(),
        Map.of());
  }

  /**
   * A finding about an app or one of its resources, not about one function. {@code subject} starts
   * with the logical id of the resource it is about ({@code ShopApi}, {@code ShopApi/prod}).
   */
  public static Finding ofApp(
      RuleInfo rule, String appId, SourceLocation at, String subject, String message) {
    int slash = subject.indexOf('/');
    return new Finding(
        rule,
        rule.severity(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(slash < 0 ? subject : subject.substring(0, slash)),
        at,
        message,
        Fingerprint.of(rule.id(), appId, subject),
        Optional.empty(),
        Map.of());
  }

  /** True when a suppression or a baseline silences the finding. */
  public boolean suppressed() {
    return suppression.isPresent();
  }

  /** The same finding, suppressed for {@code reason}. */
  public Finding suppress(String reason) {
    return new Finding(
        rule,
        severity,
        functionId,
        functionName,
        resource,
        location,
        message,
        fingerprint,
        Optional.of(reason),
        details);
  }

  /**
   * The same finding at another severity, for rules whose findings differ in how bad they are (CORS
   * for any origin, worse with credentials).
   */
  public Finding withSeverity(Severity other) {
    return new Finding(
        rule,
        other,
        functionId,
        functionName,
        resource,
        location,
        message,
        fingerprint,
        suppression,
        details);
  }

  /** The same finding with the fields its kind adds to the report. */
  public Finding withDetails(Map<String, Object> added) {
    return new Finding(
        rule,
        severity,
        functionId,
        functionName,
        resource,
        location,
        message,
        fingerprint,
        suppression,
        added);
  }
}
