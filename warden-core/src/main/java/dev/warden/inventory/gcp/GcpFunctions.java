package dev.warden.inventory.gcp;

import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.PackageType;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the inventory's function from a {@link GcpFunctionSpec} and the IAM bindings known for it:
 * who may invoke it (an invoker role granted to {@code allUsers} makes its HTTP trigger public
 * unless ingress is internal only) and what its service account is granted.
 */
public final class GcpFunctions {

  /** Roles whose holders may call a function: 1st gen functions and 2nd gen's Cloud Run service. */
  public static final Set<String> INVOKER_ROLES =
      Set.of("roles/cloudfunctions.invoker", "roles/run.invoker", "roles/run.servicesInvoker");

  /** Members that stand for anyone: every caller, or everyone with a Google account. */
  public static final Set<String> EVERYONE = Set.of("allUsers", "allAuthenticatedUsers");

  /** How the scope of the Editor grant Google gives the default service account ends. */
  public static final String IMPLIED = "(granted to the default account by Google)";

  private GcpFunctions() {}

  /** True for the project default service accounts Google uses when none is chosen. */
  public static boolean isDefaultServiceAccount(String email) {
    String lower = email.toLowerCase(Locale.ROOT);
    return lower.endsWith("-compute@developer.gserviceaccount.com")
        || lower.endsWith("@appspot.gserviceaccount.com");
  }

  /** The function, with its own bindings and the project's applied. */
  public static ServerlessFunction build(GcpFunctionSpec spec, ProjectBindings project) {
    List<GcpFunctionSpec.Binding> invokers = new ArrayList<>();
    for (GcpFunctionSpec.Binding binding : spec.bindings()) {
      if (INVOKER_ROLES.contains(binding.role())) {
        invokers.add(binding);
      }
    }
    invokers.addAll(project.invokers());
    HostSettings host = host(spec);
    CloudIdentity identity = identity(spec, project);
    List<Trigger> triggers = new ArrayList<>();
    if (spec.event().isEmpty()) {
      triggers.add(httpTrigger(spec, invokers, host));
    } else {
      GcpFunctionSpec.Event event = spec.event().get();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("eventType", event.eventType());
      triggers.add(
          Trigger.ofSource(
              kindOf(event.eventType()),
              "event",
              event.resource(),
              Optional.empty(),
              details,
              event.at()));
    }
    List<InvokePermission> permissions = new ArrayList<>();
    for (GcpFunctionSpec.Binding binding : invokers) {
      permissions.add(
          new InvokePermission(
              binding.role(),
              SymbolicText.of(binding.member()),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              binding.at()));
    }
    ExecutionRole role = ExecutionRole.external(identity.principal(), identity.at());
    return new ServerlessFunction(
        spec.id(),
        spec.logicalId(),
        spec.name(),
        Cloud.GCP,
        PackageType.ZIP,
        spec.runtime(),
        spec.entryPoint(),
        spec.code(),
        spec.memoryMb(),
        spec.timeoutSeconds(),
        List.of(),
        spec.environment(),
        spec.kmsKey(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        spec.labels(),
        triggers,
        role,
        permissions,
        Optional.empty(),
        spec.at(),
        Optional.of(identity),
        host);
  }

  private static Trigger httpTrigger(
      GcpFunctionSpec spec, List<GcpFunctionSpec.Binding> invokers, HostSettings host) {
    Optional<GcpFunctionSpec.Binding> open =
        invokers.stream().filter(b -> b.member().equals("allUsers")).findFirst();
    if (open.isEmpty()) {
      open = invokers.stream().filter(b -> EVERYONE.contains(b.member())).findFirst();
    }
    String ingress = host.ingress().map(Setting::value).orElse("ALLOW_ALL");
    boolean reachable = !ingress.equals("ALLOW_INTERNAL_ONLY");
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ingress", ingress);
    open.ifPresent(b -> details.put("invoker", b.member()));
    return new Trigger(
        TriggerKind.HTTP,
        "https",
        open.isPresent() && reachable,
        open.isPresent() ? Auth.NONE : Auth.IAM,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        details,
        spec.at());
  }

  private static HostSettings host(GcpFunctionSpec spec) {
    HostSettings.Builder host = HostSettings.builder();
    host.ingress(spec.ingress().orElse(Setting.byDefault("ALLOW_ALL", spec.at())));
    spec.vpcConnector().ifPresent(host::vpcConnector);
    if (spec.securityLevel().isPresent()) {
      Setting<String> level = spec.securityLevel().get();
      host.httpsOnly(
          new Setting<>(!level.value().equals("SECURE_OPTIONAL"), level.explicit(), level.at()));
    } else {
      // 2nd gen functions only answer HTTPS; 1st gen default to SECURE_OPTIONAL before 2023 APIs
      host.httpsOnly(Setting.byDefault(spec.generation() == 2, spec.at()));
    }
    return host.build();
  }

  private static CloudIdentity identity(GcpFunctionSpec spec, ProjectBindings bindings) {
    String project = spec.project().orElse("PROJECT");
    Optional<Setting<String>> account = spec.serviceAccount();
    boolean isDefault = account.isEmpty() || isDefaultServiceAccount(account.get().value());
    SymbolicText principal =
        account
            .map(a -> SymbolicText.of(a.value()))
            .orElse(
                spec.generation() == 2
                    ? SymbolicText.symbol("PROJECT_NUMBER")
                        .append(SymbolicText.of("-compute@developer.gserviceaccount.com"))
                    : SymbolicText.of(project + "@appspot.gserviceaccount.com"));
    SourceLocation at = account.map(Setting::at).orElse(spec.at());
    List<RoleGrant> grants = new ArrayList<>();
    String member = ("serviceAccount:" + principal).toLowerCase(Locale.ROOT);
    for (GcpFunctionSpec.Binding binding : bindings.of(member)) {
      grants.add(new RoleGrant(binding.role(), binding.scope(), binding.level(), binding.at()));
    }
    for (GcpFunctionSpec.Binding binding : spec.bindings()) {
      if (binding.member().toLowerCase(Locale.ROOT).equals(member)) {
        grants.add(new RoleGrant(binding.role(), binding.scope(), binding.level(), binding.at()));
      }
    }
    if (isDefault && !bindings.known()) {
      grants.add(
          new RoleGrant(
              "roles/editor",
              SymbolicText.of("projects/" + project + " " + IMPLIED),
              RoleGrant.ScopeLevel.PROJECT,
              at));
    }
    return new CloudIdentity(
        isDefault
            ? CloudIdentity.Kind.GCP_DEFAULT_SERVICE_ACCOUNT
            : CloudIdentity.Kind.GCP_SERVICE_ACCOUNT,
        principal,
        grants,
        at);
  }

  /** The trigger kind of a 1st gen event type or a 2nd gen (Eventarc) event type. */
  static TriggerKind kindOf(String eventType) {
    String type = eventType.toLowerCase(Locale.ROOT);
    if (type.contains("pubsub")) {
      return TriggerKind.PUBSUB;
    }
    if (type.contains("storage")) {
      return TriggerKind.GCS;
    }
    if (type.contains("firestore") || type.contains("datastore")) {
      return TriggerKind.FIRESTORE;
    }
    if (type.startsWith("google.cloud.") || type.startsWith("google.firebase")) {
      return TriggerKind.EVENTARC;
    }
    return TriggerKind.OTHER;
  }
}
