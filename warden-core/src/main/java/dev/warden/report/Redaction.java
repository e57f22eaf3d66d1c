package dev.warden.report;

import dev.warden.inventory.EnvironmentVariable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of reports: a report may be attached to a ticket, so values of environment
 * variables whose names say they hold a secret are never printed.
 */
public final class Redaction {

  private static final Pattern SENSITIVE_NAME =
      Pattern.compile(
          ".*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH).*");

  private Redaction() {}

  /** The value to print: the value itself, or a mask that keeps only its length. */
  public static String shown(EnvironmentVariable variable) {
    String value = variable.value().toString();
    if (variable.value().isConcrete() && !value.isEmpty() && isSensitiveName(variable.name())) {
      return "<redacted: " + value.length() + " characters>";
    }
    return value;
  }

  public static boolean isSensitiveName(String name) {
    return SENSITIVE_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
  }
}
