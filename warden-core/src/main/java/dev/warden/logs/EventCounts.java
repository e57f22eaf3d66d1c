package dev.warden.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Events counted per combination of keys ({@code warden logs stats --by principal,eventName}): the
 * top-talkers view. One instance per reading thread; {@link #merge} adds another's counts. Memory
 * is one entry per distinct combination, whatever the number of events.
 */
public final class EventCounts {

  /** What events can be counted by. */
  public enum Key {
    PRINCIPAL("principal"),
    EVENT_SOURCE("eventSource"),
    EVENT_NAME("eventName"),
    ACTION("action"),
    ACCOUNT("account"),
    REGION("region"),
    SOURCE_IP("sourceIp"),
    USER_AGENT("userAgent"),
    ERROR_CODE("errorCode");

    private final String wireName;

    Key(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The key's value for an event: {@code -} when the record has none. */
    String of(TrailEvent event) {
      String text =
          switch (this) {
            case PRINCIPAL -> event.principal();
            case EVENT_SOURCE -> event.source();
            case EVENT_NAME -> event.name();
            case ACTION -> action(event);
            case ACCOUNT -> event.account();
            case REGION -> event.region();
            case SOURCE_IP -> event.sourceIp();
            case USER_AGENT -> event.userAgent();
            case ERROR_CODE -> event.errorCode();
          };
      return text.isEmpty() ? "-" : text;
    }

    /**
     * The IAM actions that authorised the event, joined by {@code +}; {@code (none needed)} for a
     * call that needs no permission; {@code unknown eventSource eventName} when the mapping does
     * not know the pair — shown as such, never guessed.
     */
    private static String action(TrailEvent event) {
      EventActions.Mapping mapping = EventActions.bundled().of(event.source(), event.name());
      if (!mapping.known()) {
        return "unknown " + event.source() + " " + event.name();
      }
      return mapping.actions().isEmpty() ? "(none needed)" : String.join("+", mapping.actions());
    }

    public static Optional<Key> parse(String name) {
      for (Key key : values()) {
        if (key.wireName.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
          return Optional.of(key);
        }
      }
      return Optional.empty();
    }
  }

  /** One combination of key values and its count. */
  public record Row(List<String> values, long count) {
    public Row {
      values = List.copyOf(values);
    }
  }

  private final List<Key> keys;
  private final Map<List<String>, long[]> counts = new HashMap<>();

  public EventCounts(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  public void add(TrailEvent event) {
    List<String> values = new ArrayList<>(keys.size());
    for (Key key : keys) {
      values.add(key.of(event));
    }
    counts.computeIfAbsent(values, v -> new long[1])[0]++;
  }

  /** This counter with {@code other}'s counts added. */
  public EventCounts merge(EventCounts other) {
    other.counts.forEach(
        (values, count) -> counts.computeIfAbsent(values, v -> new long[1])[0] += count[0]);
    return this;
  }

  public List<Key> keys() {
    return keys;
  }

  /** Every combination, the most frequent first (ties in the values' order). */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.forEach((values, count) -> rows.add(new Row(values, count[0])));
    Comparator<Row> byValues =
        (a, b) -> {
          for (int i = 0; i < a.values().size(); i++) {
            int c = a.values().get(i).compareTo(b.values().get(i));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(byValues));
    return rows;
  }
}
