package dev.warden.inventory.azure;

import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.PackageType;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Azure function app as read from a definition (ARM, Terraform), or one function of a project:
 * the app is the unit definitions describe, since its settings, identity and network access apply
 * to every function it hosts; a project's functions have their triggers and code but no identity or
 * settings (those are the app's).
 */
public record AzureFunctionApp(
    String id,
    String logicalId,
    SymbolicText name,
    Optional<String> runtime,
    CodeLocation code,
    List<EnvironmentVariable> appSettings,
    Optional<CloudIdentity> identity,
    HostSettings host,
    List<Trigger> triggers,
    Map<String, String> tags,
    SourceLocation at) {

  public AzureFunctionApp {
    appSettings = List.copyOf(appSettings);
    triggers = List.copyOf(triggers);
    tags = Map.copyOf(tags);
  }

  /** The value Azure Key Vault references are written with in app settings. */
  public static boolean isKeyVaultReference(String value) {
    return value.trim().toLowerCase(Locale.ROOT).startsWith("@microsoft.keyvault(");
  }

  /** An app setting, its Key Vault reference kept symbolic (the secret is not in the setting). */
  public static EnvironmentVariable setting(
      String name, SymbolicText value, SourceLocation at, SourceLocation valueAt) {
    Optional<String> known = value.concrete();
    if (known.isPresent() && isKeyVaultReference(known.get())) {
      return new EnvironmentVariable(
          name, SymbolicText.symbol("keyvault:" + known.get().trim()), at, valueAt);
    }
    return new EnvironmentVariable(name, value, at, valueAt);
  }

  public ServerlessFunction toFunction() {
    ExecutionRole role =
        ExecutionRole.external(
            identity
                .map(CloudIdentity::principal)
                .orElse(SymbolicText.of("the function app's identity (not in this project)")),
            identity.map(CloudIdentity::at).orElse(at));
    return new ServerlessFunction(
        id,
        logicalId,
        name,
        Cloud.AZURE,
        PackageType.ZIP,
        runtime,
        Optional.empty(),
        code,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        appSettings,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        tags,
        triggers,
        role,
        List.of(),
        Optional.empty(),
        at,
        identity,
        host);
  }
}
