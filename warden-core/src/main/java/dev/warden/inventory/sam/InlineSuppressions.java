package dev.warden.inventory.sam;

import dev.warden.inventory.InlineSuppression;
import dev.warden.inventory.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads suppressions from resources' Metadata:
 *
 * <pre>
 * Metadata:
 *   warden:
 *     suppress:
 *       - rule: WDN-API-001
 *         reason: Stripe webhook; the handler verifies the signature
 *         expires: 2027-03-31
 * </pre>
 *
 * A suppression without a rule or a reason, or with a date that is not one, is an input problem and
 * suppresses nothing.
 */
final class InlineSuppressions {

  private InlineSuppressions() {}

  static List<InlineSuppression> read(LoadContext context) {
    List<InlineSuppression> all = new ArrayList<>();
    for (TemplateResource resource : context.template().resources().values()) {
      Optional<Value.Obj> warden =
          resource.definition().obj("Metadata").flatMap(m -> m.obj("warden"));
      if (warden.isEmpty()) {
        continue;
      }
      for (Value item : warden.get().list("suppress")) {
        read(context, resource.logicalId(), item).ifPresent(all::add);
      }
    }
    return all;
  }

  private static Optional<InlineSuppression> read(
      LoadContext context, String resource, Value item) {
    Optional<Value.Obj> entry = item.asObj();
    Optional<String> rule = entry.flatMap(e -> Props.string(e, "rule"));
    Optional<String> reason =
        entry.flatMap(e -> Props.string(e, "reason")).filter(r -> !r.isBlank());
    if (rule.isEmpty() || reason.isEmpty()) {
      context.problem(
          item.at(),
          "a suppression in the Metadata of " + resource + " needs a rule and a reason",
          "Write - {rule: WDN-XXX-NNN, reason: why the finding is accepted}.");
      return Optional.empty();
    }
    Optional<String> expires = entry.flatMap(e -> e.get("expires")).flatMap(Value::asString);
    Optional<LocalDate> date = Optional.empty();
    if (expires.isPresent()) {
      try {
        date = Optional.of(LocalDate.parse(expires.get()));
      } catch (DateTimeParseException e) {
        context.problem(
            item.at(),
            "the suppression of "
                + rule.get()
                + " on "
                + resource
                + " expires on '"
                + expires.get()
                + "', which is not a date",
            "Write the date as YYYY-MM-DD.");
        return Optional.empty();
      }
    }
    return Optional.of(new InlineSuppression(resource, rule.get(), reason.get(), date, item.at()));
  }
}
