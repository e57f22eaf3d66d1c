package dev.warden.inventory.terraform;

import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.Value;
import dev.warden.inventory.azure.AzureBindings;
import dev.warden.inventory.azure.AzureFunctionApp;
import dev.warden.inventory.terraform.TerraformPlan.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Azure function apps of a Terraform plan: {@code azurerm_linux_function_app}, {@code
 * azurerm_windows_function_app} (and the older {@code azurerm_function_app}), their functions
 * ({@code azurerm_function_app_function} with its {@code config_json}) and the {@code
 * azurerm_role_assignment}s whose principal is the app's system-assigned identity or one of its
 * user-assigned identities, followed through the configuration's references. Settings the plan
 * leaves out get the provider's defaults (HTTPS only off, public network access on).
 */
final class AzureResources {

  private static final List<String> APP_TYPES =
      List.of("azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app");

  private final TerraformPlan plan;
  private final String file;

  AzureResources(TerraformPlan plan, String file) {
    this.plan = plan;
    this.file = file;
  }

  /** The functions of each app and the role assignments of each principal, by address. */
  private final Map<String, List<Resource>> functionsOf = new java.util.HashMap<>();

  private final Map<String, List<Resource>> assignmentsOf = new java.util.HashMap<>();

  List<ServerlessFunction> functions() {
    for (Resource function : plan.ofType("azurerm_function_app_function")) {
      referenced(function, "function_app_id")
          .ifPresent(
              app ->
                  functionsOf.computeIfAbsent(app.address(), k -> new ArrayList<>()).add(function));
    }
    for (Resource assignment : plan.ofType("azurerm_role_assignment")) {
      referenced(assignment, "principal_id")
          .ifPresent(
              principal ->
                  assignmentsOf
                      .computeIfAbsent(principal.address(), k -> new ArrayList<>())
                      .add(assignment));
    }
    List<ServerlessFunction> functions = new ArrayList<>();
    for (String type : APP_TYPES) {
      for (Resource r : plan.ofType(type)) {
        functions.add(app(r).toFunction());
      }
    }
    return functions;
  }

  private AzureFunctionApp app(Resource r) {
    Value.Obj v = r.values();
    Value.Obj site = block(v, "site_config").orElse(new Value.Obj(List.of(), r.at()));
    HostSettings.Builder host = HostSettings.builder();
    host.httpsOnly(bool(v, "https_only").orElse(Setting.byDefault(false, r.at())));
    host.minTlsVersion(text(site, "minimum_tls_version").orElse(Setting.byDefault("1.2", r.at())));
    host.ftpsState(text(site, "ftps_state").orElse(Setting.byDefault("Disabled", r.at())));
    host.remoteDebugging(
        bool(site, "remote_debugging_enabled").orElse(Setting.byDefault(false, r.at())));
    block(site, "cors")
        .flatMap(c -> c.get("allowed_origins"))
        .ifPresent(
            o ->
                host.corsOrigins(
                    Setting.of(
                        o.asList().stream().flatMap(x -> x.asString().stream()).toList(), o.at())));
    Optional<Setting<Boolean>> certs = bool(v, "client_certificate_enabled");
    if (certs.isPresent() && certs.get().value()) {
      host.clientCertMode(
          text(v, "client_certificate_mode")
              .orElse(Setting.byDefault("Optional", certs.get().at())));
    } else {
      host.clientCertMode(
          certs.map(c -> Setting.of("Off", c.at())).orElse(Setting.byDefault("Off", r.at())));
    }
    boolean restricted =
        !site.list("ip_restriction").isEmpty()
            || text(site, "ip_restriction_default_action")
                .map(a -> a.value().equalsIgnoreCase("Deny"))
                .orElse(false);
    Optional<Setting<Boolean>> network = bool(v, "public_network_access_enabled");
    boolean reachable = network.map(Setting::value).orElse(true);
    host.publicNetworkAccess(
        network
            .map(n -> new Setting<>(n.value() && !restricted, true, n.at()))
            .orElse(Setting.byDefault(!restricted, r.at())));
    Optional<Setting<Boolean>> auth =
        block(v, "auth_settings_v2")
            .flatMap(a -> bool(a, "auth_enabled"))
            .or(() -> block(v, "auth_settings").flatMap(a -> bool(a, "enabled")));
    auth.ifPresent(host::builtInAuth);
    List<EnvironmentVariable> settings = new ArrayList<>();
    v.obj("app_settings")
        .ifPresent(
            map -> {
              for (Value.Field f : map.fields()) {
                f.value()
                    .asText()
                    .ifPresent(
                        text ->
                            settings.add(
                                AzureFunctionApp.setting(
                                    f.key(), text, f.keyAt(), f.value().at())));
              }
            });
    Map<String, String> tags = new LinkedHashMap<>();
    v.obj("tags")
        .ifPresent(
            t ->
                t.fields().forEach(f -> f.value().asString().ifPresent(x -> tags.put(f.key(), x))));
    String name = v.get("name").flatMap(Value::asString).orElse(r.address());
    List<Trigger> triggers = new ArrayList<>();
    for (Resource function : functionsOf.getOrDefault(r.address(), List.of())) {
      triggers.addAll(triggers(function, reachable));
    }
    if (auth.map(Setting::value).orElse(false)) {
      triggers = AzureBindings.behindBuiltInAuth(triggers);
    }
    return new AzureFunctionApp(
        file + "#" + r.address(),
        AwsResources.logicalIdOf(r.address()),
        SymbolicText.of(name),
        runtime(site),
        new CodeLocation.Unresolved("deployed package (not in the plan)", r.at()),
        settings,
        Optional.of(identity(r)),
        host.build(),
        triggers,
        tags,
        r.at());
  }

  private static Optional<String> runtime(Value.Obj site) {
    Optional<Value.Obj> stack = block(site, "application_stack");
    if (stack.isEmpty()) {
      return Optional.empty();
    }
    for (Value.Field f : stack.get().fields()) {
      Optional<String> version = f.value().asString().filter(s -> !s.isBlank());
      if (version.isPresent() && f.key().endsWith("_version")) {
        return Optional.of(f.key().replace("_version", "") + "|" + version.get());
      }
    }
    return Optional.empty();
  }

  private List<Trigger> triggers(Resource function, boolean reachable) {
    String name = function.values().get("name").flatMap(Value::asString).orElse(function.address());
    Optional<String> config = function.values().get("config_json").flatMap(Value::asString);
    List<Trigger> triggers = new ArrayList<>();
    if (config.isEmpty()) {
      return triggers;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode root =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.get());
      for (com.fasterxml.jackson.databind.JsonNode binding : root.path("bindings")) {
        String type = binding.path("type").asText("");
        if (!AzureBindings.isTrigger(type)) {
          continue;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        binding
            .properties()
            .forEach(
                e -> {
                  if (e.getValue().isArray()) {
                    List<String> items = new ArrayList<>();
                    e.getValue().forEach(i -> items.add(i.asText()));
                    settings.put(e.getKey(), String.join(",", items));
                  } else if (e.getValue().isValueNode()) {
                    settings.put(e.getKey(), e.getValue().asText());
                  }
                });
        SourceLocation at =
            function.values().get("config_json").map(Value::at).orElse(function.at());
        triggers.add(
            AzureBindings.trigger(name, new AzureBindings.Binding(type, settings, at), reachable));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // config_json that is not JSON: the function's trigger stays unknown
    }
    return triggers;
  }

  private CloudIdentity identity(Resource app) {
    Optional<Value.Obj> declared = block(app.values(), "identity");
    String type =
        declared
            .flatMap(i -> i.get("type"))
            .flatMap(Value::asString)
            .orElse("")
            .toLowerCase(Locale.ROOT);
    SourceLocation at = declared.map(Value::at).orElse(app.at());
    Set<String> principals = new java.util.LinkedHashSet<>();
    CloudIdentity.Kind kind;
    SymbolicText principal;
    String name = app.values().get("name").flatMap(Value::asString).orElse(app.address());
    if (type.contains("systemassigned")) {
      kind = CloudIdentity.Kind.AZURE_SYSTEM_ASSIGNED;
      principal = SymbolicText.of("system-assigned identity of " + name);
      principals.add(app.address());
    } else if (type.contains("userassigned")) {
      kind = CloudIdentity.Kind.AZURE_USER_ASSIGNED;
      principal = SymbolicText.of("user-assigned identity of " + name);
    } else {
      return new CloudIdentity(
          CloudIdentity.Kind.AZURE_NONE, SymbolicText.of("no managed identity"), List.of(), at);
    }
    List<Value> identityExpressions =
        app.expressions().list("identity").stream()
            .flatMap(i -> i.asObj().stream())
            .flatMap(i -> i.list("identity_ids").stream())
            .toList();
    for (Value ids : identityExpressions) {
      ids.asObj()
          .ifPresent(
              e -> {
                for (Value reference : e.list("references")) {
                  reference
                      .asString()
                      .flatMap(t -> plan.referenced(t, AwsResources.modulePrefix(app.address())))
                      .ifPresent(found -> principals.add(found.getKey().address()));
                }
              });
    }
    List<RoleGrant> grants = new ArrayList<>();
    for (Resource assignment :
        principals.stream()
            .flatMap(p -> assignmentsOf.getOrDefault(p, List.of()).stream())
            .distinct()
            .toList()) {
      Value.Obj v = assignment.values();
      Optional<Value> role = v.get("role_definition_name").or(() -> v.get("role_definition_id"));
      String roleText = role.flatMap(Value::asString).orElse("?");
      grants.add(
          new RoleGrant(
              roleText.substring(roleText.lastIndexOf('/') + 1),
              scopeText(assignment),
              scopeLevel(assignment),
              role.map(Value::at).orElse(assignment.at())));
    }
    return new CloudIdentity(kind, principal, grants, at);
  }

  private SymbolicText scopeText(Resource assignment) {
    Optional<String> written = assignment.values().get("scope").flatMap(Value::asString);
    if (written.isPresent()) {
      return SymbolicText.of(written.get());
    }
    return referenced(assignment, "scope")
        .map(r -> SymbolicText.of(r.address()))
        .orElse(SymbolicText.symbol("scope"));
  }

  private RoleGrant.ScopeLevel scopeLevel(Resource assignment) {
    Optional<String> written = assignment.values().get("scope").flatMap(Value::asString);
    if (written.isPresent()) {
      return dev.warden.inventory.azure.ArmLoader.levelOf(written.get());
    }
    return referenced(assignment, "scope")
        .map(
            r ->
                switch (r.type()) {
                  case "azurerm_resource_group" -> RoleGrant.ScopeLevel.RESOURCE_GROUP;
                  case "azurerm_subscription" -> RoleGrant.ScopeLevel.SUBSCRIPTION;
                  case "azurerm_management_group" -> RoleGrant.ScopeLevel.ORGANIZATION;
                  default -> RoleGrant.ScopeLevel.RESOURCE;
                })
        .orElse(RoleGrant.ScopeLevel.UNKNOWN);
  }

  private Optional<Resource> referenced(Resource from, String key) {
    Optional<Value.Obj> expression = from.expressions().obj(key);
    if (expression.isEmpty()) {
      return Optional.empty();
    }
    for (Value reference : expression.get().list("references")) {
      Optional<Map.Entry<Resource, String>> found =
          reference
              .asString()
              .flatMap(t -> plan.referenced(t, AwsResources.modulePrefix(from.address())));
      if (found.isPresent()) {
        return Optional.of(found.get().getKey());
      }
    }
    return Optional.empty();
  }

  private static Optional<Value.Obj> block(Value.Obj values, String key) {
    return values.list(key).stream().flatMap(x -> x.asObj().stream()).findFirst();
  }

  private static Optional<Setting<Boolean>> bool(Value.Obj values, String key) {
    return values
        .get(key)
        .flatMap(
            x ->
                x instanceof Value.Bool b
                    ? Optional.of(Setting.of(b.value(), x.at()))
                    : Optional.empty());
  }

  private static Optional<Setting<String>> text(Value.Obj values, String key) {
    return values
        .get(key)
        .flatMap(x -> x.asString().filter(s -> !s.isEmpty()).map(s -> Setting.of(s, x.at())));
  }
}
