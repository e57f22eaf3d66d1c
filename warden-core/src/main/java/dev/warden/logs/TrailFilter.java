package dev.warden.logs;

import java.io.Serializable;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which events to read: a time window {@code [from, to)} in milliseconds since the epoch, and the
 * accounts, regions and principals kept (an empty list keeps all). Serializable, so that a
 * distributed engine can ship it to its tasks.
 */
public record TrailFilter(
    long from, long to, List<String> accounts, List<String> regions, List<String> principals)
    implements Predicate<TrailEvent>, Serializable {

  private static final long serialVersionUID = 1L;

  public TrailFilter {
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    principals = List.copyOf(principals);
  }

  /** Every event. */
  public static TrailFilter all() {
    return new TrailFilter(Long.MIN_VALUE, Long.MAX_VALUE, List.of(), List.of(), List.of());
  }

  @Override
  public boolean test(TrailEvent event) {
    return event.time() >= from
        && event.time() < to
        && (accounts.isEmpty() || accounts.contains(event.account()))
        && (regions.isEmpty() || regions.contains(event.region()))
        && (principals.isEmpty() || principals.contains(event.principal()));
  }
}
