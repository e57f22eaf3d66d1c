package dev.warden.inventory.azure;

import dev.warden.inventory.App;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads an ARM template (or Bicep compiled with {@code az bicep build}) into an app of format
 * {@code arm}: each {@code Microsoft.Web/sites} of kind {@code functionapp} becomes a function of
 * the inventory with its site configuration ({@code siteConfig} and {@code sites/config} children
 * named {@code web}, {@code appsettings}, {@code authsettingsV2}), its managed identity and the
 * {@code Microsoft.Authorization/roleAssignments} whose principal is that identity, and the
 * triggers of its {@code sites/functions}. Settings left out get the platform's defaults (HTTPS
 * only off, FTP allowed, TLS 1.2, public network access on), marked as defaults.
 */
public final class ArmLoader {

  private ArmLoader() {}

  /** True for an ARM deployment template. */
  public static boolean isArmTemplate(Value document) {
    return document instanceof Value.Obj obj
        && obj.get("$schema")
            .flatMap(Value::asString)
            .map(s -> s.toLowerCase(Locale.ROOT).contains("deploymenttemplate.json"))
            .orElse(false)
        && obj.has("resources");
  }

  /** True when the first bytes of a file look like an ARM template. */
  public static boolean looksLikeArm(String head) {
    return head.contains("schema.management.azure.com") && head.contains("eploymentTemplate");
  }

  /** One resource of the template, children flattened with their full type and name. */
  private record ArmResource(
      String symbol, String type, SymbolicText name, Value.Obj body, SourceLocation at) {

    boolean is(String wanted) {
      return type.equalsIgnoreCase(wanted);
    }

    Value.Obj properties() {
      return body.obj("properties").orElse(new Value.Obj(List.of(), at));
    }

    /** The last segment of the name: {@code app/appsettings} → {@code appsettings}. */
    String leaf() {
      String text = name.toString();
      return text.substring(text.lastIndexOf('/') + 1);
    }

    /** The parent's name: {@code app/appsettings} → {@code app}. */
    String parent() {
      String text = name.toString();
      int slash = text.indexOf('/');
      return slash < 0 ? text : text.substring(0, slash);
    }
  }

  public static App load(String display, Value.Obj template) {
    Map<String, Value> parameters = new LinkedHashMap<>();
    template
        .obj("parameters")
        .ifPresent(
            ps ->
                ps.fields()
                    .forEach(
                        p ->
                            p.value()
                                .asObj()
                                .flatMap(o -> o.get("defaultValue"))
                                .ifPresent(v -> parameters.put(p.key(), v))));
    Map<String, Value> variables = new LinkedHashMap<>();
    template
        .obj("variables")
        .ifPresent(vs -> vs.fields().forEach(v -> variables.put(v.key(), v.value())));
    ArmExpressions expressions =
        new ArmExpressions(
            k -> Optional.ofNullable(parameters.get(k)),
            k -> Optional.ofNullable(variables.get(k)));
    List<ArmResource> resources = new ArrayList<>();
    Optional<Value> declared = template.get("resources");
    if (declared.isPresent() && declared.get() instanceof Value.Obj symbolic) {
      for (Value.Field field : symbolic.fields()) {
        field
            .value()
            .asObj()
            .ifPresent(r -> collect(field.key(), r, "", "", expressions, resources));
      }
    } else {
      int index = 0;
      for (Value item : template.list("resources")) {
        int n = index++;
        item.asObj()
            .ifPresent(r -> collect("resources[" + n + "]", r, "", "", expressions, resources));
      }
    }
    RoleGrant.ScopeLevel deploymentScope = deploymentScope(template);
    Map<String, List<ArmResource>> children = new java.util.HashMap<>();
    Map<String, List<ArmResource>> assignments = new java.util.HashMap<>();
    for (ArmResource r : resources) {
      if (r.type().chars().filter(c -> c == '/').count() >= 2) {
        children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
      }
      if (r.type().toLowerCase(Locale.ROOT).endsWith("microsoft.authorization/roleassignments")) {
        String principal =
            r.properties()
                .get("principalId")
                .map(expressions::text)
                .map(Object::toString)
                .orElse("");
        for (String key : principalKeys(principal)) {
          assignments.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
      }
    }
    List<ServerlessFunction> functions = new ArrayList<>();
    for (ArmResource site : resources) {
      if (!site.is("Microsoft.Web/sites")) {
        continue;
      }
      String kind =
          site.body().get("kind").flatMap(Value::asString).orElse("").toLowerCase(Locale.ROOT);
      if (!kind.contains("functionapp")) {
        continue;
      }
      functions.add(
          app(display, site, children, assignments, expressions, deploymentScope).toFunction());
    }
    return new App(
        display,
        "arm",
        template
            .get("metadata")
            .flatMap(m -> m.asObj())
            .flatMap(m -> m.obj("_generator"))
            .flatMap(g -> g.get("name"))
            .flatMap(Value::asString)
            .map(g -> "ARM template generated by " + g),
        functions,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        template.at());
  }

  private static void collect(
      String symbol,
      Value.Obj r,
      String parentType,
      String parentName,
      ArmExpressions expressions,
      List<ArmResource> into) {
    String type = r.get("type").flatMap(Value::asString).orElse("");
    SymbolicText name = r.get("name").map(expressions::text).orElse(SymbolicText.symbol(symbol));
    if (!parentType.isEmpty() && !type.contains("/")) {
      type = parentType + "/" + type;
      name = SymbolicText.of(parentName + "/").append(name);
    }
    into.add(new ArmResource(symbol, type, name, r, r.at()));
    int index = 0;
    for (Value child : r.list("resources")) {
      int n = index++;
      String childType = type;
      String childName = name.toString();
      child
          .asObj()
          .ifPresent(
              c ->
                  collect(
                      symbol + ".resources[" + n + "]",
                      c,
                      childType,
                      childName,
                      expressions,
                      into));
    }
  }

  private static AzureFunctionApp app(
      String display,
      ArmResource site,
      Map<String, List<ArmResource>> children,
      Map<String, List<ArmResource>> assignments,
      ArmExpressions expressions,
      RoleGrant.ScopeLevel deploymentScope) {
    String siteName = site.name().toString();
    Value.Obj props = site.properties();
    Value.Obj siteConfig = props.obj("siteConfig").orElse(new Value.Obj(List.of(), site.at()));
    List<Value.Obj> web = new ArrayList<>(List.of(siteConfig));
    List<EnvironmentVariable> settings = new ArrayList<>();
    for (Value item : siteConfig.list("appSettings")) {
      item.asObj().ifPresent(s -> appSetting(s, expressions, settings));
    }
    Optional<Boolean> auth = Optional.empty();
    SourceLocation authAt = site.at();
    List<Trigger> triggers = new ArrayList<>();
    boolean reachable = true;
    List<ArmResource> ownChildren = children.getOrDefault(siteName, List.of());
    for (ArmResource child : ownChildren) {
      if (child.symbol().equals(site.symbol())) {
        continue;
      }
      if (child.is("Microsoft.Web/sites/config")) {
        switch (child.leaf().toLowerCase(Locale.ROOT)) {
          case "appsettings" -> {
            for (Value.Field f : child.properties().fields()) {
              settings.add(
                  AzureFunctionApp.setting(
                      f.key(), expressions.text(f.value()), f.keyAt(), f.value().at()));
            }
          }
          case "web" -> web.add(child.properties());
          case "authsettingsv2" -> {
            Optional<Value> enabled =
                child.properties().obj("platform").flatMap(p -> p.get("enabled"));
            auth = enabled.flatMap(expressions::bool);
            authAt = enabled.map(Value::at).orElse(child.at());
          }
          case "authsettings" -> {
            Optional<Value> enabled = child.properties().get("enabled");
            auth = enabled.flatMap(expressions::bool);
            authAt = enabled.map(Value::at).orElse(child.at());
          }
          default -> {}
        }
      }
    }
    HostSettings.Builder host = HostSettings.builder();
    host.httpsOnly(
        bool(props, "httpsOnly", expressions).orElse(Setting.byDefault(false, site.at())));
    host.minTlsVersion(
        last(web, "minTlsVersion", expressions, ArmLoader::text)
            .orElse(Setting.byDefault("1.2", site.at())));
    host.ftpsState(
        last(web, "ftpsState", expressions, ArmLoader::text)
            .orElse(Setting.byDefault("AllAllowed", site.at())));
    host.remoteDebugging(
        last(web, "remoteDebuggingEnabled", expressions, ArmLoader::bool)
            .orElse(Setting.byDefault(false, site.at())));
    for (Value.Obj config : web) {
      config
          .obj("cors")
          .flatMap(c -> c.get("allowedOrigins"))
          .ifPresent(
              origins ->
                  host.corsOrigins(
                      Setting.of(
                          origins.asList().stream()
                              .map(o -> expressions.text(o).toString())
                              .toList(),
                          origins.at())));
    }
    Optional<Setting<Boolean>> certs = bool(props, "clientCertEnabled", expressions);
    if (certs.isPresent() && certs.get().value()) {
      host.clientCertMode(
          text(props, "clientCertMode", expressions)
              .orElse(Setting.byDefault("Required", certs.get().at())));
    } else {
      host.clientCertMode(
          certs.map(c -> Setting.of("Off", c.at())).orElse(Setting.byDefault("Off", site.at())));
    }
    Optional<Setting<String>> network = text(props, "publicNetworkAccess", expressions);
    boolean restricted =
        web.stream().anyMatch(w -> !w.list("ipSecurityRestrictions").isEmpty())
            || last(web, "ipSecurityRestrictionsDefaultAction", expressions, ArmLoader::text)
                .map(s -> s.value().equalsIgnoreCase("Deny"))
                .orElse(false);
    if (network.isPresent()) {
      boolean open = !network.get().value().equalsIgnoreCase("Disabled");
      host.publicNetworkAccess(Setting.of(open && !restricted, network.get().at()));
      reachable = open;
    } else {
      host.publicNetworkAccess(Setting.byDefault(!restricted, site.at()));
    }
    SourceLocation enabledAt = authAt;
    auth.ifPresent(a -> host.builtInAuth(Setting.of(a, enabledAt)));
    for (ArmResource child : ownChildren) {
      if (child.is("Microsoft.Web/sites/functions")) {
        triggers.addAll(functionTriggers(child, reachable));
      }
    }
    if (auth.orElse(false)) {
      triggers = AzureBindings.behindBuiltInAuth(triggers);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    site.body()
        .obj("tags")
        .ifPresent(
            t ->
                t.fields().forEach(f -> tags.put(f.key(), expressions.text(f.value()).toString())));
    Optional<String> runtime =
        last(web, "linuxFxVersion", expressions, ArmLoader::text)
            .map(Setting::value)
            .filter(s -> !s.isBlank())
            .or(
                () ->
                    settings.stream()
                        .filter(s -> s.name().equalsIgnoreCase("FUNCTIONS_WORKER_RUNTIME"))
                        .findFirst()
                        .flatMap(s -> s.value().concrete()));
    CloudIdentity identity = identity(site, assignments, expressions, deploymentScope, siteName);
    String logicalId = site.name().isConcrete() ? siteName : symbolicName(site);
    return new AzureFunctionApp(
        display + "#" + logicalId,
        logicalId,
        site.name(),
        runtime,
        new CodeLocation.Unresolved("deployed package (not in the template)", site.at()),
        settings,
        Optional.of(identity),
        host.build(),
        triggers,
        tags,
        site.at());
  }

  /**
   * A name for a site whose name is known only at deployment: the parameter or variable it is
   * written with ({@code [variables('functionAppName')]} → {@code functionAppName}), else its
   * symbolic name or position in the template.
   */
  private static String symbolicName(ArmResource site) {
    java.util.regex.Matcher named =
        NAMED.matcher(site.body().get("name").flatMap(Value::asString).orElse(""));
    return named.matches() ? named.group(1) : site.symbol();
  }

  private static final java.util.regex.Pattern NAMED =
      java.util.regex.Pattern.compile("\\[\\s*(?:parameters|variables)\\('([^']+)'\\)\\s*\\]");

  private static List<Trigger> functionTriggers(ArmResource function, boolean reachable) {
    List<Trigger> triggers = new ArrayList<>();
    Optional<Value.Obj> config = function.properties().obj("config");
    for (Value item : config.map(c -> c.list("bindings")).orElse(List.of())) {
      item.asObj()
          .flatMap(b -> FunctionJson.binding(b))
          .filter(b -> AzureBindings.isTrigger(b.type()))
          .ifPresent(b -> triggers.add(AzureBindings.trigger(function.leaf(), b, reachable)));
    }
    return triggers;
  }

  private static CloudIdentity identity(
      ArmResource site,
      Map<String, List<ArmResource>> assignments,
      ArmExpressions expressions,
      RoleGrant.ScopeLevel deploymentScope,
      String siteName) {
    Optional<Value.Obj> declared = site.body().obj("identity");
    String type =
        declared
            .flatMap(i -> i.get("type"))
            .map(expressions::text)
            .map(Object::toString)
            .orElse("None");
    SourceLocation at = declared.map(Value::at).orElse(site.at());
    List<String> markers = new ArrayList<>();
    CloudIdentity.Kind kind;
    SymbolicText principal;
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.contains("systemassigned")) {
      kind = CloudIdentity.Kind.AZURE_SYSTEM_ASSIGNED;
      principal = SymbolicText.of("system-assigned identity of " + siteName);
      markers.add("site:" + siteName);
      markers.add("sym:" + site.symbol());
    } else if (lower.contains("userassigned")) {
      kind = CloudIdentity.Kind.AZURE_USER_ASSIGNED;
      List<String> names = new ArrayList<>();
      declared
          .flatMap(i -> i.obj("userAssignedIdentities"))
          .ifPresent(
              ids ->
                  ids.fields()
                      .forEach(
                          f -> {
                            String id = expressions.text(f.key()).toString();
                            String name = id.substring(id.lastIndexOf('/') + 1);
                            names.add(name);
                            markers.add("uai:" + name);
                          }));
      principal = SymbolicText.of("user-assigned identity " + String.join(", ", names));
    } else {
      kind = CloudIdentity.Kind.AZURE_NONE;
      principal = SymbolicText.of("no managed identity");
    }
    if (lower.contains("systemassigned") && lower.contains("userassigned")) {
      declared
          .flatMap(i -> i.obj("userAssignedIdentities"))
          .ifPresent(
              ids ->
                  ids.fields()
                      .forEach(
                          f -> {
                            String id = expressions.text(f.key()).toString();
                            markers.add("uai:" + id.substring(id.lastIndexOf('/') + 1));
                          }));
    }
    List<RoleGrant> grants = new ArrayList<>();
    if (kind != CloudIdentity.Kind.AZURE_NONE) {
      java.util.Set<ArmResource> mine = new java.util.LinkedHashSet<>();
      for (String marker : markers) {
        mine.addAll(assignments.getOrDefault(marker, List.of()));
      }
      for (ArmResource r : mine) {
        Value.Obj p = r.properties();
        String role =
            p.get("roleDefinitionId").map(expressions::text).map(Object::toString).orElse("?");
        Optional<Value> scope = r.body().get("scope");
        SymbolicText scopeText =
            scope
                .map(expressions::text)
                .orElse(
                    SymbolicText.of(
                        deploymentScope == RoleGrant.ScopeLevel.SUBSCRIPTION
                            ? "subscription"
                            : "resource group"));
        RoleGrant.ScopeLevel level =
            scope.isPresent() ? levelOf(scopeText.toString()) : deploymentScope;
        grants.add(
            new RoleGrant(
                role.substring(role.lastIndexOf('/') + 1),
                scopeText,
                level,
                p.get("roleDefinitionId").map(Value::at).orElse(r.at())));
      }
    }
    return new CloudIdentity(kind, principal, grants, at);
  }

  private static final java.util.regex.Pattern SYMBOL_KEY =
      java.util.regex.Pattern.compile("reference\\(([^,()\\s/]+)\\s*[,)]");

  /**
   * What a role assignment's principal refers to: {@code site:NAME} for a site's identity, {@code
   * uai:NAME} for a user-assigned identity, {@code sym:NAME} for a resource referred to by its
   * symbolic name (Bicep's language version 2).
   */
  private static List<String> principalKeys(String principal) {
    List<String> keys = new ArrayList<>();
    namesAfter(principal, "Microsoft.Web/sites/", "site:", keys);
    namesAfter(principal, "userAssignedIdentities/", "uai:", keys);
    java.util.regex.Matcher symbol = SYMBOL_KEY.matcher(principal);
    while (symbol.find()) {
      keys.add("sym:" + symbol.group(1));
    }
    return keys;
  }

  /** Each name written after {@code marker}, up to a comma or bracket outside {@code ${…}}. */
  private static void namesAfter(String text, String marker, String prefix, List<String> into) {
    int from = text.indexOf(marker);
    while (from >= 0) {
      int start = from + marker.length();
      int depth = 0;
      int end = start;
      while (end < text.length()) {
        char c = text.charAt(end);
        if (c == '{' || c == '(') {
          depth++;
        } else if ((c == '}' || c == ')') && depth > 0) {
          depth--;
        } else if (depth == 0 && (c == ',' || c == ')' || c == '/' || Character.isWhitespace(c))) {
          break;
        }
        end++;
      }
      into.add(prefix + text.substring(start, end));
      from = text.indexOf(marker, end);
    }
  }

  /** How far a scope written as a resource id or an ARM expression reaches. */
  public static RoleGrant.ScopeLevel levelOf(String scope) {
    String s = scope.toLowerCase(Locale.ROOT);
    if (s.contains("managementgroup") || s.contains("tenant()")) {
      return RoleGrant.ScopeLevel.ORGANIZATION;
    }
    int providers = s.lastIndexOf("/providers/");
    if (providers >= 0 && !s.substring(providers).startsWith("/providers/microsoft.management")) {
      return RoleGrant.ScopeLevel.RESOURCE;
    }
    if (s.contains("resourcegroup") || s.contains("/resourcegroups/")) {
      return RoleGrant.ScopeLevel.RESOURCE_GROUP;
    }
    if (s.contains("subscription")) {
      return RoleGrant.ScopeLevel.SUBSCRIPTION;
    }
    if (s.contains("/") || s.contains("(")) {
      return RoleGrant.ScopeLevel.RESOURCE;
    }
    return RoleGrant.ScopeLevel.UNKNOWN;
  }

  private static RoleGrant.ScopeLevel deploymentScope(Value.Obj template) {
    String schema =
        template.get("$schema").flatMap(Value::asString).orElse("").toLowerCase(Locale.ROOT);
    if (schema.contains("subscriptiondeploymenttemplate")) {
      return RoleGrant.ScopeLevel.SUBSCRIPTION;
    }
    if (schema.contains("managementgroupdeploymenttemplate")
        || schema.contains("tenantdeploymenttemplate")) {
      return RoleGrant.ScopeLevel.ORGANIZATION;
    }
    return RoleGrant.ScopeLevel.RESOURCE_GROUP;
  }

  private static void appSetting(
      Value.Obj setting, ArmExpressions expressions, List<EnvironmentVariable> into) {
    Optional<Value> name = setting.get("name");
    Optional<Value> value = setting.get("value");
    if (name.isEmpty() || value.isEmpty()) {
      return;
    }
    into.add(
        AzureFunctionApp.setting(
            expressions.text(name.get()).toString(),
            expressions.text(value.get()),
            name.get().at(),
            value.get().at()));
  }

  private static Optional<Setting<Boolean>> bool(Value.Obj obj, String key, ArmExpressions e) {
    return obj.get(key).flatMap(v -> e.bool(v).map(b -> Setting.of(b, v.at())));
  }

  private static Optional<Setting<String>> text(Value.Obj obj, String key, ArmExpressions e) {
    return obj.get(key).map(v -> Setting.of(e.text(v).toString(), v.at()));
  }

  /** A key's reader for one config object. */
  private interface Read<T> {
    Optional<Setting<T>> of(Value.Obj config, String key, ArmExpressions e);
  }

  /** The value the last config that writes {@code key} gives (sites/config web wins). */
  private static <T> Optional<Setting<T>> last(
      List<Value.Obj> configs, String key, ArmExpressions e, Read<T> read) {
    Optional<Setting<T>> found = Optional.empty();
    for (Value.Obj config : configs) {
      Optional<Setting<T>> here = read.of(config, key, e);
      if (here.isPresent()) {
        found = here;
      }
    }
    return found;
  }
}
