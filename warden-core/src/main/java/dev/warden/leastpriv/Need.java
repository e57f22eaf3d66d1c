package dev.warden.leastpriv;

import dev.warden.inventory.SymbolicText;
import java.util.List;

/**
 * One permission a function needs: an action on a resource, and the evidence for it ({@code
 * code:src/orders/app.py:27}).
 *
 * @param resource the narrowest ARN pattern that is still correct; {@code *} only for actions that
 *     take no resource
 * @param scoped true when the resource is one the app's template defines (or a literal ARN)
 */
public record Need(String action, SymbolicText resource, List<String> evidence, boolean scoped) {
  public Need {
    evidence = List.copyOf(evidence);
  }
}
