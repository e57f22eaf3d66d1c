package dev.warden.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, from {@link #CRITICAL} down to {@link #INFO}. */
public enum Severity {
  CRITICAL(4),
  HIGH(3),
  MEDIUM(2),
  LOW(1),
  INFO(0);

  private final int rank;

  Severity(int rank) {
    this.rank = rank;
  }

  /** The name used in reports and on the command line: {@code critical}, {@code high}… */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is the given one or worse. */
  public boolean isAtLeast(Severity other) {
    return rank >= other.rank;
  }

  public static Optional<Severity> parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.wireName().equalsIgnoreCase(text.trim()))
        .findFirst();
  }
}
