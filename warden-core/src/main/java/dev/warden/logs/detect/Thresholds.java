package dev.warden.logs.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detectors' thresholds: every one has a name ({@code groundhog-day.min-repeats}), a default
 * and a one-line reason; {@link #with} overrides them by name ({@code --threshold NAME=VALUE}).
 * Durations are written {@code 90s}, {@code 10m}, {@code 6h}, {@code 7d}.
 */
public final class Thresholds implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What a threshold measures. */
  public enum Unit {
    DURATION,
    COUNT,
    RATIO
  }

  /** One threshold: its name, unit, default and why the default is what it is. */
  public record Definition(String name, Unit unit, String defaultValue, String reason) {}

  /** Every threshold, in the order they are documented. */
  public static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "lateness",
              Unit.DURATION,
              "15m",
              "CloudTrail delivers a file about every 5 minutes and its records are in no order;"
                  + " 15 minutes covers delivery delay and reading files side by side."),
          new Definition(
              "after-deploy",
              Unit.DURATION,
              "2h",
              "A function that starts calling a new API (once, or on its schedule) within two"
                  + " hours of its own deployment is running new code, not an intruder."),
          new Definition(
              "groundhog-day.burst-gap",
              Unit.DURATION,
              "60s",
              "A replayed attack is a script: its calls follow each other within seconds."),
          new Definition(
              "groundhog-day.max-burst",
              Unit.COUNT,
              "25",
              "Each replay is small on purpose (steal a few records) so that no burst stands"
                  + " out; larger bursts are other detectors' business."),
          new Definition(
              "groundhog-day.min-repeats",
              Unit.COUNT,
              "6",
              "Six identical bursts at one period is not a coincidence of ordinary traffic."),
          new Definition(
              "groundhog-day.min-span",
              Unit.DURATION,
              "1h",
              "The attack lives on replay over hours; a short run is a retry loop."),
          new Definition(
              "groundhog-day.period-tolerance",
              Unit.RATIO,
              "0.2",
              "Schedulers and attack loops keep their period within a few percent; 20% allows"
                  + " for jitter and cold starts."),
          new Definition(
              "groundhog-day.max-period",
              Unit.DURATION,
              "6h",
              "Longer periods leave too few repeats in a day to tell a pattern."),
          new Definition(
              "credential-exfiltration.close-after",
              Unit.DURATION,
              "1h",
              "Uses of stolen keys from one place an hour apart are one incident."),
          new Definition(
              "credential-exfiltration.key-lifetime",
              Unit.DURATION,
              "12h",
              "Lambda's temporary credentials live for at most 12 hours."),
          new Definition(
              "privilege-escalation.window",
              Unit.DURATION,
              "1h",
              "The steps of an escalation (pass a role, then run it) follow within minutes;"
                  + " an hour is generous."),
          new Definition(
              "recon.window",
              Unit.DURATION,
              "10m",
              "Enumeration tools sweep an account in minutes (the Sigma enumeration rule uses"
                  + " 10 minutes)."),
          new Definition(
              "recon.min-services",
              Unit.COUNT,
              "4",
              "A function or CI role reads from one to three services; four or more at once is"
                  + " a sweep."),
          new Definition(
              "recon.min-calls",
              Unit.COUNT,
              "20",
              "A handful of reads is ordinary; twenty List/Describe/Get calls across services is"
                  + " enumeration."),
          new Definition(
              "recon.denied-storm",
              Unit.COUNT,
              "15",
              "Fifteen denials in the window (Panther's threshold for IAM recon) means someone is"
                  + " probing what a key can do."),
          new Definition(
              "new-api.baseline",
              Unit.DURATION,
              "24h",
              "What a principal does in its first day is its baseline; raise it to 7d or more on"
                  + " accounts with weekly jobs."),
          new Definition(
              "denial-of-wallet.window",
              Unit.DURATION,
              "5m",
              "Spikes are counted in five-minute windows: long enough to be stable, short enough"
                  + " to catch a burst before the bill grows."),
          new Definition(
              "denial-of-wallet.factor",
              Unit.RATIO,
              "10",
              "Ten times a function's own average is beyond daily and weekly cycles."),
          new Definition(
              "denial-of-wallet.min-invocations",
              Unit.COUNT,
              "300",
              "Below one call a second in the window a spike costs little, whatever the factor."),
          new Definition(
              "denial-of-wallet.error-ratio",
              Unit.RATIO,
              "0.2",
              "A surge with one call in five failing is hurting the function, not serving it."),
          new Definition(
              "denial-of-wallet.new-callers",
              Unit.RATIO,
              "0.5",
              "When most of a surge comes from callers never seen before, it is not the usual"
                  + " audience growing."));

  private final Map<String, String> values;

  private Thresholds(Map<String, String> values) {
    this.values = values;
  }

  /** The documented defaults. */
  public static Thresholds defaults() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Definition definition : DEFINITIONS) {
      values.put(definition.name(), definition.defaultValue());
    }
    return new Thresholds(values);
  }

  /**
   * These thresholds with one changed.
   *
   * @throws IllegalArgumentException naming the threshold or the value that is wrong
   */
  public Thresholds with(String name, String value) {
    Definition definition =
        DEFINITIONS.stream()
            .filter(d -> d.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no threshold named '" + name + "' (see `warden logs analyze --help`)"));
    double parsed = parse(definition, value);
    if (parsed <= 0) {
      throw new IllegalArgumentException(name + " must be more than 0, not " + value);
    }
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(name, value.trim());
    return new Thresholds(changed);
  }

  /** A duration threshold in milliseconds. */
  public long millis(String name) {
    return (long) parse(definition(name), values.get(name));
  }

  /** A count threshold. */
  public int count(String name) {
    return (int) parse(definition(name), values.get(name));
  }

  /** A ratio threshold. */
  public double ratio(String name) {
    return parse(definition(name), values.get(name));
  }

  /** Every threshold's current value, by name. */
  public Map<String, String> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  private static Definition definition(String name) {
    return DEFINITIONS.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no threshold " + name));
  }

  private static double parse(Definition definition, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      switch (definition.unit()) {
        case DURATION -> {
          return duration(value).toMillis();
        }
        case COUNT -> {
          return Integer.parseInt(value);
        }
        default -> {
          return Double.parseDouble(value);
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          definition.name()
              + " takes "
              + switch (definition.unit()) {
                case DURATION -> "a duration (90s, 10m, 6h, 7d)";
                case COUNT -> "a whole number";
                case RATIO -> "a number (0.2)";
              }
              + ", not '"
              + text
              + "'",
          e);
    }
  }

  /**
   * A duration as thresholds write it — a whole number and s, m, h or d ({@code 90s}, {@code 1d}) —
   * in milliseconds.
   */
  public static long durationMillis(String text) {
    try {
      return duration(text.trim().toLowerCase(Locale.ROOT)).toMillis();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a duration is a whole number and s, m, h or d (90s, 10m, 6h, 7d), not '" + text + "'",
          e);
    }
  }

  private static Duration duration(String value) {
    if (value.length() < 2) {
      throw new NumberFormatException(value);
    }
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (value.charAt(value.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new NumberFormatException(value);
    };
  }
}
