package dev.warden.deps.osv;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The advisory database a report rests on, as every report shows it: which file, when it was
 * imported, how many advisories per ecosystem, and whether it is current, older than 7 days,
 * missing or unreadable.
 *
 * @param file the database file, empty when none was named
 * @param imported when the database was last imported or updated
 * @param problem why it could not be used, when it could not
 */
public record DatabaseState(
    Optional<String> file,
    Optional<Instant> imported,
    Map<String, Integer> advisories,
    Optional<String> problem) {

  /** A database older than this is reported as stale. */
  public static final Duration STALE_AFTER = Duration.ofDays(7);

  public DatabaseState {
    advisories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(advisories));
  }

  /** No database was named (a scan from the library, a test). */
  public static DatabaseState none() {
    return new DatabaseState(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
  }

  /** The named file does not exist. */
  public static DatabaseState missing(Path file) {
    return new DatabaseState(
        Optional.of(file.toString()), Optional.empty(), Map.of(), Optional.empty());
  }

  /** The named file exists but cannot be read as an advisory database. */
  public static DatabaseState unreadable(Path file, String why) {
    return new DatabaseState(
        Optional.of(file.toString()), Optional.empty(), Map.of(), Optional.of(why));
  }

  /** An open database, as its status says. */
  public static DatabaseState of(Path file, AdvisoryDatabase.Status status) {
    Optional<Instant> imported;
    try {
      imported = Optional.of(Instant.parse(status.imported()));
    } catch (DateTimeParseException e) {
      imported = Optional.empty();
    }
    return new DatabaseState(
        Optional.of(file.toString()), imported, status.advisoriesByEcosystem(), Optional.empty());
  }

  /** {@code current}, {@code stale}, {@code missing} or {@code unreadable}. */
  public String status(Clock clock) {
    if (problem.isPresent()) {
      return "unreadable";
    }
    if (imported.isEmpty()) {
      return "missing";
    }
    return Duration.between(imported.get(), clock.instant()).compareTo(STALE_AFTER) > 0
        ? "stale"
        : "current";
  }

  /** Whole days since the import, when known. */
  public Optional<Long> ageDays(Clock clock) {
    return imported.map(i -> Math.max(0, Duration.between(i, clock.instant()).toDays()));
  }

  /** What a report should warn about the database, if anything. */
  public Optional<String> warning(Clock clock) {
    return switch (status(clock)) {
      case "current" -> Optional.empty();
      case "stale" ->
          Optional.of(
              "the advisory database is "
                  + ageDays(clock).orElseThrow()
                  + " days old (older than 7): run warden db update");
      case "unreadable" ->
          Optional.of(
              "the advisory database "
                  + file.orElse("")
                  + " cannot be read ("
                  + problem.orElse("")
                  + "): packages were not matched against advisories");
      default ->
          Optional.of(
              "no advisory database"
                  + file.map(f -> " at " + f).orElse("")
                  + ": packages were listed but not matched against advisories (run warden db"
                  + " update or warden db import)");
    };
  }

  /**
   * {@code {"status", "file", "imported", "ageDays", "advisories", "warning"}}: what every
   * machine-readable report says of the database.
   */
  public Map<String, Object> describe(Clock clock) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", status(clock));
    fields.put("file", file.orElse(null));
    fields.put("imported", imported.map(Object::toString).orElse(null));
    fields.put("ageDays", ageDays(clock).orElse(null));
    fields.put("advisories", advisories);
    fields.put("warning", warning(clock).orElse(null));
    return fields;
  }

  /**
   * "Advisories: FILE of 2026-11-27 (2 days old; npm 3120, PyPI 1877)", or "Warning: …" when the
   * database is stale, missing or unreadable: what every report for people says of it.
   */
  public String line(Clock clock) {
    Optional<String> warning = warning(clock);
    if (warning.isPresent()) {
      return "Warning: " + warning.get();
    }
    long age = ageDays(clock).orElse(0L);
    java.util.List<String> counts = new java.util.ArrayList<>();
    advisories.forEach((ecosystem, count) -> counts.add(ecosystem + " " + count));
    return "Advisories: "
        + file.orElse("")
        + " of "
        + imported.map(i -> i.toString().substring(0, 10)).orElse("")
        + " ("
        + (age == 1 ? "1 day old" : age + " days old")
        + (counts.isEmpty() ? "" : "; " + String.join(", ", counts))
        + ")";
  }
}
