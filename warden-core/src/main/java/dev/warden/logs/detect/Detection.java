package dev.warden.logs.detect;

import dev.warden.rules.Severity;
import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One attack (or attack-like pattern) found in the logs.
 *
 * @param type the detector: {@code groundhog-day}, {@code credential-exfiltration}, …
 * @param principal the IAM role or user ARN as IAM knows it (path included)
 * @param function the Lambda function involved, when known
 * @param start the first event's time, milliseconds since the epoch
 * @param end the last event's time
 * @param evidence what was seen, in an order meant for reading; always holds {@code whyNotBenign}:
 *     why this is not the benign look-alike of the pattern
 * @param eventIds the IDs of at most {@value #KEPT_IDS} of the events, in time order
 * @param eventCount how many events the detection rests on
 */
public record Detection(
    String type,
    String principal,
    @Nullable String function,
    long start,
    long end,
    Severity severity,
    Map<String, Object> evidence,
    List<String> eventIds,
    long eventCount)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many event IDs a detection carries at most. */
  public static final int KEPT_IDS = 100;

  /** Start, then type, principal and function: the order detections are written in. */
  public static final Comparator<Detection> ORDER =
      Comparator.comparingLong(Detection::start)
          .thenComparing(Detection::type)
          .thenComparing(Detection::principal)
          .thenComparing(d -> d.function() == null ? "" : d.function())
          .thenComparingLong(Detection::end);

  public Detection {
    evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    eventIds = List.copyOf(eventIds.size() > KEPT_IDS ? eventIds.subList(0, KEPT_IDS) : eventIds);
  }

  public Optional<String> functionName() {
    return Optional.ofNullable(function);
  }

  /**
   * The detection as {@code warden logs analyze} writes it: {@code type, principal, function,
   * start, end} (ISO 8601 UTC){@code , severity, evidence, eventIds, eventCount}.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("principal", principal);
    json.put("function", function);
    json.put("start", java.time.Instant.ofEpochMilli(start).toString());
    json.put("end", java.time.Instant.ofEpochMilli(end).toString());
    json.put("severity", severity.wireName());
    json.put("evidence", evidence);
    json.put("eventIds", eventIds);
    json.put("eventCount", eventCount);
    return json;
  }

  /** The one-sentence account of what was seen ({@code evidence.summary}). */
  public String summary() {
    Object summary = evidence.get("summary");
    return summary == null ? type : summary.toString();
  }
}
