package dev.warden.inventory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A deployable function, whatever format it was declared in.
 *
 * @param id {@code <file relative to the scan root>#<logical id>} for definitions, the ARN (or
 *     provider id) for live functions; unique within an inventory
 * @param name the deployed name, symbolic when generated
 * @param memoryMb memory in MB; the platform default when not set, empty when unknown until
 *     deployment
 * @param timeoutSeconds timeout in seconds; as {@code memoryMb}
 * @param kmsKeyArn the customer key that encrypts the environment, when one is set
 * @param tracing {@code Active} or {@code PassThrough}
 * @param reservedConcurrency the concurrency reserved (and capped) for the function
 * @param invokePermissions the statements of the function's resource-based policy
 * @param logGroup the log group the function writes to, when it is set explicitly
 * @param identity who an Azure or Google Cloud function runs as and its role grants (AWS functions
 *     have {@code role})
 * @param host the settings of an Azure function app or a Google Cloud function's network
 */
public record ServerlessFunction(
    String id,
    String logicalId,
    SymbolicText name,
    Cloud cloud,
    PackageType packageType,
    Optional<String> runtime,
    Optional<String> handler,
    CodeLocation code,
    Optional<Integer> memoryMb,
    Optional<Integer> timeoutSeconds,
    List<String> architectures,
    List<EnvironmentVariable> environment,
    Optional<SymbolicText> kmsKeyArn,
    List<SymbolicText> layers,
    Optional<String> tracing,
    Optional<VpcConfig> vpc,
    Optional<Destination> deadLetter,
    Optional<AsyncInvokeConfig> asyncConfig,
    Optional<Integer> reservedConcurrency,
    Optional<FunctionUrl> url,
    Optional<SymbolicText> codeSigningConfig,
    Map<String, String> tags,
    List<Trigger> triggers,
    ExecutionRole role,
    List<InvokePermission> invokePermissions,
    Optional<SymbolicText> logGroup,
    SourceLocation declaredAt,
    Optional<CloudIdentity> identity,
    HostSettings host) {

  public ServerlessFunction {
    architectures = List.copyOf(architectures);
    environment = List.copyOf(environment);
    layers = List.copyOf(layers);
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    triggers = List.copyOf(triggers);
    invokePermissions = List.copyOf(invokePermissions);
  }

  /** The same function under another id (a live function's ARN rather than its file). */
  public ServerlessFunction withId(String other) {
    return new ServerlessFunction(
        other,
        logicalId,
        name,
        cloud,
        packageType,
        runtime,
        handler,
        code,
        memoryMb,
        timeoutSeconds,
        architectures,
        environment,
        kmsKeyArn,
        layers,
        tracing,
        vpc,
        deadLetter,
        asyncConfig,
        reservedConcurrency,
        url,
        codeSigningConfig,
        tags,
        triggers,
        role,
        invokePermissions,
        logGroup,
        declaredAt,
        identity,
        host);
  }

  /** True when any trigger lets a party outside the account invoke the function. */
  public boolean isPublic() {
    return triggers.stream().anyMatch(Trigger::isPublic);
  }
}
