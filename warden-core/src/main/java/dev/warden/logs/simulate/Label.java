package dev.warden.logs.simulate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An injected attack, and the detection types it must raise.
 *
 * @param scenario what the attack is, for people
 * @param types the detection types it must raise ({@code groundhog-day}, …)
 * @param principal the principal the detections must name
 * @param function the function involved, if any
 * @param start its first event, milliseconds since the epoch
 * @param end its last event
 */
public record Label(
    String scenario,
    List<String> types,
    String principal,
    @Nullable String function,
    long start,
    long end) {

  public Label {
    types = List.copyOf(types);
  }
}
