package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailProblem;
import org.jspecify.annotations.Nullable;

/** What a source gives: an event, or a record that could not be read. */
public final class TrailItem implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  public @Nullable TrailEvent event;
  public @Nullable TrailProblem problem;

  public TrailItem() {}

  /** An event read. */
  public static TrailItem of(TrailEvent event) {
    TrailItem item = new TrailItem();
    item.event = event;
    return item;
  }

  /** A record that could not be read. */
  public static TrailItem of(TrailProblem problem) {
    TrailItem item = new TrailItem();
    item.problem = problem;
    return item;
  }
}
