package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.rules.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a {@code .warden.yml}: for now, the suppressions a team has agreed to.
 *
 * <pre>
 * suppressions:
 *   - rule: WDN-API-001
 *     function: PaymentWebhookFunction    # or resource: ShopApi, or fingerprint: 9f2c…
 *     reason: Stripe webhook; the handler verifies the signature
 *     expires: 2027-03-31                 # optional: after this day the finding is back
 * </pre>
 */
public record WardenConfig(List<WardenConfig.Suppression> suppressions) {

  /** The default file name, looked up in the scanned folder and the working directory. */
  public static final String FILE_NAME = ".warden.yml";

  private static final Set<String> KEYS =
      Set.of("rule", "function", "resource", "fingerprint", "reason", "expires");

  public WardenConfig {
    suppressions = List.copyOf(suppressions);
  }

  /**
   * One accepted finding, or family of findings: every finding of {@code rule} (or with {@code
   * fingerprint}) about {@code function} or {@code resource} (all of the rule's findings when
   * neither is given).
   */
  public record Suppression(
      Optional<String> rule,
      Optional<String> target,
      Optional<String> fingerprint,
      String reason,
      Optional<LocalDate> expires,
      SourceLocation at) {

    /** True when the suppression covers the finding on {@code today}. */
    public boolean covers(Finding finding, LocalDate today) {
      if (expires.isPresent() && today.isAfter(expires.get())) {
        return false;
      }
      if (fingerprint.isPresent() && !fingerprint.get().equals(finding.fingerprint())) {
        return false;
      }
      if (rule.isPresent() && !rule.get().equalsIgnoreCase(finding.rule().id())) {
        return false;
      }
      return target.isEmpty() || target.equals(finding.resource());
    }
  }

  public static WardenConfig none() {
    return new WardenConfig(List.of());
  }

  /** The settings in the first of {@code candidates} that exists, or none. */
  public static WardenConfig find(List<Path> candidates) {
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return read(candidate, candidate.toString());
      }
    }
    return none();
  }

  /**
   * Reads a settings file.
   *
   * @throws InvalidSettings with every problem, file and line, when anything in it is wrong
   */
  public static WardenConfig read(Path file, String display) {
    Document document = new DocumentReader(ReadLimits.DEFAULT).read(file, display);
    List<InputProblem> problems = new ArrayList<>(document.problems());
    List<Suppression> suppressions = new ArrayList<>();
    Value root = document.root();
    if (root instanceof Value.Obj settings) {
      for (Value.Field field : settings.fields()) {
        if (!field.key().equals("suppressions")) {
          problems.add(
              new InputProblem(
                  field.keyAt(),
                  "unknown setting '" + field.key() + "'",
                  "The settings Warden reads are: suppressions."));
        }
      }
      for (Value item : settings.list("suppressions")) {
        suppression(item, problems).ifPresent(suppressions::add);
      }
    } else if (!(root instanceof Value.Nil)) {
      problems.add(
          new InputProblem(
              root.at(), "the settings file is not a mapping", "Start it with 'suppressions:'."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettings(display + " cannot be used", problems);
    }
    return new WardenConfig(suppressions);
  }

  private static Optional<Suppression> suppression(Value item, List<InputProblem> problems) {
    if (!(item instanceof Value.Obj entry)) {
      problems.add(
          new InputProblem(
              item.at(),
              "a suppression is a mapping",
              "Write - {rule: WDN-XXX-NNN, function: Name, reason: why}."));
      return Optional.empty();
    }
    for (Value.Field field : entry.fields()) {
      if (!KEYS.contains(field.key())) {
        problems.add(
            new InputProblem(
                field.keyAt(),
                "unknown key '" + field.key() + "' in a suppression",
                "A suppression has rule, function or resource, fingerprint, reason and expires."));
      }
    }
    Optional<String> rule = string(entry, "rule");
    Optional<String> fingerprint = string(entry, "fingerprint");
    Optional<String> reason = string(entry, "reason").filter(r -> !r.isBlank());
    Optional<String> target = string(entry, "function").or(() -> string(entry, "resource"));
    boolean ok = true;
    if (rule.isEmpty() && fingerprint.isEmpty()) {
      problems.add(
          new InputProblem(
              entry.at(),
              "a suppression names no rule and no fingerprint",
              "Add rule: WDN-XXX-NNN (or the finding's fingerprint)."));
      ok = false;
    }
    if (rule.isPresent() && !rule.get().matches("(?i)WDN-[A-Z]+-\\d{3}")) {
      problems.add(
          new InputProblem(
              entry.get("rule").orElseThrow().at(),
              "'" + rule.get() + "' is not a rule id",
              "Rule ids look like WDN-API-001; `warden rules` lists them."));
      ok = false;
    }
    if (reason.isEmpty()) {
      problems.add(
          new InputProblem(
              entry.at(),
              "a suppression needs a reason",
              "Say why the finding is accepted: reviewers read it in every report."));
      ok = false;
    }
    Optional<LocalDate> expires = Optional.empty();
    Optional<Value> expiry = entry.get("expires");
    if (expiry.isPresent()) {
      try {
        expires = Optional.of(LocalDate.parse(expiry.get().asString().orElse("")));
      } catch (DateTimeParseException e) {
        problems.add(
            new InputProblem(
                expiry.get().at(), "expires is not a date", "Write the date as YYYY-MM-DD."));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new Suppression(rule, target, fingerprint, reason.orElseThrow(), expires, entry.at()));
  }

  private static Optional<String> string(Value.Obj entry, String key) {
    return entry.get(key).flatMap(Value::asString);
  }
}
