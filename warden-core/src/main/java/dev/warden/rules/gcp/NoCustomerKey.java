package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags Google Cloud functions without a customer-managed key (CMEK) where one is required: the
 * function is labelled as handling regulated or confidential data ({@code data-classification},
 * {@code compliance}… of {@code confidential}, {@code restricted}, {@code pci}, {@code hipaa}…), or
 * other functions of the same app use CMEK, which makes this one the exception (low).
 */
@AutoService(Rule.class)
public final class NoCustomerKey implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-007",
          "Google Cloud function handling sensitive data has no customer-managed key",
          Severity.MEDIUM,
          Category.DATA_EXPOSURE,
          Optional.of(Owasp.SAS_7),
          "Create a Cloud KMS key in the function's region, let the Cloud Functions, Artifact"
              + " Registry and Cloud Storage service agents use it, and deploy with --kms-key"
              + " (Terraform kms_key_name) and a CMEK-protected Docker repository.",
          List.of("https://cloud.google.com/functions/docs/securing/cmek"));

  private static final Set<String> LABEL_KEYS =
      Set.of(
          "data-classification",
          "data_classification",
          "classification",
          "sensitivity",
          "compliance",
          "data-sensitivity");
  private static final Set<String> SENSITIVE =
      Set.of(
          "confidential",
          "restricted",
          "secret",
          "sensitive",
          "pii",
          "phi",
          "pci",
          "hipaa",
          "gdpr",
          "regulated");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return Set.of(Cloud.GCP);
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.kmsKeyArn().isPresent()) {
      return List.of();
    }
    Optional<Map.Entry<String, String>> label =
        function.tags().entrySet().stream()
            .filter(
                e ->
                    LABEL_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && SENSITIVE.contains(e.getValue().toLowerCase(Locale.ROOT)))
            .findFirst();
    long siblings =
        app.functions().stream()
            .filter(
                f ->
                    f.cloud() == Cloud.GCP
                        && !f.id().equals(function.id())
                        && f.kmsKeyArn().isPresent())
            .count();
    if (label.isEmpty() && siblings == 0) {
      return List.of();
    }
    String why =
        label.isPresent()
            ? "it is labelled " + label.get().getKey() + "=" + label.get().getValue()
            : siblings + " other function(s) of the app use one";
    Finding finding =
        Finding.of(
            INFO,
            function,
            function.declaredAt(),
            "cmek",
            function.logicalId()
                + " has no customer-managed key (kmsKeyName) although "
                + why
                + ": its source, image and environment are encrypted with Google's keys only");
    return List.of(label.isPresent() ? finding : finding.withSeverity(Severity.LOW));
  }
}
