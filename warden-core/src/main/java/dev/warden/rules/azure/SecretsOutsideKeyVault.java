package dev.warden.rules.azure;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags Azure function apps that keep secrets in their app settings rather than as Key Vault
 * references: settings named like secrets whose value is not a Key Vault reference (a template
 * parameter included: it ends up in plain text in the site's configuration), and connection strings
 * that embed a key or password ({@code AccountKey=}, {@code SharedAccessKey=}, {@code Password=}),
 * even when the key is filled in at deployment by {@code listKeys()}. High when the app has no
 * managed identity — it can neither read Key Vault nor use identity-based connections — medium
 * otherwise. Literal secrets are also reported one by one by WDN-ENV-001.
 */
@AutoService(Rule.class)
public final class SecretsOutsideKeyVault extends AzureRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-AZ-007",
          "Azure function app keeps secrets in app settings instead of Key Vault",
          Severity.MEDIUM,
          Category.SECRET_EXPOSURE,
          Optional.of(Owasp.SAS_7),
          "Give the app a managed identity, store each secret in Key Vault and set the app"
              + " setting to @Microsoft.KeyVault(SecretUri=...); replace storage, Service Bus and"
              + " Event Hubs connection strings with identity-based connections"
              + " (AzureWebJobsStorage__accountName) and a data-plane role.",
          List.of(
              "https://learn.microsoft.com/azure/app-service/app-service-key-vault-references",
              "https://learn.microsoft.com/azure/azure-functions/functions-reference#configure-an-identity-based-connection"));

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CONNECTION_?STRING|CONNSTR).*");
  private static final Pattern EMBEDDED_KEY =
      Pattern.compile("(?i)(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\\s*=");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.identity().isEmpty()) {
      return List.of(); // a project's function: the app's settings are not in it
    }
    List<EnvironmentVariable> secrets =
        function.environment().stream().filter(SecretsOutsideKeyVault::holdsSecret).toList();
    if (secrets.isEmpty()) {
      return List.of();
    }
    boolean noIdentity = function.identity().get().kind() == CloudIdentity.Kind.AZURE_NONE;
    List<String> names = secrets.stream().map(EnvironmentVariable::name).toList();
    Finding finding =
        Finding.of(
            INFO,
            function,
            secrets.get(0).valueAt(),
            "app-settings",
            function.logicalId()
                + " keeps "
                + secrets.size()
                + " secret(s) in app settings, outside Key Vault: "
                + String.join(", ", names)
                + (noIdentity
                    ? "; it has no managed identity, so it cannot read Key Vault or use"
                        + " identity-based connections"
                    : ""));
    return List.of(noIdentity ? finding.withSeverity(Severity.HIGH) : finding);
  }

  private static boolean holdsSecret(EnvironmentVariable setting) {
    String written = setting.value().toString();
    if (written.toLowerCase(Locale.ROOT).contains("keyvault:@microsoft.keyvault(")) {
      return false;
    }
    if (EMBEDDED_KEY.matcher(written).find()) {
      return true;
    }
    return SECRET_NAME.matcher(setting.name()).matches() && !written.isBlank();
  }
}
