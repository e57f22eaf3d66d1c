package dev.warden.flink;

import dev.warden.logs.TrailEvent;

/** An event on its way to one detector's state for one key. */
public final class Routed implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The detector's index in {@code Detectors.all}. */
  public int detector;

  /** The detector's key, prefixed with the detector's index: the Flink key. */
  public String key = "";

  public @org.jspecify.annotations.Nullable TrailEvent event;

  /** True on the first of an event's routes: late events are counted there only. */
  public boolean first;

  public Routed() {
    this.event = null;
  }

  Routed(int detector, String key, TrailEvent event, boolean first) {
    this.detector = detector;
    this.key = detector + "/" + key;
    this.event = event;
    this.first = first;
  }
}
