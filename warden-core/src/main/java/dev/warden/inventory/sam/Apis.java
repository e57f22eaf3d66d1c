package dev.warden.inventory.sam;

import dev.warden.inventory.Api;
import dev.warden.inventory.ApiStage;
import dev.warden.inventory.Auth;
import dev.warden.inventory.Authorizer;
import dev.warden.inventory.Cors;
import dev.warden.inventory.HttpRoute;
import dev.warden.inventory.ResourcePolicies;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The APIs of a template (SAM {@code Api} and {@code HttpApi}, API Gateway REST and v2), their
 * authorizers, and the routes that reach functions: from SAM events, inline OpenAPI definitions,
 * {@code AWS::ApiGateway::Method} and {@code AWS::ApiGatewayV2::Route} resources.
 */
final class Apis {

  static final String IMPLICIT_REST_API = "ServerlessRestApi";
  static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

  private static final Set<String> REST_TYPES =
      Set.of("AWS::Serverless::Api", "AWS::ApiGateway::RestApi");
  private static final Set<String> V2_TYPES =
      Set.of("AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api");
  private static final Set<String> ALL_TYPES =
      Set.of(
          "AWS::Serverless::Api",
          "AWS::ApiGateway::RestApi",
          "AWS::Serverless::HttpApi",
          "AWS::ApiGatewayV2::Api");
  private static final Set<String> HTTP_METHODS =
      Set.of(
          "get",
          "put",
          "post",
          "delete",
          "options",
          "head",
          "patch",
          "trace",
          "x-amazon-apigateway-any-method");

  private final LoadContext context;
  private final Functions functions;
  private final Map<String, Api> apis = new LinkedHashMap<>();
  private final Map<String, Boolean> callersRestricted = new LinkedHashMap<>();
  private final Set<String> routesSeen = new HashSet<>();
  private final Map<String, Optional<Value.Obj>> bodies = new HashMap<>();

  Apis(LoadContext context, Functions functions) {
    this.context = context;
    this.functions = functions;
  }

  Collection<Api> all() {
    return apis.values();
  }

  Optional<Api> api(String logicalId) {
    return Optional.ofNullable(apis.get(logicalId));
  }

  // ---------------------------------------------------------------- reading the APIs

  void readAll() {
    for (TemplateResource resource : context.ofType(ALL_TYPES.toArray(String[]::new))) {
      Value.Obj p = context.properties(resource);
      Api api =
          switch (resource.type()) {
            case "AWS::Serverless::Api" -> samRestApi(resource, p);
            case "AWS::Serverless::HttpApi" -> samHttpApi(resource, p);
            case "AWS::ApiGateway::RestApi" -> restApi(resource, p);
            default -> v2Api(resource, p);
          };
      apis.put(resource.logicalId(), api);
    }
  }

  private SymbolicText name(TemplateResource resource, Value.Obj p) {
    return Props.text(p, "Name").orElse(SymbolicText.symbol(resource.logicalId()));
  }

  private Api samRestApi(TemplateResource resource, Value.Obj p) {
    Value.Obj auth = Props.obj(p, "Auth");
    List<Authorizer> authorizers = new ArrayList<>();
    for (Value.Field field : Props.obj(auth, "Authorizers").fields()) {
      Value.Obj definition = field.value().asObj().orElse(new Value.Obj(List.of(), field.keyAt()));
      if (definition.has("UserPoolArn")) {
        authorizers.add(
            new Authorizer(
                field.key(), Auth.COGNITO, Props.text(definition, "UserPoolArn"), field.keyAt()));
      } else if (definition.has("FunctionArn")) {
        authorizers.add(
            new Authorizer(
                field.key(),
                Auth.LAMBDA_AUTHORIZER,
                Props.text(definition, "FunctionArn"),
                field.keyAt()));
      } else {
        context.problem(
            field.keyAt(),
            "authorizer " + field.key() + " has neither UserPoolArn nor FunctionArn",
            "Give a Cognito authorizer its UserPoolArn or a Lambda authorizer its FunctionArn.");
      }
    }
    Optional<Value> resourcePolicy = auth.get("ResourcePolicy");
    callersRestricted.put(
        resource.logicalId(),
        resourcePolicy.flatMap(Value::asObj).map(Apis::samPolicyRestricts).orElse(false));
    Optional<Cors> cors = samRestCors(p);
    return new Api(
        resource.logicalId(),
        Api.Kind.REST,
        name(resource, p),
        endpointType(p.get("EndpointConfiguration"), "EDGE"),
        Props.string(auth, "DefaultAuthorizer"),
        authorizers,
        Props.bool(auth, "ApiKeyRequired").orElse(false),
        cors,
        resourcePolicy,
        Props.bool(p, "DisableExecuteApiEndpoint").orElse(false),
        samStages(p, resource, false),
        resource.at());
  }

  /** SAM's ResourcePolicy shorthand restricts callers when it lists accounts, VPCs or endpoints. */
  private static boolean samPolicyRestricts(Value.Obj policy) {
    for (String key :
        List.of(
            "AwsAccountWhitelist",
            "SourceVpcWhitelist",
            "IntrinsicVpcWhitelist",
            "IntrinsicVpceWhitelist",
            "IpRangeWhitelist")) {
      if (!policy.list(key).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Optional<Cors> samRestCors(Value.Obj p) {
    Optional<Value> cors = p.get("Cors");
    if (cors.isEmpty()) {
      return Optional.empty();
    }
    SourceLocation at = Props.at(p, "Cors");
    if (cors.get() instanceof Value.Obj obj) {
      return Optional.of(
          new Cors(
              unquoted(Props.strings(obj, "AllowOrigin")),
              unquoted(splitComma(Props.strings(obj, "AllowMethods"))),
              unquoted(splitComma(Props.strings(obj, "AllowHeaders"))),
              Props.bool(obj, "AllowCredentials").orElse(false),
              at));
    }
    return cors.get()
        .asString()
        .map(origin -> new Cors(unquoted(List.of(origin)), List.of(), List.of(), false, at));
  }

  private Api samHttpApi(TemplateResource resource, Value.Obj p) {
    Value.Obj auth = Props.obj(p, "Auth");
    List<Authorizer> authorizers = new ArrayList<>();
    for (Value.Field field : Props.obj(auth, "Authorizers").fields()) {
      Value.Obj definition = field.value().asObj().orElse(new Value.Obj(List.of(), field.keyAt()));
      if (definition.has("JwtConfiguration")) {
        Optional<SymbolicText> issuer =
            definition
                .obj("JwtConfiguration")
                .flatMap(j -> Props.text(j, "issuer").or(() -> Props.text(j, "Issuer")));
        authorizers.add(new Authorizer(field.key(), Auth.JWT, issuer, field.keyAt()));
      } else if (definition.has("FunctionArn")) {
        authorizers.add(
            new Authorizer(
                field.key(),
                Auth.LAMBDA_AUTHORIZER,
                Props.text(definition, "FunctionArn"),
                field.keyAt()));
      } else {
        context.problem(
            field.keyAt(),
            "authorizer " + field.key() + " has neither JwtConfiguration nor FunctionArn",
            "Give a JWT authorizer its JwtConfiguration or a Lambda authorizer its FunctionArn.");
      }
    }
    if (Props.bool(auth, "EnableIamAuthorizer").orElse(false)) {
      authorizers.add(
          new Authorizer(
              "AWS_IAM", Auth.IAM, Optional.empty(), Props.at(auth, "EnableIamAuthorizer")));
    }
    callersRestricted.put(resource.logicalId(), false);
    return new Api(
        resource.logicalId(),
        Api.Kind.HTTP,
        name(resource, p),
        "REGIONAL",
        Props.string(auth, "DefaultAuthorizer"),
        authorizers,
        false,
        httpCors(p, "CorsConfiguration"),
        Optional.empty(),
        Props.bool(p, "DisableExecuteApiEndpoint").orElse(false),
        samStages(p, resource, true),
        resource.at());
  }

  private Optional<Cors> httpCors(Value.Obj p, String key) {
    Optional<Value> cors = p.get(key);
    if (cors.isEmpty()) {
      return Optional.empty();
    }
    SourceLocation at = Props.at(p, key);
    if (cors.get().asBoolean().orElse(false)) {
      return Optional.of(new Cors(List.of("*"), List.of("*"), List.of("*"), false, at));
    }
    return cors.get()
        .asObj()
        .map(
            obj ->
                new Cors(
                    Props.strings(obj, "AllowOrigins"),
                    Props.strings(obj, "AllowMethods"),
                    Props.strings(obj, "AllowHeaders"),
                    Props.bool(obj, "AllowCredentials").orElse(false),
                    at));
  }

  private Api restApi(TemplateResource resource, Value.Obj p) {
    List<Authorizer> authorizers = new ArrayList<>();
    for (TemplateResource authorizer : context.ofType("AWS::ApiGateway::Authorizer")) {
      Value.Obj a = context.properties(authorizer);
      if (!belongsTo(a, "RestApiId", resource)) {
        continue;
      }
      String type = Props.string(a, "Type").orElse("TOKEN").toUpperCase(Locale.ROOT);
      Auth auth = type.equals("COGNITO_USER_POOLS") ? Auth.COGNITO : Auth.LAMBDA_AUTHORIZER;
      Optional<SymbolicText> provider =
          auth == Auth.COGNITO
              ? Props.texts(a, "ProviderARNs").stream().findFirst()
              : Props.text(a, "AuthorizerUri");
      authorizers.add(new Authorizer(authorizer.logicalId(), auth, provider, authorizer.at()));
    }
    Optional<Value> policy = p.get("Policy");
    callersRestricted.put(resource.logicalId(), ResourcePolicies.restrictsCallers(policy));
    Optional<Value> endpoint = p.obj("EndpointConfiguration").flatMap(e -> e.get("Types"));
    return new Api(
        resource.logicalId(),
        Api.Kind.REST,
        name(resource, p),
        endpoint
            .flatMap(t -> t.asList().stream().findFirst())
            .flatMap(Value::asString)
            .map(s -> s.toUpperCase(Locale.ROOT))
            .orElse("EDGE"),
        Optional.empty(),
        authorizers,
        false,
        Optional.empty(),
        policy,
        Props.bool(p, "DisableExecuteApiEndpoint").orElse(false),
        cfnStages(resource, false),
        resource.at());
  }

  private Api v2Api(TemplateResource resource, Value.Obj p) {
    List<Authorizer> authorizers = new ArrayList<>();
    for (TemplateResource authorizer : context.ofType("AWS::ApiGatewayV2::Authorizer")) {
      Value.Obj a = context.properties(authorizer);
      if (!belongsTo(a, "ApiId", resource)) {
        continue;
      }
      String type = Props.string(a, "AuthorizerType").orElse("REQUEST").toUpperCase(Locale.ROOT);
      Auth auth = type.equals("JWT") ? Auth.JWT : Auth.LAMBDA_AUTHORIZER;
      Optional<SymbolicText> provider =
          auth == Auth.JWT
              ? a.obj("JwtConfiguration").flatMap(j -> Props.text(j, "Issuer"))
              : Props.text(a, "AuthorizerUri");
      authorizers.add(new Authorizer(authorizer.logicalId(), auth, provider, authorizer.at()));
    }
    callersRestricted.put(resource.logicalId(), false);
    boolean websocket =
        Props.string(p, "ProtocolType").map("WEBSOCKET"::equalsIgnoreCase).orElse(false);
    return new Api(
        resource.logicalId(),
        websocket ? Api.Kind.WEBSOCKET : Api.Kind.HTTP,
        name(resource, p),
        "REGIONAL",
        Optional.empty(),
        authorizers,
        false,
        httpCors(p, "CorsConfiguration"),
        Optional.empty(),
        Props.bool(p, "DisableExecuteApiEndpoint").orElse(false),
        cfnStages(resource, true),
        resource.at());
  }

  /** The stage a SAM API creates from its own properties. */
  private List<ApiStage> samStages(Value.Obj p, TemplateResource api, boolean http) {
    String name = Props.string(p, "StageName").orElse(http ? "$default" : "Prod");
    Value.Obj routeSettings =
        http ? Props.obj(p, "DefaultRouteSettings") : allRoutesSettings(p.list("MethodSettings"));
    Value.Obj accessLog = Props.obj(p, http ? "AccessLogSettings" : "AccessLogSetting");
    SourceLocation at = p.field("StageName").map(Value.Field::keyAt).orElse(api.at());
    return List.of(
        stage(name, Props.bool(p, "TracingEnabled").orElse(false), routeSettings, accessLog, at));
  }

  /** Stage resources attached to a CloudFormation API. */
  private List<ApiStage> cfnStages(TemplateResource api, boolean v2) {
    List<ApiStage> stages = new ArrayList<>();
    for (TemplateResource stage :
        context.ofType(v2 ? "AWS::ApiGatewayV2::Stage" : "AWS::ApiGateway::Stage")) {
      Value.Obj p = context.properties(stage);
      if (!belongsTo(p, v2 ? "ApiId" : "RestApiId", api)) {
        continue;
      }
      Value.Obj routeSettings =
          v2 ? Props.obj(p, "DefaultRouteSettings") : allRoutesSettings(p.list("MethodSettings"));
      stages.add(
          stage(
              Props.string(p, "StageName").orElse(stage.logicalId()),
              Props.bool(p, "TracingEnabled").orElse(false),
              routeSettings,
              Props.obj(p, v2 ? "AccessLogSettings" : "AccessLogSetting"),
              stage.at()));
    }
    return stages;
  }

  /** The method settings that apply to every route ({@code /*} and {@code *}), if any. */
  private static Value.Obj allRoutesSettings(List<Value> methodSettings) {
    for (Value setting : methodSettings) {
      Optional<Value.Obj> obj = setting.asObj();
      if (obj.isPresent()
          && Props.string(obj.get(), "ResourcePath").orElse("/*").equals("/*")
          && Props.string(obj.get(), "HttpMethod").orElse("*").equals("*")) {
        return obj.get();
      }
    }
    return new Value.Obj(List.of(), SourceLocation.ofFile(""));
  }

  private static ApiStage stage(
      String name, boolean tracing, Value.Obj settings, Value.Obj accessLog, SourceLocation at) {
    return new ApiStage(
        name,
        tracing,
        Props.string(settings, "LoggingLevel"),
        Props.bool(settings, "DataTraceEnabled").orElse(false),
        Props.text(accessLog, "DestinationArn"),
        Props.integer(settings, "ThrottlingBurstLimit"),
        settings.get("ThrottlingRateLimit").flatMap(Value::asString).flatMap(Apis::parseDouble),
        at);
  }

  private static Optional<Double> parseDouble(String text) {
    try {
      return Optional.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean belongsTo(Value.Obj properties, String key, TemplateResource api) {
    return Props.text(properties, key)
        .flatMap(ref -> context.referenced(ref, ALL_TYPES))
        .map(r -> r.logicalId().equals(api.logicalId()))
        .orElse(false);
  }

  private static String endpointType(Optional<Value> configuration, String fallback) {
    if (configuration.isEmpty()) {
      return fallback;
    }
    Optional<String> type =
        configuration
            .get()
            .asString()
            .or(() -> configuration.get().asObj().flatMap(o -> Props.string(o, "Type")));
    return type.map(t -> t.toUpperCase(Locale.ROOT)).orElse(fallback);
  }

  /** CORS settings of a function URL or an HTTP API mapping with AllowOrigins-style keys. */
  static Cors cors(Value.Obj obj, SourceLocation at) {
    return new Cors(
        Props.strings(obj, "AllowOrigins"),
        Props.strings(obj, "AllowMethods"),
        Props.strings(obj, "AllowHeaders"),
        Props.bool(obj, "AllowCredentials").orElse(false),
        at);
  }

  private static List<String> unquoted(List<String> values) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      String trimmed = value.trim();
      if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
        trimmed = trimmed.substring(1, trimmed.length() - 1);
      }
      result.add(trimmed);
    }
    return result;
  }

  private static List<String> splitComma(List<String> values) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      for (String piece : unquoted(List.of(value)).get(0).split(",", -1)) {
        if (!piece.isBlank()) {
          result.add(piece.trim());
        }
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- routes

  /**
   * Adds an HTTP trigger to a function.
   *
   * @param declaredAuthorizer the authorizer the route names ({@code NONE}, {@code AWS_IAM} or an
   *     authorizer name); empty to use the API's default
   * @param declaredApiKey whether the route requires an API key; empty to use the API's default
   */
  void addRoute(
      String apiId,
      HttpRoute route,
      Optional<String> declaredAuthorizer,
      Optional<Boolean> declaredApiKey,
      FunctionDraft function,
      String eventName,
      SourceLocation at) {
    Api api = apis.get(apiId);
    if (api == null) {
      context.problem(
          at,
          "route "
              + route
              + " of "
              + function.logicalId()
              + " names API "
              + apiId
              + ", which is not in this template",
          "Declare the API in the template, or fix the reference.");
      function.addTrigger(
          new Trigger(
              TriggerKind.HTTP,
              eventName,
              true,
              Auth.NONE,
              Optional.of(route),
              Optional.of(apiId),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Map.of("api", "unknown"),
              at));
      return;
    }
    if (!routesSeen.add(apiId + " " + route + " " + function.logicalId())) {
      return;
    }
    String authorizerName = declaredAuthorizer.or(api::defaultAuthorizer).orElse("NONE");
    Auth auth;
    Optional<String> authorizer = Optional.empty();
    if (authorizerName.equalsIgnoreCase("NONE")) {
      auth = Auth.NONE;
    } else if (authorizerName.equals("AWS_IAM")) {
      auth = Auth.IAM;
    } else {
      Optional<Authorizer> found = api.authorizer(authorizerName);
      if (found.isEmpty()) {
        context.problem(
            at,
            "route "
                + route
                + " uses authorizer "
                + authorizerName
                + ", which API "
                + apiId
                + " does not define",
            "Define the authorizer under the API's Auth.Authorizers, or fix the name.");
        auth = Auth.NONE;
      } else {
        auth = found.get().type();
        authorizer = Optional.of(authorizerName);
      }
    }
    boolean apiKey = declaredApiKey.orElse(api.apiKeyRequired());
    if (auth == Auth.NONE && apiKey) {
      auth = Auth.API_KEY;
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("api", api.kind().wireName());
    if (apiKey && auth != Auth.API_KEY) {
      details.put("apiKeyRequired", "true");
    }
    if (api.isPrivate()) {
      details.put("endpoint", "private");
    }
    boolean isPublic = !api.isPrivate() && !callersRestricted.getOrDefault(apiId, false);
    function.addTrigger(
        new Trigger(
            TriggerKind.HTTP,
            eventName,
            isPublic,
            auth,
            Optional.of(route),
            Optional.of(apiId),
            authorizer,
            Optional.empty(),
            Optional.of(apiId),
            details,
            at));
  }

  /** Routes that are not SAM events: OpenAPI bodies, REST methods, v2 routes, quick-create APIs. */
  void linkDefinitions() {
    for (TemplateResource resource : context.ofType(ALL_TYPES.toArray(String[]::new))) {
      Value.Obj p = context.properties(resource);
      body(resource).ifPresent(body -> openApiRoutes(resource.logicalId(), body));
      if (resource.type().equals("AWS::ApiGatewayV2::Api")) {
        Props.text(p, "Target").ifPresent(target -> quickCreateRoute(resource, p, target));
      }
    }
    restMethods();
    v2Routes();
    authorizerFunctions();
  }

  private void openApiRoutes(String apiId, Value.Obj body) {
    Map<String, Value.Obj> schemes = new LinkedHashMap<>();
    body.obj("securityDefinitions")
        .ifPresent(
            defs ->
                defs.fields()
                    .forEach(f -> f.value().asObj().ifPresent(o -> schemes.put(f.key(), o))));
    body.obj("components")
        .flatMap(c -> c.obj("securitySchemes"))
        .ifPresent(
            defs ->
                defs.fields()
                    .forEach(f -> f.value().asObj().ifPresent(o -> schemes.put(f.key(), o))));
    Optional<Value> globalSecurity = body.get("security");
    for (Value.Field path : Props.obj(body, "paths").fields()) {
      if (!(path.value() instanceof Value.Obj operations)) {
        continue;
      }
      for (Value.Field operation : operations.fields()) {
        if (!HTTP_METHODS.contains(operation.key().toLowerCase(Locale.ROOT))
            || !(operation.value() instanceof Value.Obj op)) {
          continue;
        }
        Optional<SymbolicText> uri =
            op.obj("x-amazon-apigateway-integration").flatMap(i -> Props.text(i, "uri"));
        if (uri.isEmpty()) {
          continue;
        }
        Optional<FunctionDraft> function = functions.find(uri.get());
        if (function.isEmpty()) {
          continue;
        }
        HttpRoute route = new HttpRoute(operation.key(), path.key());
        Optional<Value> security = op.get("security").or(() -> globalSecurity);
        OpenApiSecurity resolved =
            security.map(s -> openApiSecurity(s, schemes)).orElse(OpenApiSecurity.UNSPECIFIED);
        addRoute(
            apiId,
            route,
            resolved.authorizer(),
            resolved.apiKey(),
            function.get(),
            route.toString(),
            operation.keyAt());
      }
    }
  }

  /** What an OpenAPI security requirement amounts to, as an authorizer name and API key flag. */
  private record OpenApiSecurity(Optional<String> authorizer, Optional<Boolean> apiKey) {
    static final OpenApiSecurity UNSPECIFIED =
        new OpenApiSecurity(Optional.empty(), Optional.empty());
  }

  /**
   * The weakest alternative of a security requirement list: a caller may satisfy any one of them.
   * Within one alternative every scheme applies, so the strongest of them counts.
   */
  private OpenApiSecurity openApiSecurity(Value security, Map<String, Value.Obj> schemes) {
    List<Value> alternatives = security.asList();
    if (alternatives.isEmpty()) {
      return new OpenApiSecurity(Optional.of("NONE"), Optional.of(false));
    }
    OpenApiSecurity weakest = null;
    int weakestRank = Integer.MAX_VALUE;
    for (Value alternative : alternatives) {
      Optional<String> authorizer = Optional.of("NONE");
      int rank = 0;
      boolean apiKey = false;
      for (Value.Field requirement : alternative.asObj().map(Value.Obj::fields).orElse(List.of())) {
        Value.Obj scheme = schemes.get(requirement.key());
        Auth type = scheme == null ? Auth.NONE : schemeType(scheme);
        if (type == Auth.API_KEY) {
          apiKey = true;
          rank = Math.max(rank, 1);
        } else if (type != Auth.NONE) {
          authorizer = Optional.of(type == Auth.IAM ? "AWS_IAM" : requirement.key());
          rank = 2;
        }
      }
      if (rank < weakestRank) {
        weakestRank = rank;
        weakest = new OpenApiSecurity(authorizer, Optional.of(apiKey));
      }
    }
    return weakest == null ? OpenApiSecurity.UNSPECIFIED : weakest;
  }

  private static Auth schemeType(Value.Obj scheme) {
    String authType =
        Props.string(scheme, "x-amazon-apigateway-authtype").orElse("").toLowerCase(Locale.ROOT);
    String authorizerType =
        scheme
            .obj("x-amazon-apigateway-authorizer")
            .flatMap(a -> Props.string(a, "type"))
            .orElse("")
            .toLowerCase(Locale.ROOT);
    if (authType.equals("awssigv4")) {
      return Auth.IAM;
    }
    if (authType.equals("cognito_user_pools") || authorizerType.equals("cognito_user_pools")) {
      return Auth.COGNITO;
    }
    if (authorizerType.equals("jwt")) {
      return Auth.JWT;
    }
    if (authorizerType.equals("token")
        || authorizerType.equals("request")
        || authType.equals("custom")) {
      return Auth.LAMBDA_AUTHORIZER;
    }
    String type = Props.string(scheme, "type").orElse("").toLowerCase(Locale.ROOT);
    if (type.equals("apikey")) {
      return Auth.API_KEY;
    }
    if (type.equals("oauth2") || type.equals("openidconnect")) {
      return Auth.JWT;
    }
    return Auth.NONE;
  }

  /**
   * The API's OpenAPI definition: inline ({@code DefinitionBody}, {@code Body}) or a local file
   * ({@code DefinitionUri}, which SAM reads without resolving intrinsics).
   */
  private Optional<Value.Obj> body(TemplateResource resource) {
    if (bodies.containsKey(resource.logicalId())) {
      return bodies.get(resource.logicalId());
    }
    Value.Obj p = context.properties(resource);
    boolean sam = resource.type().startsWith("AWS::Serverless::");
    Optional<Value.Obj> body = p.obj(sam ? "DefinitionBody" : "Body");
    if (body.isEmpty() && sam) {
      Optional<String> uri = Props.string(p, "DefinitionUri");
      if (uri.isPresent()) {
        body =
            context
                .readLocalDocument(uri.get(), Props.at(p, "DefinitionUri"))
                .flatMap(Value::asObj);
      }
    }
    bodies.put(resource.logicalId(), body);
    return body;
  }

  /**
   * Authorizers declared in an OpenAPI body become authorizers of the API, so routes can name them.
   */
  void addOpenApiAuthorizers() {
    for (TemplateResource resource : context.ofType(ALL_TYPES.toArray(String[]::new))) {
      Api api = apis.get(resource.logicalId());
      if (api == null) {
        continue;
      }
      Optional<Value.Obj> body = body(resource);
      if (body.isEmpty()) {
        continue;
      }
      List<Authorizer> added = new ArrayList<>(api.authorizers());
      List<Value.Field> schemes = new ArrayList<>();
      body.get().obj("securityDefinitions").ifPresent(d -> schemes.addAll(d.fields()));
      body.get()
          .obj("components")
          .flatMap(c -> c.obj("securitySchemes"))
          .ifPresent(d -> schemes.addAll(d.fields()));
      for (Value.Field scheme : schemes) {
        Optional<Value.Obj> definition = scheme.value().asObj();
        if (definition.isEmpty() || api.authorizer(scheme.key()).isPresent()) {
          continue;
        }
        Auth type = schemeType(definition.get());
        if (type == Auth.NONE || type == Auth.API_KEY || type == Auth.IAM) {
          continue;
        }
        Optional<Value.Obj> extension = definition.get().obj("x-amazon-apigateway-authorizer");
        Optional<SymbolicText> provider =
            extension.flatMap(
                e ->
                    Props.text(e, "authorizerUri")
                        .or(() -> Props.texts(e, "providerARNs").stream().findFirst())
                        .or(() -> e.obj("jwtConfiguration").flatMap(j -> Props.text(j, "issuer"))));
        added.add(new Authorizer(scheme.key(), type, provider, scheme.keyAt()));
      }
      apis.put(
          api.logicalId(),
          new Api(
              api.logicalId(),
              api.kind(),
              api.name(),
              api.endpointType(),
              api.defaultAuthorizer(),
              added,
              api.apiKeyRequired(),
              api.cors(),
              api.resourcePolicy(),
              api.executeApiEndpointDisabled(),
              api.stages(),
              api.at()));
    }
  }

  private void quickCreateRoute(TemplateResource api, Value.Obj p, SymbolicText target) {
    functions
        .find(target)
        .ifPresent(
            function -> {
              String routeKey = Props.string(p, "RouteKey").orElse("$default");
              addRoute(
                  api.logicalId(),
                  routeOf(routeKey, false),
                  Optional.of("NONE"),
                  Optional.empty(),
                  function,
                  routeKey,
                  Props.at(p, "Target"));
            });
  }

  private void restMethods() {
    for (TemplateResource method : context.ofType("AWS::ApiGateway::Method")) {
      Value.Obj p = context.properties(method);
      Optional<SymbolicText> uri = p.obj("Integration").flatMap(i -> Props.text(i, "Uri"));
      Optional<FunctionDraft> function = uri.flatMap(functions::find);
      Optional<TemplateResource> api =
          Props.text(p, "RestApiId").flatMap(r -> context.referenced(r, REST_TYPES));
      if (function.isEmpty() || api.isEmpty()) {
        continue;
      }
      String path = Props.text(p, "ResourceId").map(id -> pathOf(id, 0)).orElse("/");
      HttpRoute route = new HttpRoute(Props.string(p, "HttpMethod").orElse("ANY"), path);
      Optional<String> authorizer =
          declaredAuthorizer(
              p, Set.of("CUSTOM", "COGNITO_USER_POOLS"), "AWS::ApiGateway::Authorizer");
      addRoute(
          api.get().logicalId(),
          route,
          authorizer,
          Props.bool(p, "ApiKeyRequired"),
          function.get(),
          method.logicalId(),
          method.at());
    }
  }

  /**
   * The authorizer a method or route declares: {@code AWS_IAM}, {@code NONE}, or the logical id of
   * the authorizer resource it names (the type itself when that resource is not in the template).
   */
  private Optional<String> declaredAuthorizer(
      Value.Obj p, Set<String> typesWithAuthorizer, String authorizerResourceType) {
    String type = Props.string(p, "AuthorizationType").orElse("NONE").toUpperCase(Locale.ROOT);
    if (type.equals("AWS_IAM")) {
      return Optional.of("AWS_IAM");
    }
    if (!typesWithAuthorizer.contains(type)) {
      return Optional.of("NONE");
    }
    return Props.text(p, "AuthorizerId")
        .flatMap(r -> context.referenced(r, Set.of(authorizerResourceType)))
        .map(TemplateResource::logicalId)
        .or(() -> Optional.of(type));
  }

  /** The path of an {@code AWS::ApiGateway::Resource}, following its parents. */
  private String pathOf(SymbolicText resourceId, int depth) {
    if (depth > 50) {
      return "/…";
    }
    Optional<TemplateResource> resource =
        context.referenced(resourceId, Set.of("AWS::ApiGateway::Resource"));
    if (resource.isEmpty()) {
      return "/";
    }
    Value.Obj p = context.properties(resource.get());
    String part = Props.string(p, "PathPart").orElse("{" + resource.get().logicalId() + "}");
    String parent = Props.text(p, "ParentId").map(id -> pathOf(id, depth + 1)).orElse("/");
    return (parent.endsWith("/") ? parent : parent + "/") + part;
  }

  private void v2Routes() {
    for (TemplateResource route : context.ofType("AWS::ApiGatewayV2::Route")) {
      Value.Obj p = context.properties(route);
      Optional<TemplateResource> api =
          Props.text(p, "ApiId").flatMap(r -> context.referenced(r, V2_TYPES));
      Optional<TemplateResource> integration =
          Props.text(p, "Target")
              .flatMap(t -> context.referenced(t, Set.of("AWS::ApiGatewayV2::Integration")));
      Optional<FunctionDraft> function =
          integration
              .flatMap(i -> Props.text(context.properties(i), "IntegrationUri"))
              .flatMap(functions::find);
      if (api.isEmpty() || function.isEmpty()) {
        continue;
      }
      boolean websocket =
          apis.get(api.get().logicalId()) != null
              && apis.get(api.get().logicalId()).kind() == Api.Kind.WEBSOCKET;
      String routeKey = Props.string(p, "RouteKey").orElse("$default");
      Optional<String> authorizer =
          declaredAuthorizer(p, Set.of("JWT", "CUSTOM"), "AWS::ApiGatewayV2::Authorizer");
      addRoute(
          api.get().logicalId(),
          routeOf(routeKey, websocket),
          authorizer,
          Props.bool(p, "ApiKeyRequired"),
          function.get(),
          route.logicalId(),
          route.at());
    }
  }

  /** A v2 route key ({@code GET /items}, {@code $default}) or WebSocket route as a route. */
  static HttpRoute routeOf(String routeKey, boolean websocket) {
    if (websocket) {
      return new HttpRoute("WS", routeKey);
    }
    int space = routeKey.indexOf(' ');
    if (space < 0) {
      return new HttpRoute("ANY", routeKey);
    }
    return new HttpRoute(routeKey.substring(0, space), routeKey.substring(space + 1).trim());
  }

  /**
   * A Lambda authorizer runs for every request, before any authentication: an entry point itself.
   */
  private void authorizerFunctions() {
    for (Api api : apis.values()) {
      for (Authorizer authorizer : api.authorizers()) {
        if (authorizer.type() != Auth.LAMBDA_AUTHORIZER || authorizer.provider().isEmpty()) {
          continue;
        }
        Optional<FunctionDraft> function = functions.find(authorizer.provider().get());
        if (function.isEmpty()) {
          continue;
        }
        boolean isPublic =
            !api.isPrivate() && !callersRestricted.getOrDefault(api.logicalId(), false);
        function
            .get()
            .addTrigger(
                new Trigger(
                    TriggerKind.HTTP,
                    "authorizer " + authorizer.name(),
                    isPublic,
                    Auth.NONE,
                    Optional.empty(),
                    Optional.of(api.logicalId()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(api.logicalId()),
                    Map.of("api", api.kind().wireName(), "role", "authorizer"),
                    authorizer.at()));
      }
    }
  }
}
