package dev.warden.inventory.snapshot;

import static dev.warden.inventory.snapshot.SnapshotCompiler.getAtt;
import static dev.warden.inventory.snapshot.SnapshotCompiler.ref;
import static dev.warden.inventory.snapshot.SnapshotCompiler.resource;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.ValueTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The API Gateway exports of a snapshot compiled into the CloudFormation the API reader reads: REST
 * APIs ({@code get-rest-apis}, with their resource policies) with their resources and methods
 * ({@code get-resources --embed methods}), HTTP and WebSocket APIs ({@code apigatewayv2 get-apis})
 * with their routes and integrations. Routes, resources and integrations do not name their API; an
 * export belongs to the API whose id names its folder or its file (as the collector writes them:
 * {@code apigateway/ID/get-resources.json}), or to the only API of its kind.
 */
final class ApiExports {

  private final List<InputProblem> problems;
  private final List<AwsExport> restApis = new ArrayList<>();
  private final List<AwsExport> resources = new ArrayList<>();
  private final List<AwsExport> httpApis = new ArrayList<>();
  private final List<AwsExport> routes = new ArrayList<>();
  private final List<AwsExport> integrations = new ArrayList<>();
  private final List<AwsExport> restStages = new ArrayList<>();
  private final List<AwsExport> httpStages = new ArrayList<>();
  private final List<AwsExport> alarms = new ArrayList<>();

  ApiExports(List<InputProblem> problems) {
    this.problems = problems;
  }

  void add(AwsExport export) {
    switch (export.kind()) {
      case REST_APIS -> restApis.add(export);
      case REST_RESOURCES -> resources.add(export);
      case HTTP_APIS -> httpApis.add(export);
      case HTTP_ROUTES -> routes.add(export);
      case HTTP_INTEGRATIONS -> integrations.add(export);
      case REST_STAGES -> restStages.add(export);
      case HTTP_STAGES -> httpStages.add(export);
      case ALARMS -> alarms.add(export);
      default -> throw new IllegalArgumentException(export.kind().name());
    }
  }

  void compile(Map<String, String> functionIds, ValueTree template, UnaryOperator<Value> document) {
    Map<String, String> restIds = new LinkedHashMap<>();
    Map<String, String> restNames = new LinkedHashMap<>();
    for (AwsExport export : restApis) {
      for (Value.Obj api : export.document().objects("items")) {
        String id = text(api, "id");
        String logical = "RestApi" + SnapshotCompiler.logicalId(id);
        restIds.put(id, logical);
        restNames.put(text(api, "name"), logical);
        template.put(
            logical,
            resource(
                "AWS::ApiGateway::RestApi",
                new ValueTree(api.at())
                    .put("Name", api.get("name"))
                    .put("Policy", api.get("policy").map(document))
                    .put("EndpointConfiguration", api.get("endpointConfiguration")),
                api.at()));
      }
    }
    for (AwsExport export : resources) {
      apiOf(export, restIds, "REST API")
          .ifPresent(api -> restResources(export.document(), api, functionIds, template));
    }
    for (AwsExport export : restStages) {
      apiOf(export, restIds, "REST API")
          .ifPresent(api -> restStages(export.document(), api, template));
    }
    Map<String, String> httpIds = new LinkedHashMap<>();
    for (AwsExport export : httpApis) {
      for (Value.Obj api : export.document().objects("Items")) {
        String id = text(api, "ApiId");
        String logical = "HttpApi" + SnapshotCompiler.logicalId(id);
        httpIds.put(id, logical);
        template.put(
            logical,
            resource(
                "AWS::ApiGatewayV2::Api",
                new ValueTree(api.at())
                    .put("Name", api.get("Name"))
                    .put("ProtocolType", api.get("ProtocolType"))
                    .put("DisableExecuteApiEndpoint", api.get("DisableExecuteApiEndpoint")),
                api.at()));
      }
    }
    for (AwsExport export : httpStages) {
      apiOf(export, httpIds, "HTTP or WebSocket API")
          .ifPresent(api -> httpStages(export.document(), api, template));
    }
    Map<String, String> integrationIds = new LinkedHashMap<>();
    for (AwsExport export : integrations) {
      Optional<String> api = apiOf(export, httpIds, "HTTP or WebSocket API");
      if (api.isEmpty()) {
        continue;
      }
      for (Value.Obj integration : export.document().objects("Items")) {
        String logical =
            api.get()
                + "Integration"
                + SnapshotCompiler.logicalId(text(integration, "IntegrationId"));
        integrationIds.put(api.get() + "/" + text(integration, "IntegrationId"), logical);
        template.put(
            logical,
            resource(
                "AWS::ApiGatewayV2::Integration",
                new ValueTree(integration.at())
                    .put("ApiId", ref(api.get(), integration.at()))
                    .put("IntegrationType", integration.get("IntegrationType"))
                    .put(
                        "IntegrationUri",
                        integration
                            .get("IntegrationUri")
                            .map(uri -> functionArn(uri, functionIds))),
                integration.at()));
      }
    }
    for (AwsExport export : routes) {
      Optional<String> api = apiOf(export, httpIds, "HTTP or WebSocket API");
      if (api.isEmpty()) {
        continue;
      }
      for (Value.Obj route : export.document().objects("Items")) {
        String target = text(route, "Target");
        String integration =
            integrationIds.get(api.get() + "/" + target.substring(target.lastIndexOf('/') + 1));
        template.put(
            api.get() + "Route" + SnapshotCompiler.logicalId(text(route, "RouteId")),
            resource(
                "AWS::ApiGatewayV2::Route",
                new ValueTree(route.at())
                    .put("ApiId", ref(api.get(), route.at()))
                    .put("RouteKey", route.get("RouteKey"))
                    .put("AuthorizationType", route.get("AuthorizationType"))
                    .put("ApiKeyRequired", route.get("ApiKeyRequired"))
                    .put(
                        "Target",
                        integration == null
                            ? route.get("Target").orElse(null)
                            : sub("integrations/${" + integration + "}", route.at())),
                route.at()));
      }
    }
    alarms(restNames, httpIds, template);
  }

  /**
   * Alarms on API Gateway metrics, tied to the API their dimension names (REST APIs by {@code
   * ApiName}, HTTP and WebSocket APIs by {@code ApiId}): what the unwatched-API rule looks for.
   */
  private void alarms(
      Map<String, String> restNames, Map<String, String> httpIds, ValueTree template) {
    int n = 0;
    for (AwsExport export : alarms) {
      for (Value item : export.document().list("MetricAlarms")) {
        Optional<Value.Obj> alarm = item.asObj();
        if (alarm.isEmpty() || !text(alarm.get(), "Namespace").equals("AWS/ApiGateway")) {
          continue;
        }
        for (Value d : alarm.get().list("Dimensions")) {
          Optional<Value.Obj> dimension = d.asObj();
          if (dimension.isEmpty()) {
            continue;
          }
          String api =
              switch (text(dimension.get(), "Name")) {
                case "ApiName" -> restNames.get(text(dimension.get(), "Value"));
                case "ApiId" -> httpIds.get(text(dimension.get(), "Value"));
                default -> null;
              };
          if (api == null) {
            continue;
          }
          SourceLocation at = alarm.get().at();
          template.put(
              api + "Alarm" + n++,
              resource(
                  "AWS::CloudWatch::Alarm",
                  new ValueTree(at)
                      .put("AlarmName", alarm.get().get("AlarmName"))
                      .put("Namespace", alarm.get().get("Namespace"))
                      .put("MetricName", alarm.get().get("MetricName"))
                      .put(
                          "Dimensions",
                          new Value.Seq(
                              List.of(
                                  new ValueTree(dimension.get().at())
                                      .put("Name", dimension.get().get("Name"))
                                      .put("Value", ref(api, at))
                                      .build()),
                              at)),
                  at));
        }
      }
    }
  }

  private void restResources(
      Value.Obj document, String api, Map<String, String> functionIds, ValueTree template) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<Value.Obj> items = new ArrayList<>();
    for (Value item : document.list("items")) {
      item.asObj().ifPresent(items::add);
    }
    String root = null;
    for (Value.Obj resource : items) {
      if (text(resource, "path").equals("/")) {
        root = text(resource, "id");
      } else {
        ids.put(
            text(resource, "id"),
            api + "Resource" + SnapshotCompiler.logicalId(text(resource, "id")));
      }
    }
    for (Value.Obj resource : items) {
      String id = text(resource, "id");
      SourceLocation at = resource.at();
      Value self = id.equals(root) ? getAtt(api, "RootResourceId", at) : ref(ids.get(id), at);
      if (!id.equals(root)) {
        String parent = text(resource, "parentId");
        template.put(
            ids.get(id),
            resource(
                "AWS::ApiGateway::Resource",
                new ValueTree(at)
                    .put("RestApiId", ref(api, at))
                    .put(
                        "ParentId",
                        ids.containsKey(parent)
                            ? ref(ids.get(parent), at)
                            : getAtt(api, "RootResourceId", at))
                    .put("PathPart", resource.get("pathPart")),
                at));
      }
      for (Value.Field method :
          resource.obj("resourceMethods").map(Value.Obj::fields).orElse(List.of())) {
        Optional<Value.Obj> m = method.value().asObj();
        if (m.isEmpty()) {
          continue;
        }
        Value.Obj integration =
            m.get().obj("methodIntegration").orElse(new Value.Obj(List.of(), at));
        template.put(
            (id.equals(root) ? api + "Root" : ids.get(id))
                + SnapshotCompiler.logicalId(method.key().toLowerCase(java.util.Locale.ROOT))
                + "Method",
            resource(
                "AWS::ApiGateway::Method",
                new ValueTree(m.get().at())
                    .put("RestApiId", ref(api, at))
                    .put("ResourceId", self)
                    .put("HttpMethod", Value.Str.of(method.key(), method.keyAt()))
                    .put("AuthorizationType", m.get().get("authorizationType"))
                    .put("ApiKeyRequired", m.get().get("apiKeyRequired"))
                    .put(
                        "Integration",
                        new ValueTree(integration.at())
                            .put("Type", integration.get("type"))
                            .put(
                                "Uri",
                                integration.get("uri").map(u -> invocationUri(u, functionIds)))),
                m.get().at()));
      }
    }
  }

  /**
   * A REST API's stages: access logs, tracing, and the method settings that apply to every route
   * (every method on every path: throttling, logging level).
   */
  private static void restStages(Value.Obj document, String api, ValueTree template) {
    for (Value.Obj stage : document.objects("item")) {
      SourceLocation at = stage.at();
      List<Value> settings = new ArrayList<>();
      stage
          .obj("methodSettings")
          .ifPresent(
              all ->
                  all.fields()
                      .forEach(
                          f ->
                              f.value()
                                  .asObj()
                                  .ifPresent(
                                      s -> settings.add(methodSetting(f.key(), s, f.keyAt())))));
      Optional<Value.Obj> log = stage.obj("accessLogSettings");
      template.put(
          api + "Stage" + SnapshotCompiler.logicalId(text(stage, "stageName")),
          resource(
              "AWS::ApiGateway::Stage",
              new ValueTree(at)
                  .put("RestApiId", ref(api, at))
                  .put("StageName", stage.get("stageName"))
                  .put("TracingEnabled", stage.get("tracingEnabled"))
                  .put("MethodSettings", new Value.Seq(settings, at))
                  .put(
                      "AccessLogSetting",
                      log.map(
                          l ->
                              new ValueTree(l.at())
                                  .put("DestinationArn", l.get("destinationArn"))
                                  .put("Format", l.get("format"))
                                  .build())),
              at));
    }
  }

  /** {@code "*}{@code /*": {throttlingRateLimit…}} as CloudFormation's MethodSettings entry. */
  private static Value methodSetting(String key, Value.Obj s, SourceLocation at) {
    int slash = key.lastIndexOf('/');
    String path = slash <= 0 ? "/*" : key.substring(0, slash);
    String method = slash < 0 ? "*" : key.substring(slash + 1);
    return new ValueTree(at)
        .put("ResourcePath", Value.Str.of(path.startsWith("/") ? path : "/" + path, at))
        .put("HttpMethod", Value.Str.of(method, at))
        .put("ThrottlingRateLimit", s.get("throttlingRateLimit"))
        .put("ThrottlingBurstLimit", s.get("throttlingBurstLimit"))
        .put("LoggingLevel", s.get("loggingLevel"))
        .put("MetricsEnabled", s.get("metricsEnabled"))
        .build();
  }

  /** An HTTP or WebSocket API's stages: access logs and default route throttling. */
  private static void httpStages(Value.Obj document, String api, ValueTree template) {
    for (Value.Obj stage : document.objects("Items")) {
      SourceLocation at = stage.at();
      template.put(
          api + "Stage" + SnapshotCompiler.logicalId(text(stage, "StageName")),
          resource(
              "AWS::ApiGatewayV2::Stage",
              new ValueTree(at)
                  .put("ApiId", ref(api, at))
                  .put("StageName", stage.get("StageName"))
                  .put("AutoDeploy", stage.get("AutoDeploy"))
                  .put("AccessLogSettings", stage.get("AccessLogSettings"))
                  .put("DefaultRouteSettings", stage.get("DefaultRouteSettings")),
              at));
    }
  }

  /** The API an export of routes, resources or integrations belongs to. */
  private Optional<String> apiOf(AwsExport export, Map<String, String> apis, String kind) {
    String folder = export.folder();
    String last = folder.substring(folder.lastIndexOf('/') + 1);
    if (apis.containsKey(last)) {
      return Optional.of(apis.get(last));
    }
    String file = export.display();
    String name = file.substring(file.lastIndexOf('/') + 1);
    for (Map.Entry<String, String> api : apis.entrySet()) {
      if (name.contains(api.getKey())) {
        return Optional.of(api.getValue());
      }
    }
    if (apis.size() == 1) {
      return Optional.of(apis.values().iterator().next());
    }
    problems.add(
        new InputProblem(
            SourceLocation.ofFile(file),
            "cannot tell which " + kind + " these routes or resources belong to; not read",
            "Put the export in a folder named after the API's id, or name the file after it"
                + " (get-routes-ID.json), beside the export that lists the APIs."));
    return Optional.empty();
  }

  /** A Lambda ARN the template declares, as the function's {@code Arn}; else as exported. */
  private static Value functionArn(Value uri, Map<String, String> functionIds) {
    String text = uri.asString().orElse("");
    String id = functionIds.get(SnapshotCompiler.unqualified(text));
    return id == null ? uri : getAtt(id, "Arn", uri.at());
  }

  /** {@code arn:aws:apigateway:R:lambda:path/2015-03-31/functions/ARN/invocations}, linked. */
  private static Value invocationUri(Value uri, Map<String, String> functionIds) {
    String text = uri.asString().orElse("");
    int start = text.indexOf("/functions/");
    int end = text.lastIndexOf("/invocations");
    if (start < 0 || end <= start) {
      return uri;
    }
    String id = functionIds.get(SnapshotCompiler.unqualified(text.substring(start + 11, end)));
    if (id == null) {
      return uri;
    }
    return sub(text.substring(0, start + 11) + "${" + id + ".Arn}" + text.substring(end), uri.at());
  }

  private static String text(Value.Obj obj, String key) {
    return obj.get(key).flatMap(Value::asString).orElse("");
  }

  private static Value.Obj sub(String text, SourceLocation at) {
    return new ValueTree(at).put("Fn::Sub", Value.Str.of(text, at)).build();
  }
}
