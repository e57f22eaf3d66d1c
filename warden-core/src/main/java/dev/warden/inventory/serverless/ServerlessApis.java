package dev.warden.inventory.serverless;

import static dev.warden.inventory.serverless.Tree.getAtt;
import static dev.warden.inventory.serverless.Tree.obj;
import static dev.warden.inventory.serverless.Tree.ref;
import static dev.warden.inventory.serverless.Tree.seq;
import static dev.warden.inventory.serverless.Tree.str;
import static dev.warden.inventory.serverless.Tree.sub;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The APIs a service's events share, as the framework makes them: one REST API ({@code
 * ApiGatewayRestApi}, stage named after the stage) for {@code http} events with the authorizers
 * they name, one HTTP API ({@code HttpApi}) for {@code httpApi} events with {@code
 * provider.httpApi.authorizers}, and one WebSocket API ({@code WebsocketsApi}).
 */
final class ServerlessApis {

  static final String REST_API = "ApiGatewayRestApi";
  static final String HTTP_API = "HttpApi";
  static final String WEBSOCKET_API = "WebsocketsApi";

  private final ServerlessCompiler compiler;
  private final Tree.Builder restAuthorizers;
  private @org.jspecify.annotations.Nullable SourceLocation restAt;
  private @org.jspecify.annotations.Nullable Value restCors;
  private @org.jspecify.annotations.Nullable SourceLocation httpAt;
  private @org.jspecify.annotations.Nullable SourceLocation websocketAt;

  ServerlessApis(ServerlessCompiler compiler) {
    this.compiler = compiler;
    this.restAuthorizers = obj(compiler.provider().at());
  }

  // ---------------------------------------------------------------- REST (http events)

  Optional<Value.Obj> http(String function, Value spec, SourceLocation at) {
    Value.Obj s;
    if (spec instanceof Value.Obj o) {
      s = o;
    } else {
      String[] parts = Tree.text(Optional.of(spec), "ANY /").trim().split("\\s+", 2);
      s =
          obj(spec.at())
              .put("method", str(parts[0], spec.at()))
              .put("path", str(parts.length > 1 ? parts[1] : "/", spec.at()))
              .build();
    }
    if (restAt == null) {
      restAt = at;
    }
    Tree.Builder p =
        obj(at)
            .put(
                "Path",
                str(path(Tree.text(s.get("path"), "/")), s.get("path").map(Value::at).orElse(at)))
            .put("Method", str(method(Tree.text(s.get("method"), "ANY")), at))
            .put("RestApiId", ref(REST_API, at));
    Tree.Builder auth = obj(at);
    s.get("authorizer").ifPresent(a -> auth.put("Authorizer", str(restAuthorizer(a), a.at())));
    if (!auth.has("Authorizer")) {
      auth.put("Authorizer", str("NONE", at));
    }
    s.get("private")
        .flatMap(Value::asBoolean)
        .filter(b -> b)
        .ifPresent(
            b ->
                auth.put(
                    "ApiKeyRequired", new Value.Bool(true, s.get("private").orElseThrow().at())));
    p.put("Auth", auth.build());
    s.get("cors").ifPresent(this::restCors);
    return Optional.of(obj(at).put("Type", str("Api", at)).put("Properties", p.build()).build());
  }

  /** Registers the authorizer an http event names; returns the name the event uses. */
  private String restAuthorizer(Value authorizer) {
    Value.Obj a =
        authorizer instanceof Value.Obj o
            ? o
            : Tree.text(Optional.of(authorizer), "").startsWith("arn:")
                ? obj(authorizer.at()).put("arn", authorizer).build()
                : obj(authorizer.at()).put("name", authorizer).build();
    String type = Tree.text(a.get("type"), "").toUpperCase(Locale.ROOT);
    String name = Tree.text(a.get("name"), "");
    if (type.equals("AWS_IAM") || name.equalsIgnoreCase("aws_iam")) {
      return "AWS_IAM";
    }
    Optional<Value> arn = a.get("arn").or(() -> a.get("authorizerId"));
    String arnText = arn.flatMap(v -> v.asText()).map(Object::toString).orElse("");
    if (name.isEmpty()) {
      name = arnText.isEmpty() ? "authorizer" : arnText.substring(arnText.lastIndexOf(':') + 1);
      name = name.substring(name.lastIndexOf('/') + 1);
    }
    String id = ServerlessCompiler.alphanumeric(name) + "ApiGatewayAuthorizer";
    Tree.Builder definition = obj(a.at());
    if (type.equals("COGNITO_USER_POOLS") || arnText.contains(":cognito-idp:")) {
      definition.put("UserPoolArn", arn.orElse(str("?", a.at())));
    } else {
      definition.put(
          "FunctionArn", arn.orElse(getAtt(ServerlessCompiler.logicalIdOf(name), "Arn", a.at())));
      definition.put(
          "FunctionPayloadType", str(type.equals("REQUEST") ? "REQUEST" : "TOKEN", a.at()));
      String source = Tree.text(a.get("identitySource"), "method.request.header.Authorization");
      if (source.startsWith("method.request.header.")) {
        definition.put(
            "Identity",
            obj(a.at())
                .put("Header", str(source.substring("method.request.header.".length()), a.at()))
                .build());
      }
    }
    restAuthorizers.put(id, definition.build());
    return id;
  }

  private void restCors(Value cors) {
    if (cors.asBoolean().map(b -> !b).orElse(false)) {
      return;
    }
    String origin = "*";
    if (cors instanceof Value.Obj c) {
      List<String> origins = new ArrayList<>();
      c.get("origin").flatMap(Value::asString).ifPresent(origins::add);
      c.list("origins").forEach(o -> o.asString().ifPresent(origins::add));
      if (!origins.isEmpty()) {
        origin = String.join(",", origins);
      }
    }
    String quoted = "'" + origin + "'";
    if (restCors == null || origin.equals("*")) {
      restCors = obj(cors.at()).put("AllowOrigin", str(quoted, cors.at())).build();
    }
  }

  // ---------------------------------------------------------------- HTTP (httpApi events)

  Optional<Value.Obj> httpApi(String function, Value spec, SourceLocation at) {
    if (httpAt == null) {
      httpAt = at;
    }
    Tree.Builder p = obj(at).put("ApiId", ref(HTTP_API, at));
    Value.Obj s;
    if (spec instanceof Value.Obj o) {
      s = o;
    } else {
      String text = Tree.text(Optional.of(spec), "*").trim();
      String[] parts = text.split("\\s+", 2);
      s =
          text.equals("*")
              ? obj(spec.at()).build()
              : obj(spec.at())
                  .put("method", str(parts[0], spec.at()))
                  .put("path", str(parts.length > 1 ? parts[1] : "/", spec.at()))
                  .build();
    }
    if (s.has("method") || s.has("path")) {
      p.put("Method", str(method(Tree.text(s.get("method"), "ANY")), at));
      p.put("Path", str(path(Tree.text(s.get("path"), "/")), at));
    }
    Optional<Value> authorizer = s.get("authorizer");
    if (authorizer.isPresent()) {
      Value a = authorizer.get();
      String name =
          a instanceof Value.Obj o
              ? Tree.text(o.get("name").or(() -> o.get("type")), "authorizer")
              : Tree.text(Optional.of(a), "authorizer");
      p.put(
          "Auth",
          obj(a.at())
              .put("Authorizer", str(name.equalsIgnoreCase("aws_iam") ? "AWS_IAM" : name, a.at()))
              .build());
    }
    return Optional.of(
        obj(at).put("Type", str("HttpApi", at)).put("Properties", p.build()).build());
  }

  private Value.Obj httpApiResource(SourceLocation at) {
    Value.Obj settings = compiler.provider().obj("httpApi").orElse(obj(at).build());
    Tree.Builder p = obj(settings.at()).put("StageName", str("$default", at));
    Tree.Builder authorizers = obj(settings.at());
    for (Value.Field field : settings.obj("authorizers").map(Value.Obj::fields).orElse(List.of())) {
      Value.Obj a = field.value().asObj().orElse(obj(field.keyAt()).build());
      String type = Tree.text(a.get("type"), "jwt").toLowerCase(Locale.ROOT);
      Tree.Builder definition = obj(field.keyAt());
      if (type.equals("request")) {
        definition.put(
            "FunctionArn",
            a.get("functionArn")
                .orElse(
                    getAtt(
                        ServerlessCompiler.logicalIdOf(
                            Tree.text(a.get("functionName"), field.key())),
                        "Arn",
                        field.keyAt())));
        definition.put(
            "AuthorizerPayloadFormatVersion",
            a.get("payloadVersion").orElse(str("2.0", field.keyAt())));
        a.get("enableSimpleResponses").ifPresent(e -> definition.put("EnableSimpleResponses", e));
      } else {
        Tree.Builder jwt = obj(field.keyAt());
        a.get("issuerUrl").ifPresent(i -> jwt.put("issuer", i));
        a.get("audience").ifPresent(au -> jwt.put("audience", seq(au.at(), au.asList())));
        definition.put("JwtConfiguration", jwt.build());
        a.get("identitySource").ifPresent(i -> definition.put("IdentitySource", i));
      }
      authorizers.put(field.key(), definition.build());
    }
    if (!authorizers.isEmpty()) {
      p.put("Auth", obj(at).put("Authorizers", authorizers.build()).build());
    }
    settings
        .get("cors")
        .filter(c -> !c.asBoolean().map(b -> !b).orElse(false))
        .ifPresent(
            cors -> {
              Tree.Builder c = obj(cors.at());
              if (cors instanceof Value.Obj o) {
                c.put(
                    "AllowOrigins",
                    o.get("allowedOrigins").orElse(seq(cors.at(), List.of(str("*", cors.at())))));
                o.get("allowCredentials").ifPresent(a -> c.put("AllowCredentials", a));
              } else {
                c.put("AllowOrigins", seq(cors.at(), List.of(str("*", cors.at()))));
              }
              p.put("CorsConfiguration", c.build());
            });
    settings.get("disableDefaultEndpoint").ifPresent(d -> p.put("DisableExecuteApiEndpoint", d));
    return obj(at)
        .put("Type", str("AWS::Serverless::HttpApi", at))
        .put("Properties", p.build())
        .build();
  }

  // ---------------------------------------------------------------- WebSocket

  void websocket(String function, Value spec, SourceLocation at) {
    if (websocketAt == null) {
      websocketAt = at;
    }
    Value.Obj s = spec instanceof Value.Obj o ? o : obj(spec.at()).put("route", spec).build();
    String routeKey = Tree.text(s.get("route"), "$default");
    String base = function.replaceFirst("LambdaFunction$", "");
    String integration = base + "WebsocketsIntegration";
    String invocation =
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
            + function
            + ".Arn}/invocations";
    compiler.resource(
        integration,
        obj(at)
            .put("Type", str("AWS::ApiGatewayV2::Integration", at))
            .put(
                "Properties",
                obj(at)
                    .put("ApiId", ref(WEBSOCKET_API, at))
                    .put("IntegrationType", "AWS_PROXY")
                    .put("IntegrationUri", sub(invocation, at))
                    .build())
            .build());
    Tree.Builder route =
        obj(at)
            .put("ApiId", ref(WEBSOCKET_API, at))
            .put("RouteKey", str(routeKey, s.get("route").map(Value::at).orElse(at)))
            .put(
                "Target",
                obj(at)
                    .put(
                        "Fn::Join",
                        seq(
                            at,
                            List.of(
                                str("/", at),
                                seq(at, List.of(str("integrations", at), ref(integration, at))))))
                    .build());
    Optional<Value> authorizer = s.get("authorizer");
    if (authorizer.isPresent()) {
      Value a = authorizer.get();
      Value.Obj spec2 = a instanceof Value.Obj o ? o : obj(a.at()).put("name", a).build();
      String name = Tree.text(spec2.get("name"), "authorizer");
      String authorizerId = ServerlessCompiler.alphanumeric(name) + "WebsocketsAuthorizer";
      String target =
          spec2
              .get("arn")
              .flatMap(Value::asString)
              .orElse("${" + ServerlessCompiler.logicalIdOf(name) + ".Arn}");
      compiler.resource(
          authorizerId,
          obj(a.at())
              .put("Type", str("AWS::ApiGatewayV2::Authorizer", a.at()))
              .put(
                  "Properties",
                  obj(a.at())
                      .put("ApiId", ref(WEBSOCKET_API, a.at()))
                      .put("Name", str(name, a.at()))
                      .put("AuthorizerType", "REQUEST")
                      .put(
                          "AuthorizerUri",
                          sub(
                              "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                                  + target
                                  + "/invocations",
                              a.at()))
                      .put(
                          "IdentitySource",
                          spec2
                              .get("identitySource")
                              .map(v -> (Value) seq(v.at(), v.asList()))
                              .orElse(
                                  seq(a.at(), List.of(str("route.request.header.Auth", a.at())))))
                      .build())
              .build());
      route.put("AuthorizationType", "CUSTOM").put("AuthorizerId", ref(authorizerId, a.at()));
    } else {
      route.put("AuthorizationType", "NONE");
    }
    compiler.resource(
        ServerlessCompiler.alphanumeric(routeKey.replace("$", "S")) + base + "WebsocketsRoute",
        obj(at)
            .put("Type", str("AWS::ApiGatewayV2::Route", at))
            .put("Properties", route.build())
            .build());
    compiler.invokePermission(
        base + "LambdaPermissionWebsockets",
        function,
        "apigateway.amazonaws.com",
        Optional.empty(),
        at);
  }

  // ---------------------------------------------------------------- the APIs themselves

  void finish() {
    Value.Obj provider = compiler.provider();
    if (restAt != null) {
      SourceLocation at = restAt;
      Tree.Builder p =
          obj(at)
              .put("Name", str(compiler.stage() + "-" + compiler.service(), at))
              .put("StageName", str(compiler.stage(), at));
      provider
          .get("endpointType")
          .ifPresent(
              t ->
                  p.put(
                      "EndpointConfiguration",
                      obj(t.at())
                          .put(
                              "Type",
                              str(
                                  Tree.text(Optional.of(t), "EDGE").toUpperCase(Locale.ROOT),
                                  t.at()))
                          .build()));
      Tree.Builder auth = obj(at);
      if (!restAuthorizers.isEmpty()) {
        auth.put("Authorizers", restAuthorizers.build());
      }
      Optional<Value> policy = provider.obj("apiGateway").flatMap(a -> a.get("resourcePolicy"));
      policy.ifPresent(
          statements ->
              auth.put(
                  "ResourcePolicy",
                  obj(statements.at())
                      .put("CustomStatements", seq(statements.at(), statements.asList()))
                      .build()));
      if (!auth.isEmpty()) {
        p.put("Auth", auth.build());
      }
      if (restCors != null) {
        p.put("Cors", restCors);
      }
      provider
          .obj("tracing")
          .flatMap(t -> t.get("apiGateway"))
          .ifPresent(t -> p.put("TracingEnabled", t));
      provider
          .obj("logs")
          .flatMap(l -> l.get("restApi"))
          .filter(l -> !l.asBoolean().map(b -> !b).orElse(false))
          .ifPresent(
              l ->
                  p.put(
                      "AccessLogSetting",
                      obj(l.at())
                          .put(
                              "DestinationArn",
                              sub(
                                  "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/api-gateway/"
                                      + compiler.service()
                                      + "-"
                                      + compiler.stage(),
                                  l.at()))
                          .build()));
      compiler.resource(
          REST_API,
          obj(at)
              .put("Type", str("AWS::Serverless::Api", at))
              .put("Properties", p.build())
              .build());
    }
    if (httpAt != null) {
      compiler.resource(HTTP_API, httpApiResource(httpAt));
    }
    if (websocketAt != null) {
      SourceLocation at = websocketAt;
      compiler.resource(
          WEBSOCKET_API,
          obj(at)
              .put("Type", str("AWS::ApiGatewayV2::Api", at))
              .put(
                  "Properties",
                  obj(at)
                      .put(
                          "Name",
                          str(compiler.stage() + "-" + compiler.service() + "-websockets", at))
                      .put("ProtocolType", "WEBSOCKET")
                      .put(
                          "RouteSelectionExpression",
                          provider
                              .get("websocketsApiRouteSelectionExpression")
                              .orElse(str("$request.body.action", at)))
                      .build())
              .build());
    }
  }

  private static String path(String path) {
    String trimmed = path.trim();
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }

  private static String method(String method) {
    String upper = method.trim().toUpperCase(Locale.ROOT);
    return upper.equals("*") ? "ANY" : upper;
  }
}
