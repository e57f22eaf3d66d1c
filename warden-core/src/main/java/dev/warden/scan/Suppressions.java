package dev.warden.scan;

import dev.warden.inventory.App;
import dev.warden.inventory.InlineSuppression;
import dev.warden.inventory.Inventory;
import dev.warden.rules.Finding;
import dev.warden.rules.InputErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marks the findings a team has accepted: suppressions of the {@code .warden.yml}, those written in
 * template Metadata, and (with a baseline) everything an earlier report already had. Suppressed
 * findings stay in the result with their reason; they count for neither {@code --fail-on} nor the
 * risk score. Input errors are never suppressed. Expired suppressions cover nothing.
 */
final class Suppressions {

  private final WardenConfig config;
  private final Optional<Baseline> baseline;
  private final LocalDate today;

  Suppressions(WardenConfig config, Optional<Baseline> baseline, Clock clock) {
    this.config = config;
    this.baseline = baseline;
    this.today = LocalDate.now(clock);
  }

  List<Finding> apply(Inventory inventory, List<Finding> findings) {
    List<Inline> inline = new ArrayList<>();
    for (App app : inventory.apps()) {
      for (InlineSuppression suppression : app.suppressions()) {
        inline.add(new Inline(app.id(), suppression));
      }
    }
    List<Finding> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      result.add(reason(finding, inline).map(finding::suppress).orElse(finding));
    }
    return result;
  }

  /** A suppression of a template, with the app it belongs to. */
  private record Inline(String appId, InlineSuppression suppression) {
    boolean covers(Finding finding, LocalDate today) {
      if (suppression.expires().map(today::isAfter).orElse(false)
          || !suppression.rule().equalsIgnoreCase(finding.rule().id())
          || !finding.resource().map(suppression.resource()::equals).orElse(false)) {
        return false;
      }
      return finding
          .functionId()
          .map(id -> id.equals(appId + "#" + suppression.resource()))
          .orElse(finding.location().file().equals(appId));
    }
  }

  private Optional<String> reason(Finding finding, List<Inline> inline) {
    if (finding.rule().id().equals(InputErrors.RULE.id())) {
      return Optional.empty();
    }
    for (WardenConfig.Suppression suppression : config.suppressions()) {
      if (suppression.covers(finding, today)) {
        return Optional.of(suppression.reason() + " (" + suppression.at() + ")");
      }
    }
    for (Inline entry : inline) {
      if (entry.covers(finding, today)) {
        return Optional.of(entry.suppression().reason() + " (" + entry.suppression().at() + ")");
      }
    }
    if (baseline.isPresent() && baseline.get().fingerprints().contains(finding.fingerprint())) {
      return Optional.of("in the baseline " + baseline.get().file());
    }
    return Optional.empty();
  }
}
