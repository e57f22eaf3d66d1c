package dev.warden.flink;

import dev.warden.logs.PermissionUsage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The usage mined in one window of event time: a day of an endless stream, or — when the window is
 * {@link #WHOLE_INPUT} — everything a bounded input held.
 *
 * @param start the window's first millisecond (0 for the whole input)
 * @param end the window's last millisecond, inclusive
 */
public record UsageWindow(long start, long end, PermissionUsage usage)
    implements java.io.Serializable {

  /** The window length that stands for "the whole input": usage is written when it ends. */
  public static final long WHOLE_INPUT = 0;

  /** The end of the whole input's window: the final watermark passes it, nothing else does. */
  static final long END_OF_INPUT = Long.MAX_VALUE - 1;

  /** The first millisecond of the window of {@code length} that holds {@code time}. */
  static long startOf(long time, long length) {
    return length == WHOLE_INPUT ? 0 : Math.floorDiv(time, length) * length;
  }

  /** The last millisecond of the window of {@code length} that starts at {@code start}. */
  static long endOf(long start, long length) {
    return length == WHOLE_INPUT ? END_OF_INPUT : start + length - 1;
  }

  /** The first millisecond of the window of {@code length} whose last one is {@code end}. */
  static long startOfEnd(long end, long length) {
    return length == WHOLE_INPUT ? 0 : end - length + 1;
  }

  /**
   * The usage document {@code warden logs usage --format json} writes, preceded — for a window of a
   * stream — by {@code "period": {"start", "end"}} (ISO 8601, end exclusive).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (end != END_OF_INPUT) {
      Map<String, Object> period = new LinkedHashMap<>();
      period.put("start", Instant.ofEpochMilli(start).toString());
      period.put("end", Instant.ofEpochMilli(end + 1).toString());
      json.put("period", period);
    }
    json.putAll(usage.toJson());
    return json;
  }
}
