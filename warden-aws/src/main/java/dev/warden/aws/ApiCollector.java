package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.inventory.snapshot.SnapshotLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;

/**
 * A region's API Gateway APIs: REST APIs (v1: resources with their methods embedded, authorizers,
 * stages; the resource policy comes with the API) and HTTP and WebSocket APIs (v2: routes,
 * integrations, authorizers, stages). Each API's files are in a folder named by its id, which is
 * how the snapshot reader ties routes to their API.
 */
final class ApiCollector {

  private static final String PAGE = "500";

  private final Region region;
  private final AwsClients clients;
  private final CallRunner runner;
  private final ExecutorService pool;
  private final List<Future<?>> pending;

  ApiCollector(
      Region region,
      AwsClients clients,
      CallRunner runner,
      ExecutorService pool,
      List<Future<?>> pending) {
    this.region = region;
    this.clients = clients;
    this.runner = runner;
    this.pool = pool;
    this.pending = pending;
  }

  void collect() {
    restApis();
    httpApis();
  }

  private String dir(String service) {
    return "regions/" + region.id() + "/" + service + "/";
  }

  private void restApis() {
    ApiGatewayClient gateway = clients.apiGateway(region);
    Optional<JsonNode> apis =
        runner.fetch(
            dir("apigateway") + "get-rest-apis.json",
            "apigateway",
            "GetRestApis",
            region.id(),
            null,
            () ->
                SdkJson.merged(
                    gateway.getRestApisPaginator(r -> r.limit(500)).stream().toList(),
                    "items",
                    "position"));
    for (JsonNode api : apis.map(a -> a.path("items")).orElse(missing())) {
      String id = api.path("id").asText();
      String base = dir("apigateway") + SnapshotLayout.segment(id) + "/";
      pending.add(
          pool.submit(
              () -> {
                runner.fetch(
                    base + "get-resources.json",
                    "apigateway",
                    "GetResources",
                    region.id(),
                    id,
                    () ->
                        SdkJson.merged(
                            gateway
                                .getResourcesPaginator(
                                    r -> r.restApiId(id).embed("methods").limit(500))
                                .stream()
                                .toList(),
                            "items",
                            "position"));
                runner.fetch(
                    base + "get-authorizers.json",
                    "apigateway",
                    "GetAuthorizers",
                    region.id(),
                    id,
                    () ->
                        pages(
                            position ->
                                gateway.getAuthorizers(
                                    r -> r.restApiId(id).limit(500).position(position)),
                            page -> page.position(),
                            "items",
                            "position"));
                runner.fetch(
                    base + "get-stages.json",
                    "apigateway",
                    "GetStages",
                    region.id(),
                    id,
                    () -> SdkJson.of(gateway.getStages(r -> r.restApiId(id))));
              }));
    }
  }

  private void httpApis() {
    ApiGatewayV2Client gateway = clients.apiGatewayV2(region);
    Optional<JsonNode> apis =
        runner.fetch(
            dir("apigatewayv2") + "get-apis.json",
            "apigatewayv2",
            "GetApis",
            region.id(),
            null,
            () ->
                pages(
                    token -> gateway.getApis(r -> r.maxResults(PAGE).nextToken(token)),
                    page -> page.nextToken(),
                    "Items",
                    "NextToken"));
    for (JsonNode api : apis.map(a -> a.path("Items")).orElse(missing())) {
      String id = api.path("ApiId").asText();
      String base = dir("apigatewayv2") + SnapshotLayout.segment(id) + "/";
      pending.add(
          pool.submit(
              () -> {
                httpApiPart(
                    base,
                    "GetRoutes",
                    id,
                    token -> gateway.getRoutes(r -> r.apiId(id).maxResults(PAGE).nextToken(token)),
                    GetRoutesResponse::nextToken);
                httpApiPart(
                    base,
                    "GetIntegrations",
                    id,
                    token ->
                        gateway.getIntegrations(r -> r.apiId(id).maxResults(PAGE).nextToken(token)),
                    GetIntegrationsResponse::nextToken);
                httpApiPart(
                    base,
                    "GetAuthorizers",
                    id,
                    token ->
                        gateway.getAuthorizers(r -> r.apiId(id).maxResults(PAGE).nextToken(token)),
                    GetAuthorizersResponse::nextToken);
                httpApiPart(
                    base,
                    "GetStages",
                    id,
                    token -> gateway.getStages(r -> r.apiId(id).maxResults(PAGE).nextToken(token)),
                    GetStagesResponse::nextToken);
              }));
    }
  }

  /**
   * One listing of an HTTP or WebSocket API (routes, integrations, authorizers, stages), every
   * page, into {@code get-<part>.json} of the API's folder.
   */
  private <P extends SdkPojo> void httpApiPart(
      String base,
      String operation,
      String apiId,
      Function<@Nullable String, P> call,
      Function<P, @Nullable String> next) {
    String file = "get-" + operation.substring(3).toLowerCase(java.util.Locale.ROOT) + ".json";
    runner.fetch(
        base + file,
        "apigatewayv2",
        operation,
        region.id(),
        apiId,
        () -> pages(call, next, "Items", "NextToken"));
  }

  /** Pages of an operation without an SDK paginator, followed by their token. */
  static <P extends SdkPojo> JsonNode pages(
      Function<@Nullable String, P> call,
      Function<P, @Nullable String> next,
      String listMember,
      String token) {
    List<P> pages = new ArrayList<>();
    String position = null;
    do {
      P page = call.apply(position);
      pages.add(page);
      String following = next.apply(page);
      position =
          following == null || following.isEmpty() || following.equals(position) ? null : following;
    } while (position != null && pages.size() < 10_000);
    return SdkJson.merged(pages, listMember, token);
  }

  private static JsonNode missing() {
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
