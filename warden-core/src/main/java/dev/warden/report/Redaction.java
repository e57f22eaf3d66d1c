package dev.warden.report;

import dev.warden.inventory.EnvironmentVariable;
import dev.warden.secrets.Masking;
import dev.warden.secrets.SecretDetector;
import java.util.Optional;

/**
 * Keeps secrets out of reports: a report may be attached to a ticket, so values of environment
 * variables that hold a secret, or whose names say they do, are never printed in full.
 */
public final class Redaction {

  private Redaction() {}

  /**
   * The value to print: the value itself, or its masked form when the name says secret or the value
   * looks like one.
   */
  public static String shown(EnvironmentVariable variable) {
    Optional<String> value = variable.value().concrete();
    if (value.isEmpty() || value.get().isEmpty()) {
      return variable.value().toString();
    }
    if (SecretDetector.isSecretName(variable.name())
        || SecretDetector.inspect(variable.name(), value.get()).isPresent()) {
      return Masking.mask(value.get());
    }
    return value.get();
  }
}
