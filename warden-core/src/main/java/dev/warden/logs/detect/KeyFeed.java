package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds one key's events to a detector the one way every engine must: in event-time order (ties by
 * event ID), each event after advancing the state to its time, and after them advancing it to the
 * watermark. The local engine and the Flink job both call this, so that they find the same.
 */
public final class KeyFeed {

  /** Event time, then event ID: the order a key's events are fed in. */
  public static final Comparator<TrailEvent> ORDER =
      Comparator.comparingLong(TrailEvent::time).thenComparing(TrailEvent::id);

  private KeyFeed() {}

  /**
   * Feeds {@code events} (already in {@link #ORDER}) and then advances to {@code watermark}.
   *
   * @return when the state wants to be advanced again, or {@link Detector#NEVER}
   */
  public static <S extends Serializable> long feed(
      Detector<S> detector,
      S state,
      List<TrailEvent> events,
      long watermark,
      Consumer<Detection> out) {
    for (TrailEvent event : events) {
      detector.advance(state, event.time(), out);
      detector.accept(state, event, out);
    }
    return detector.advance(state, watermark, out);
  }

  /** Casts a detector of unknown state type for {@link #feed}; states come from its newState. */
  @SuppressWarnings("unchecked")
  public static <S extends Serializable> Detector<S> typed(Detector<?> detector) {
    return (Detector<S>) detector;
  }
}
