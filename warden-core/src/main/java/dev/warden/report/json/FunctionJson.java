package dev.warden.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.Api;
import dev.warden.inventory.ApiStage;
import dev.warden.inventory.App;
import dev.warden.inventory.AsyncInvokeConfig;
import dev.warden.inventory.Authorizer;
import dev.warden.inventory.CloudIdentity;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.Cors;
import dev.warden.inventory.Destination;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.InvokePermission;
import dev.warden.inventory.Layer;
import dev.warden.inventory.Policy;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.Resource;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.Value;
import dev.warden.report.Redaction;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the inventory's objects as the JSON contract spells them. */
final class FunctionJson {

  private final JsonGenerator json;

  FunctionJson(JsonGenerator json) {
    this.json = json;
  }

  /** The function object shared by the report and {@code warden inventory --format json}. */
  void function(
      ServerlessFunction fn,
      App app,
      Reachability reach,
      List<ServerlessFunction> sharingRole,
      FunctionExtras extras)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", fn.id());
    json.writeStringField("name", fn.name().concrete().orElse(fn.logicalId()));
    json.writeStringField("cloud", fn.cloud().wireName());
    optional("runtime", fn.runtime());
    extras.writeRisk(json, fn);
    json.writeFieldName("source");
    location(fn.declaredAt());
    json.writeStringField("logicalId", fn.logicalId());
    json.writeStringField("deployedName", fn.name().toString());
    json.writeStringField("app", app.id());
    json.writeStringField("packageType", fn.packageType().wireName());
    optional("handler", fn.handler());
    json.writeFieldName("code");
    code(fn.code());
    if (fn.memoryMb().isPresent()) {
      json.writeNumberField("memoryMb", fn.memoryMb().get());
    }
    if (fn.timeoutSeconds().isPresent()) {
      json.writeNumberField("timeoutSeconds", fn.timeoutSeconds().get());
    }
    stringArray("architectures", fn.architectures());
    json.writeArrayFieldStart("environment");
    for (EnvironmentVariable variable : fn.environment()) {
      json.writeStartObject();
      json.writeStringField("name", variable.name());
      json.writeStringField("value", Redaction.shown(variable));
      json.writeNumberField("line", variable.at().line());
      json.writeEndObject();
    }
    json.writeEndArray();
    optionalText("kmsKeyArn", fn.kmsKeyArn());
    textArray("layers", fn.layers());
    optional("tracing", fn.tracing());
    if (fn.vpc().isPresent()) {
      json.writeObjectFieldStart("vpc");
      textArray("subnetIds", fn.vpc().get().subnetIds());
      textArray("securityGroupIds", fn.vpc().get().securityGroupIds());
      json.writeEndObject();
    }
    if (fn.deadLetter().isPresent()) {
      json.writeFieldName("deadLetter");
      destination(fn.deadLetter().get());
    }
    if (fn.asyncConfig().isPresent()) {
      asyncConfig(fn.asyncConfig().get());
    }
    if (fn.reservedConcurrency().isPresent()) {
      json.writeNumberField("reservedConcurrency", fn.reservedConcurrency().get());
    }
    if (fn.url().isPresent()) {
      json.writeObjectFieldStart("url");
      json.writeStringField("auth", fn.url().get().auth().wireName());
      json.writeStringField("invokeMode", fn.url().get().invokeMode());
      optional("qualifier", fn.url().get().qualifier());
      if (fn.url().get().cors().isPresent()) {
        json.writeFieldName("cors");
        cors(fn.url().get().cors().get());
      }
      json.writeFieldName("location");
      location(fn.url().get().at());
      json.writeEndObject();
    }
    optionalText("codeSigningConfig", fn.codeSigningConfig());
    optionalText("logGroup", fn.logGroup());
    json.writeObjectFieldStart("tags");
    for (Map.Entry<String, String> tag : fn.tags().entrySet()) {
      json.writeStringField(tag.getKey(), tag.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("triggers");
    for (Trigger trigger : fn.triggers()) {
      trigger(trigger);
    }
    json.writeEndArray();
    identity(fn.role(), sharingRole);
    if (fn.identity().isPresent()) {
      cloudIdentity(fn.identity().get());
    }
    host(fn.host());
    json.writeArrayFieldStart("invokePermissions");
    for (InvokePermission permission : fn.invokePermissions()) {
      invokePermission(permission);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("reaches");
    Reachability.Listing listing = reach.listing(fn, MAX_WILDCARD_REACHES);
    for (Reachability.Reach reached : listing.reaches()) {
      json.writeStartObject();
      json.writeStringField("logicalId", reached.logicalId());
      json.writeStringField("type", reached.type());
      json.writeStringField("arn", reached.arn().toString());
      stringArray("via", reached.via());
      json.writeEndObject();
    }
    json.writeEndArray();
    if (listing.wildcardOnly() > MAX_WILDCARD_REACHES) {
      json.writeNumberField("wildcardReachCount", listing.wildcardOnly());
    }
    extras.writeFindings(json, fn);
    json.writeEndObject();
  }

  void trigger(Trigger trigger) throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", trigger.kind().wireName());
    json.writeStringField("name", trigger.name());
    json.writeBooleanField("public", trigger.isPublic());
    json.writeStringField("auth", trigger.auth().wireName());
    if (trigger.route().isPresent()) {
      json.writeStringField("route", trigger.route().get().toString());
    }
    optional("api", trigger.api());
    optional("authorizer", trigger.authorizer());
    optionalText("source", trigger.source());
    optional("sourceResource", trigger.sourceResource());
    if (!trigger.details().isEmpty()) {
      json.writeObjectFieldStart("details");
      for (Map.Entry<String, String> detail : trigger.details().entrySet()) {
        json.writeStringField(detail.getKey(), detail.getValue());
      }
      json.writeEndObject();
    }
    json.writeFieldName("location");
    location(trigger.at());
    json.writeEndObject();
  }

  private static boolean isBundled(Policy policy) {
    return policy.document().at().file().equals(AwsManagedPolicies.FILE);
  }

  /**
   * Resources reached only through a statement on every resource ({@code dynamodb:*} on {@code *})
   * are listed up to this many; {@code wildcardReachCount} then gives how many there are.
   */
  static final int MAX_WILDCARD_REACHES = 20;

  /** A role shared by more functions lists this many and gives the count. */
  static final int MAX_SHARED_LISTED = 50;

  private void identity(ExecutionRole role, List<ServerlessFunction> sharingRole)
      throws IOException {
    json.writeObjectFieldStart("identity");
    json.writeStringField("role", role.arn().toString());
    optional("roleLogicalId", role.logicalId());
    json.writeStringField("roleOrigin", role.origin().wireName());
    json.writeArrayFieldStart("policies");
    // AWS-managed documents (whoever attached them) are listed by ARN only.
    for (Policy policy : role.policies()) {
      if (!isBundled(policy)) {
        value(policy.document());
      }
    }
    json.writeEndArray();
    json.writeArrayFieldStart("policySources");
    for (Policy policy : role.policies()) {
      if (!isBundled(policy)) {
        json.writeStartObject();
        json.writeStringField("name", policy.name());
        json.writeStringField("kind", policy.kind().wireName());
        optionalText("arn", policy.arn());
        json.writeFieldName("location");
        location(policy.at());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    textArray("managedPolicyArns", role.managedPolicyArns());
    optionalText("permissionsBoundary", role.permissionsBoundary());
    if (role.trustPolicy().isPresent()) {
      json.writeFieldName("trustPolicy");
      value(role.trustPolicy().get());
    }
    json.writeArrayFieldStart("sharedWith");
    for (ServerlessFunction other :
        sharingRole.subList(0, Math.min(MAX_SHARED_LISTED, sharingRole.size()))) {
      json.writeString(other.logicalId());
    }
    json.writeEndArray();
    if (sharingRole.size() > MAX_SHARED_LISTED) {
      json.writeNumberField("sharedWithCount", sharingRole.size());
    }
    json.writeEndObject();
  }

  /** An Azure or Google Cloud function's identity and the roles granted to it. */
  private void cloudIdentity(CloudIdentity identity) throws IOException {
    json.writeObjectFieldStart("cloudIdentity");
    json.writeStringField("kind", identity.kind().wireName());
    json.writeStringField("principal", identity.principal().toString());
    json.writeArrayFieldStart("grants");
    for (RoleGrant grant : identity.grants()) {
      json.writeStartObject();
      json.writeStringField("role", grant.role());
      json.writeStringField("scope", grant.scope().toString());
      json.writeStringField("level", grant.level().wireName());
      json.writeFieldName("location");
      location(grant.at());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeFieldName("location");
    location(identity.at());
    json.writeEndObject();
  }

  /** The host settings that are known, each with its value and where it is set. */
  private void host(HostSettings host) throws IOException {
    Map<String, Optional<? extends Setting<?>>> settings = new java.util.LinkedHashMap<>();
    settings.put("httpsOnly", host.httpsOnly());
    settings.put("minTlsVersion", host.minTlsVersion());
    settings.put("ftpsState", host.ftpsState());
    settings.put("remoteDebugging", host.remoteDebugging());
    settings.put("corsOrigins", host.corsOrigins());
    settings.put("clientCertMode", host.clientCertMode());
    settings.put("publicNetworkAccess", host.publicNetworkAccess());
    settings.put("ingress", host.ingress());
    settings.put("vpcConnector", host.vpcConnector());
    settings.put("builtInAuth", host.builtInAuth());
    if (settings.values().stream().allMatch(Optional::isEmpty)) {
      return;
    }
    json.writeObjectFieldStart("host");
    for (Map.Entry<String, Optional<? extends Setting<?>>> entry : settings.entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      Setting<?> setting = entry.getValue().get();
      json.writeObjectFieldStart(entry.getKey());
      json.writeFieldName("value");
      if (setting.value() instanceof Boolean flag) {
        json.writeBoolean(flag);
      } else if (setting.value() instanceof List<?> list) {
        json.writeStartArray();
        for (Object item : list) {
          json.writeString(String.valueOf(item));
        }
        json.writeEndArray();
      } else {
        json.writeString(String.valueOf(setting.value()));
      }
      json.writeBooleanField("explicit", setting.explicit());
      json.writeFieldName("location");
      location(setting.at());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private void invokePermission(InvokePermission permission) throws IOException {
    json.writeStartObject();
    json.writeStringField("action", permission.action());
    json.writeStringField("principal", permission.principal().toString());
    optionalText("sourceArn", permission.sourceArn());
    optionalText("sourceAccount", permission.sourceAccount());
    optionalText("principalOrgId", permission.principalOrgId());
    optional("functionUrlAuthType", permission.functionUrlAuthType());
    json.writeFieldName("location");
    location(permission.at());
    json.writeEndObject();
  }

  private void code(CodeLocation code) throws IOException {
    json.writeStartObject();
    if (code instanceof CodeLocation.LocalPath local) {
      json.writeStringField("kind", "local");
      json.writeStringField("path", local.path());
    } else if (code instanceof CodeLocation.S3Object s3) {
      json.writeStringField("kind", "s3");
      json.writeStringField("bucket", s3.bucket().toString());
      json.writeStringField("key", s3.key().toString());
    } else if (code instanceof CodeLocation.Inline inline) {
      json.writeStringField("kind", "inline");
      json.writeNumberField("length", inline.code().length());
    } else if (code instanceof CodeLocation.Image image) {
      json.writeStringField("kind", "image");
      json.writeStringField("uri", image.uri().toString());
    } else if (code instanceof CodeLocation.Unresolved unresolved) {
      json.writeStringField("kind", "unresolved");
      json.writeStringField("description", unresolved.description());
    }
    json.writeEndObject();
  }

  private void destination(Destination destination) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", destination.type());
    json.writeStringField("target", destination.target().toString());
    json.writeEndObject();
  }

  private void asyncConfig(AsyncInvokeConfig config) throws IOException {
    json.writeObjectFieldStart("asyncConfig");
    if (config.maximumRetryAttempts().isPresent()) {
      json.writeNumberField("maximumRetryAttempts", config.maximumRetryAttempts().get());
    }
    if (config.maximumEventAgeSeconds().isPresent()) {
      json.writeNumberField("maximumEventAgeSeconds", config.maximumEventAgeSeconds().get());
    }
    if (config.onSuccess().isPresent()) {
      json.writeFieldName("onSuccess");
      destination(config.onSuccess().get());
    }
    if (config.onFailure().isPresent()) {
      json.writeFieldName("onFailure");
      destination(config.onFailure().get());
    }
    json.writeEndObject();
  }

  void cors(Cors cors) throws IOException {
    json.writeStartObject();
    stringArray("allowOrigins", cors.allowOrigins());
    stringArray("allowMethods", cors.allowMethods());
    stringArray("allowHeaders", cors.allowHeaders());
    json.writeBooleanField("allowCredentials", cors.allowCredentials());
    json.writeEndObject();
  }

  /** An app's APIs, resources and layers. */
  void app(App app) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", app.id());
    json.writeStringField("format", app.format());
    optional("description", app.description());
    json.writeArrayFieldStart("functions");
    for (ServerlessFunction fn : app.functions()) {
      json.writeString(fn.id());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("apis");
    for (Api api : app.apis()) {
      json.writeStartObject();
      json.writeStringField("logicalId", api.logicalId());
      json.writeStringField("kind", api.kind().wireName());
      json.writeStringField("name", api.name().toString());
      json.writeStringField("endpointType", api.endpointType());
      optional("defaultAuthorizer", api.defaultAuthorizer());
      json.writeBooleanField("apiKeyRequired", api.apiKeyRequired());
      json.writeBooleanField("executeApiEndpointDisabled", api.executeApiEndpointDisabled());
      json.writeArrayFieldStart("authorizers");
      for (Authorizer authorizer : api.authorizers()) {
        json.writeStartObject();
        json.writeStringField("name", authorizer.name());
        json.writeStringField("type", authorizer.type().wireName());
        optionalText("provider", authorizer.provider());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (api.cors().isPresent()) {
        json.writeFieldName("cors");
        cors(api.cors().get());
      }
      json.writeArrayFieldStart("stages");
      for (ApiStage stage : api.stages()) {
        json.writeStartObject();
        json.writeStringField("name", stage.name());
        json.writeBooleanField("tracing", stage.tracing());
        optional("loggingLevel", stage.loggingLevel());
        json.writeBooleanField("dataTrace", stage.dataTrace());
        optionalText("accessLogDestination", stage.accessLogDestination());
        if (stage.throttlingBurstLimit().isPresent()) {
          json.writeNumberField("throttlingBurstLimit", stage.throttlingBurstLimit().get());
        }
        if (stage.throttlingRateLimit().isPresent()) {
          json.writeNumberField("throttlingRateLimit", stage.throttlingRateLimit().get());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      if (api.resourcePolicy().isPresent()) {
        json.writeFieldName("resourcePolicy");
        value(api.resourcePolicy().get());
      }
      json.writeFieldName("location");
      location(api.at());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("resources");
    for (Resource resource : app.resources()) {
      json.writeStartObject();
      json.writeStringField("logicalId", resource.logicalId());
      json.writeStringField("type", resource.type());
      json.writeStringField("kind", resource.kind().wireName());
      json.writeStringField("name", resource.name().toString());
      json.writeStringField("arn", resource.arn().toString());
      if (resource.policy().isPresent()) {
        json.writeFieldName("policy");
        value(resource.policy().get());
      }
      json.writeFieldName("location");
      location(resource.at());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("layers");
    for (Layer layer : app.layers()) {
      json.writeStartObject();
      json.writeStringField("logicalId", layer.logicalId());
      json.writeStringField("arn", layer.arn().toString());
      optional("contentPath", layer.contentPath());
      stringArray("compatibleRuntimes", layer.compatibleRuntimes());
      textArray("sharedWith", layer.sharedWith());
      json.writeFieldName("location");
      location(layer.at());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  void location(SourceLocation at) throws IOException {
    json.writeStartObject();
    json.writeStringField("file", at.file());
    if (at.line() > 0) {
      json.writeNumberField("line", at.line());
    }
    if (at.column() > 0) {
      json.writeNumberField("column", at.column());
    }
    json.writeEndObject();
  }

  /** A resolved value as plain JSON; unknown parts are written in {@code Sub} syntax. */
  void value(Value value) throws IOException {
    if (value instanceof Value.Obj obj) {
      json.writeStartObject();
      for (Value.Field field : obj.fields()) {
        json.writeFieldName(field.key());
        value(field.value());
      }
      json.writeEndObject();
    } else if (value instanceof Value.Seq seq) {
      json.writeStartArray();
      for (Value item : seq.items()) {
        value(item);
      }
      json.writeEndArray();
    } else if (value instanceof Value.Str str) {
      json.writeString(str.text().toString());
    } else if (value instanceof Value.Num num) {
      json.writeNumber(num.lexeme());
    } else if (value instanceof Value.Bool bool) {
      json.writeBoolean(bool.value());
    } else {
      json.writeNull();
    }
  }

  private void optional(String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    }
  }

  private void optionalText(String name, Optional<SymbolicText> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get().toString());
    }
  }

  private void stringArray(String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private void textArray(String name, List<SymbolicText> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (SymbolicText value : values) {
      json.writeString(value.toString());
    }
    json.writeEndArray();
  }

  /** What the report adds to a function object and the inventory does not. */
  interface FunctionExtras {
    FunctionExtras NONE = new FunctionExtras() {};

    default void writeRisk(JsonGenerator json, ServerlessFunction fn) throws IOException {}

    default void writeFindings(JsonGenerator json, ServerlessFunction fn) throws IOException {}
  }
}
