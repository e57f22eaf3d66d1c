package dev.warden.inventory.gcp;

import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Google Cloud function as its definition states it, before its IAM bindings are applied: what
 * {@code gcloud} JSON and Terraform have in common.
 *
 * @param shortName the function's name without {@code projects/…/functions/}
 * @param generation 1 or 2
 * @param serviceAccount the service account's e-mail when one is written (gcloud always writes the
 *     one in use, the default included)
 * @param event the event trigger; an HTTP function has none
 * @param securityLevel 1st gen {@code SECURE_ALWAYS} or {@code SECURE_OPTIONAL} (plain HTTP
 *     allowed)
 * @param bindings the function's own IAM bindings (invokers, developers)
 */
public record GcpFunctionSpec(
    String id,
    String logicalId,
    String shortName,
    SymbolicText name,
    int generation,
    Optional<String> project,
    Optional<String> runtime,
    Optional<String> entryPoint,
    CodeLocation code,
    Optional<Integer> memoryMb,
    Optional<Integer> timeoutSeconds,
    List<EnvironmentVariable> environment,
    Optional<SymbolicText> kmsKey,
    Map<String, String> labels,
    Optional<Setting<String>> serviceAccount,
    Optional<Event> event,
    Optional<Setting<String>> ingress,
    Optional<Setting<String>> vpcConnector,
    Optional<Setting<String>> securityLevel,
    List<Binding> bindings,
    SourceLocation at) {

  public GcpFunctionSpec {
    environment = List.copyOf(environment);
    labels = Map.copyOf(labels);
    bindings = List.copyOf(bindings);
  }

  /** What fires an event-driven function. */
  public record Event(String eventType, Optional<SymbolicText> resource, SourceLocation at) {}

  /**
   * One member of one IAM role binding.
   *
   * @param member {@code allUsers}, {@code serviceAccount:x@p.iam.gserviceaccount.com}…
   * @param scope the resource the binding is set on (a function, a project)
   */
  public record Binding(
      String role,
      String member,
      SymbolicText scope,
      RoleGrant.ScopeLevel level,
      SourceLocation at) {}

  public GcpFunctionSpec withBindings(List<Binding> more) {
    return new GcpFunctionSpec(
        id,
        logicalId,
        shortName,
        name,
        generation,
        project,
        runtime,
        entryPoint,
        code,
        memoryMb,
        timeoutSeconds,
        environment,
        kmsKey,
        labels,
        serviceAccount,
        event,
        ingress,
        vpcConnector,
        securityLevel,
        more,
        at);
  }
}
