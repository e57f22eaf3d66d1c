package dev.warden.rules.azure;

import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.Set;

/**
 * What the Azure rules share: they check Azure functions only, and report settings the same way.
 */
abstract class AzureRule implements FunctionRule {

  @Override
  public final Set<Cloud> clouds() {
    return Set.of(Cloud.AZURE);
  }

  /**
   * A finding at the setting (or at the app when the setting is left to its default, which the
   * message then says), at the rule's severity, or {@code whenDefault} for an unwritten setting.
   */
  static Finding at(
      RuleInfo info,
      ServerlessFunction app,
      Setting<?> setting,
      String subject,
      String message,
      Severity whenDefault) {
    Finding finding =
        Finding.of(
            info,
            app,
            setting.at(),
            subject,
            message + (setting.explicit() ? "" : " (not set: the platform's default)"));
    return setting.explicit() ? finding : finding.withSeverity(whenDefault);
  }
}
