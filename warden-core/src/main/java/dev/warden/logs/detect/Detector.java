package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * A detection state machine. Events are routed to keys (a principal, a function); each key has its
 * own state, fed the key's events in event-time order; {@link #advance} tells it that no event
 * before a time will come any more, so that it can close its windows. What a detector reports must
 * depend on the events alone, never on when {@code advance} is called, so that every engine finds
 * the same. State must be {@link Serializable} (an engine may checkpoint it) and bounded.
 *
 * @param <S> the state of one key
 */
public interface Detector<S extends Serializable> extends Serializable {

  /** Returned by {@link #advance} when the state needs no wake-up. */
  long NEVER = Long.MAX_VALUE;

  /** The detection type it reports: {@code groundhog-day}, … */
  String type();

  /** The keys an event concerns, none when the detector ignores it. */
  List<String> keys(TrailEvent event);

  /** A fresh state for a key. */
  S newState(String key);

  /**
   * One event of the key, no earlier than the ones before it. The engine has called {@link
   * #advance} with the event's time first.
   */
  void accept(S state, TrailEvent event, Consumer<Detection> out);

  /**
   * Every event of the key up to {@code time} has been seen: close what ends before it.
   *
   * @return when to be advanced again at the latest (a window's end), or {@link #NEVER}
   */
  long advance(S state, long time, Consumer<Detection> out);

  /**
   * True when the state holds nothing a later event would need — it equals a new state — so that
   * the engine may drop it.
   */
  boolean idle(S state);
}
