package dev.warden.inventory.sam;

import dev.warden.inventory.AsyncInvokeConfig;
import dev.warden.inventory.Auth;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.Cors;
import dev.warden.inventory.Destination;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.FunctionUrl;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.PackageType;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.inventory.Value;
import dev.warden.inventory.VpcConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the configuration of {@code AWS::Serverless::Function} and {@code AWS::Lambda::Function}
 * resources, and turns finished drafts into {@link ServerlessFunction}s.
 */
final class FunctionReader {

  /**
   * Lambda's defaults:
   * https://docs.aws.amazon.com/lambda/latest/dg/configuration-function-common.html
   */
  static final int DEFAULT_MEMORY_MB = 128;

  static final int DEFAULT_TIMEOUT_SECONDS = 3;

  private final LoadContext context;

  FunctionReader(LoadContext context) {
    this.context = context;
  }

  /** Drafts every function of the template. */
  Functions draftAll() {
    Functions functions = new Functions();
    for (TemplateResource resource :
        context.ofType("AWS::Serverless::Function", "AWS::Lambda::Function")) {
      Value.Obj properties = context.properties(resource);
      Resolver resolver = context.resolver();
      FunctionDraft draft =
          new FunctionDraft(
              resource, properties, resolver.nameOf(resource), resolver.arnOf(resource));
      readUrl(draft);
      readAsyncConfig(draft);
      functions.add(draft);
    }
    return functions;
  }

  private void readUrl(FunctionDraft draft) {
    if (!draft.isSam()) {
      return;
    }
    draft
        .properties
        .obj("FunctionUrlConfig")
        .ifPresent(
            config ->
                draft.url =
                    Optional.of(
                        functionUrl(config, Props.at(draft.properties, "FunctionUrlConfig"))));
  }

  /** A function URL from SAM's FunctionUrlConfig or an AWS::Lambda::Url's properties. */
  FunctionUrl functionUrl(Value.Obj config, SourceLocation at) {
    String authType = Props.string(config, "AuthType").orElse("AWS_IAM");
    Auth auth = authType.equalsIgnoreCase("NONE") ? Auth.NONE : Auth.IAM;
    Optional<Cors> cors = config.obj("Cors").map(c -> Apis.cors(c, Props.at(config, "Cors")));
    return new FunctionUrl(
        auth,
        cors,
        Props.string(config, "InvokeMode").orElse("BUFFERED"),
        Props.string(config, "Qualifier"),
        at);
  }

  private void readAsyncConfig(FunctionDraft draft) {
    if (draft.isSam()) {
      draft
          .properties
          .obj("EventInvokeConfig")
          .ifPresent(
              c ->
                  draft.asyncConfig =
                      Optional.of(asyncConfig(c, Props.at(draft.properties, "EventInvokeConfig"))));
    }
  }

  /** SAM's EventInvokeConfig or an AWS::Lambda::EventInvokeConfig's properties. */
  AsyncInvokeConfig asyncConfig(Value.Obj config, SourceLocation at) {
    Value.Obj destinations = Props.obj(config, "DestinationConfig");
    return new AsyncInvokeConfig(
        Props.integer(config, "MaximumRetryAttempts"),
        Props.integer(config, "MaximumEventAgeInSeconds"),
        destination(destinations, "OnSuccess"),
        destination(destinations, "OnFailure"),
        at);
  }

  private static Optional<Destination> destination(Value.Obj destinations, String key) {
    Optional<Value.Obj> target = destinations.obj(key);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Optional<SymbolicText> arn = Props.text(target.get(), "Destination");
    if (arn.isEmpty()) {
      return Optional.empty();
    }
    String type =
        Props.string(target.get(), "Type")
            .map(t -> t.toLowerCase(Locale.ROOT))
            .map(t -> t.equals("eventbridge") ? "events" : t)
            .orElseGet(() -> serviceOf(arn.get()));
    return Optional.of(new Destination(type, arn.get(), Props.at(destinations, key)));
  }

  /** The service of an ARN ({@code sqs} for {@code arn:aws:sqs:…}). */
  static String serviceOf(SymbolicText arn) {
    List<SymbolicText> parts = arn.split(":");
    return parts.size() > 2 && parts.get(0).toString().equals("arn")
        ? parts.get(2).toString()
        : "unknown";
  }

  /** The finished function. */
  ServerlessFunction finish(FunctionDraft draft, ExecutionRole role) {
    Value.Obj p = draft.properties;
    boolean sam = draft.isSam();
    PackageType packageType =
        Props.string(p, "PackageType").map(t -> t.equalsIgnoreCase("Image")).orElse(false)
                || (!sam && p.obj("Code").flatMap(c -> c.get("ImageUri")).isPresent())
                || (sam && p.has("ImageUri"))
            ? PackageType.IMAGE
            : PackageType.ZIP;
    String id = context.appId() + "#" + draft.logicalId();
    draft.url.ifPresent(
        url -> {
          if (draft.triggers.stream().noneMatch(t -> t.kind() == TriggerKind.FUNCTION_URL)) {
            draft.addTrigger(
                new Trigger(
                    TriggerKind.FUNCTION_URL,
                    "FunctionUrl",
                    true,
                    url.auth(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of("invokeMode", url.invokeMode()),
                    url.at()));
          }
        });
    return new ServerlessFunction(
        id,
        draft.logicalId(),
        draft.name,
        Cloud.AWS,
        packageType,
        Props.string(p, "Runtime"),
        Props.string(p, "Handler"),
        code(draft, packageType),
        sized(p, "MemorySize", DEFAULT_MEMORY_MB),
        sized(p, "Timeout", DEFAULT_TIMEOUT_SECONDS),
        architectures(p),
        environment(p),
        Props.text(p, "KmsKeyArn"),
        Props.texts(p, "Layers"),
        tracing(p, sam),
        vpc(p),
        deadLetter(p, sam),
        draft.asyncConfig,
        Props.integer(p, "ReservedConcurrentExecutions"),
        draft.url,
        Props.text(p, "CodeSigningConfigArn"),
        tags(p),
        draft.triggers,
        role,
        draft.invokePermissions,
        p.obj("LoggingConfig").flatMap(c -> Props.text(c, "LogGroup")),
        draft.resource.at(),
        Optional.empty(),
        HostSettings.NONE);
  }

  private static Optional<Integer> sized(Value.Obj p, String key, int platformDefault) {
    if (!p.has(key)) {
      return Optional.of(platformDefault);
    }
    return Props.integer(p, key);
  }

  private static List<String> architectures(Value.Obj p) {
    List<String> architectures = Props.strings(p, "Architectures");
    return architectures.isEmpty() ? List.of("x86_64") : architectures;
  }

  private List<EnvironmentVariable> environment(Value.Obj p) {
    List<EnvironmentVariable> variables = new ArrayList<>();
    Optional<Value.Obj> map = p.obj("Environment").flatMap(e -> e.obj("Variables"));
    if (map.isEmpty()) {
      return variables;
    }
    for (Value.Field field : map.get().fields()) {
      Optional<SymbolicText> value = field.value().asText();
      if (value.isEmpty() && !(field.value() instanceof Value.Nil)) {
        context.problem(
            field.value().at(),
            "environment variable "
                + field.key()
                + " is "
                + field.value().kindName()
                + ", not a string",
            "Lambda environment variables are strings.");
      }
      variables.add(
          new EnvironmentVariable(
              field.key(), value.orElse(SymbolicText.empty()), field.keyAt(), field.value().at()));
    }
    return variables;
  }

  private static Optional<String> tracing(Value.Obj p, boolean sam) {
    if (sam) {
      return Props.string(p, "Tracing");
    }
    return p.obj("TracingConfig").flatMap(t -> Props.string(t, "Mode"));
  }

  private static Optional<VpcConfig> vpc(Value.Obj p) {
    return p.obj("VpcConfig")
        .map(
            v ->
                new VpcConfig(
                    Props.texts(v, "SubnetIds"),
                    Props.texts(v, "SecurityGroupIds"),
                    Props.at(p, "VpcConfig")));
  }

  private static Optional<Destination> deadLetter(Value.Obj p, boolean sam) {
    if (sam) {
      return p.obj("DeadLetterQueue")
          .flatMap(
              d ->
                  Props.text(d, "TargetArn")
                      .map(
                          arn ->
                              new Destination(
                                  Props.string(d, "Type")
                                      .map(t -> t.toLowerCase(Locale.ROOT))
                                      .orElseGet(() -> serviceOf(arn)),
                                  arn,
                                  Props.at(p, "DeadLetterQueue"))));
    }
    return p.obj("DeadLetterConfig")
        .flatMap(
            d ->
                Props.text(d, "TargetArn")
                    .map(
                        arn ->
                            new Destination(serviceOf(arn), arn, Props.at(p, "DeadLetterConfig"))));
  }

  private static Map<String, String> tags(Value.Obj p) {
    Map<String, String> tags = new TreeMap<>();
    Optional<Value> raw = p.get("Tags");
    if (raw.isEmpty()) {
      return tags;
    }
    if (raw.get() instanceof Value.Obj map) {
      for (Value.Field field : map.fields()) {
        tags.put(field.key(), field.value().asText().map(SymbolicText::toString).orElse(""));
      }
    } else {
      for (Value item : raw.get().asList()) {
        item.asObj()
            .ifPresent(
                tag -> {
                  Optional<String> key = Props.string(tag, "Key");
                  key.ifPresent(
                      k ->
                          tags.put(
                              k, Props.text(tag, "Value").map(SymbolicText::toString).orElse("")));
                });
      }
    }
    return tags;
  }

  // ---------------------------------------------------------------- code location

  private CodeLocation code(FunctionDraft draft, PackageType packageType) {
    Value.Obj p = draft.properties;
    SourceLocation at = draft.resource.at();
    if (draft.isSam()) {
      if (p.has("InlineCode")) {
        return new CodeLocation.Inline(
            Props.text(p, "InlineCode").map(SymbolicText::toString).orElse(""),
            Props.at(p, "InlineCode"));
      }
      if (packageType == PackageType.IMAGE) {
        Optional<String> dockerContext =
            draft
                .resource
                .definition()
                .obj("Metadata")
                .flatMap(m -> m.get("DockerContext"))
                .flatMap(Value::asString);
        if (dockerContext.isPresent()) {
          return local(dockerContext.get(), Props.at(p, "PackageType"));
        }
        return Props.text(p, "ImageUri")
            .<CodeLocation>map(uri -> new CodeLocation.Image(uri, Props.at(p, "ImageUri")))
            .orElse(
                new CodeLocation.Unresolved(
                    "container image without ImageUri or Metadata.DockerContext", at));
      }
      Optional<Value> codeUri = p.get("CodeUri");
      if (codeUri.isEmpty()) {
        return new CodeLocation.Unresolved("no CodeUri or InlineCode", at);
      }
      if (codeUri.get() instanceof Value.Obj s3) {
        return new CodeLocation.S3Object(
            Props.text(s3, "Bucket").orElse(SymbolicText.empty()),
            Props.text(s3, "Key").orElse(SymbolicText.empty()),
            codeUri.get().at());
      }
      Optional<SymbolicText> uri = codeUri.get().asText();
      if (uri.isEmpty() || !uri.get().isConcrete()) {
        return new CodeLocation.Unresolved(
            "CodeUri "
                + uri.map(SymbolicText::toString).orElse("?")
                + " is known only at deployment",
            codeUri.get().at());
      }
      String text = uri.get().toString();
      if (text.startsWith("s3://")) {
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        return new CodeLocation.S3Object(
            SymbolicText.of(slash < 0 ? rest : rest.substring(0, slash)),
            SymbolicText.of(slash < 0 ? "" : rest.substring(slash + 1)),
            codeUri.get().at());
      }
      return local(text, codeUri.get().at());
    }
    Value.Obj code = Props.obj(p, "Code");
    if (code.has("ZipFile")) {
      return new CodeLocation.Inline(
          Props.text(code, "ZipFile").map(SymbolicText::toString).orElse(""),
          Props.at(code, "ZipFile"));
    }
    // CDK keeps each asset beside the synthesized template and says where in the metadata.
    Optional<String> asset =
        draft
            .resource
            .definition()
            .obj("Metadata")
            .flatMap(m -> m.get("aws:asset:path"))
            .flatMap(Value::asString);
    if (asset.isPresent()) {
      return local(asset.get(), at);
    }
    if (code.has("ImageUri")) {
      return new CodeLocation.Image(
          Props.text(code, "ImageUri").orElse(SymbolicText.empty()), Props.at(code, "ImageUri"));
    }
    if (code.has("S3Bucket")) {
      return new CodeLocation.S3Object(
          Props.text(code, "S3Bucket").orElse(SymbolicText.empty()),
          Props.text(code, "S3Key").orElse(SymbolicText.empty()),
          Props.at(p, "Code"));
    }
    Optional<String> path = Props.string(p, "Code");
    if (path.isPresent()) {
      // `aws cloudformation package` accepts a local path here.
      return local(path.get(), Props.at(p, "Code"));
    }
    return new CodeLocation.Unresolved("no Code", at);
  }

  private CodeLocation local(String reference, SourceLocation at) {
    Optional<Path> inside = context.root().resolveInside(context.path(), reference);
    if (inside.isPresent()) {
      return new CodeLocation.LocalPath(context.root().display(inside.get()), at);
    }
    Path base = context.path().toAbsolutePath().getParent();
    Path candidate = base == null ? Path.of(reference) : base.resolve(reference).normalize();
    if (!context.root().isUnder(candidate)) {
      context.problem(
          at,
          "the code location "
              + reference
              + " is outside the scanned folder; its code was not read",
          "Scan a folder that holds both the template and the code.");
      return new CodeLocation.Unresolved(reference + " (outside the scan root)", at);
    }
    return new CodeLocation.Unresolved(reference + " (not found)", at);
  }

  static TriggerKind kindOfStreamArn(SymbolicText arn) {
    String service = serviceOf(arn);
    return switch (service) {
      case "sqs" -> TriggerKind.SQS;
      case "kinesis" -> TriggerKind.KINESIS;
      case "dynamodb" -> TriggerKind.DYNAMODB_STREAM;
      case "kafka" -> TriggerKind.MSK;
      case "mq" -> TriggerKind.MQ;
      case "rds" -> TriggerKind.DOCUMENTDB;
      default -> TriggerKind.OTHER;
    };
  }
}
