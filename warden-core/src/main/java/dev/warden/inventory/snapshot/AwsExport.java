package dev.warden.inventory.snapshot;

import dev.warden.inventory.Value;
import java.util.Optional;

/** One file of AWS CLI output, recognised by its content. */
public record AwsExport(String display, String folder, Kind kind, Value.Obj document) {

  /** What the file holds. */
  public enum Kind {
    /** {@code aws lambda list-functions}: {@code Functions} of function configurations. */
    LIST_FUNCTIONS,
    /** {@code aws lambda get-function}: {@code Configuration}, {@code Code}, {@code Tags}. */
    GET_FUNCTION,
    /** {@code aws lambda get-function-configuration}: one configuration. */
    FUNCTION_CONFIGURATION,
    /** {@code aws lambda get-policy}: the resource-based policy as a JSON string. */
    GET_POLICY,
    /** {@code aws iam get-account-authorization-details}: roles and managed policies. */
    AUTHORIZATION_DETAILS,
    /** {@code aws lambda get-function-url-config}: a function URL and its auth type. */
    URL_CONFIG,
    /** {@code aws lambda list-event-source-mappings}: queues and streams the functions poll. */
    EVENT_SOURCE_MAPPINGS,
    /** A snapshot's {@code manifest.json} ({@code schemas/snapshot-manifest-v1.schema.json}). */
    MANIFEST
  }

  /** The kind of a parsed document, when it is one of the exports Warden reads. */
  public static Optional<Kind> kindOf(Value document) {
    if (!(document instanceof Value.Obj obj)) {
      return Optional.empty();
    }
    if (obj.has("schemaVersion") && obj.has("account") && obj.has("failures")) {
      return Optional.of(Kind.MANIFEST);
    }
    if (obj.has("RoleDetailList")) {
      return Optional.of(Kind.AUTHORIZATION_DETAILS);
    }
    if (!obj.list("Functions").isEmpty()
        && obj.list("Functions").get(0) instanceof Value.Obj first
        && first.has("FunctionArn")) {
      return Optional.of(Kind.LIST_FUNCTIONS);
    }
    if (obj.obj("Configuration").map(c -> c.has("FunctionArn")).orElse(false)) {
      return Optional.of(Kind.GET_FUNCTION);
    }
    if (obj.has("FunctionUrl") && obj.has("AuthType") && obj.has("FunctionArn")) {
      return Optional.of(Kind.URL_CONFIG);
    }
    if (!obj.list("EventSourceMappings").isEmpty()
        && obj.list("EventSourceMappings").get(0) instanceof Value.Obj mapping
        && mapping.has("FunctionArn")) {
      return Optional.of(Kind.EVENT_SOURCE_MAPPINGS);
    }
    if (obj.has("FunctionArn") && obj.has("FunctionName")) {
      return Optional.of(Kind.FUNCTION_CONFIGURATION);
    }
    if (obj.get("Policy").flatMap(Value::asString).map(p -> p.trim().startsWith("{")).orElse(false)
        && obj.has("RevisionId")) {
      return Optional.of(Kind.GET_POLICY);
    }
    return Optional.empty();
  }

  /** True when the first bytes of a file look like one of these exports. */
  public static boolean looksLikeExport(String head) {
    return head.contains("\"FunctionArn\"")
        || head.contains("\"EventSourceMappings\"")
        || head.contains("\"RoleDetailList\"")
        || (head.contains("\"wardenVersion\"") && head.contains("\"failures\""))
        || (head.contains("\"Policy\"") && head.contains("\"RevisionId\""));
  }
}
