package dev.warden.report.console;

import dev.warden.rules.Severity;
import dev.warden.score.RiskLevel;

/**
 * How text is dressed: ANSI colours on a terminal, nothing otherwise (a file, a pipe, {@code
 * NO_COLOR}). The command line decides which.
 */
public enum Style {
  PLAIN,
  COLOUR;

  private static final String RESET = "\u001b[0m";

  String severity(Severity severity, String text) {
    return paint(
        switch (severity) {
          case CRITICAL -> "\u001b[1;31m";
          case HIGH -> "\u001b[31m";
          case MEDIUM -> "\u001b[33m";
          case LOW -> "\u001b[36m";
          case INFO -> "\u001b[2m";
        },
        text);
  }

  String level(RiskLevel level, String text) {
    return paint(
        switch (level) {
          case SERIOUS -> "\u001b[1;31m";
          case AT_RISK -> "\u001b[33m";
          case LOW -> "\u001b[36m";
          case NONE -> "\u001b[32m";
        },
        text);
  }

  String bold(String text) {
    return paint("\u001b[1m", text);
  }

  String dim(String text) {
    return paint("\u001b[2m", text);
  }

  private String paint(String code, String text) {
    return this == COLOUR ? code + text + RESET : text;
  }
}
