package dev.warden.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP server that answers the AWS API calls of the collector for a {@link FakeAccount}, in
 * the wire protocols the real services speak (Lambda and API Gateway: REST-JSON; IAM, STS and SNS:
 * query with XML answers; SQS, EventBridge and CloudWatch Logs: JSON with X-Amz-Target; S3:
 * REST-XML), so that the real SDK clients talk to it through {@code --endpoint-url}. The service
 * and region of each request come from its SigV4 credential scope. It pages every listing, and can
 * throttle, deny, and refuse a region as AWS does. These are the AWS API shapes; they are not a
 * live account.
 */
public final class FakeAws implements AutoCloseable {

  /** A request as the server understood it. */
  public record Request(String service, String operation, String region) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR =
      new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper();
  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");

  private final FakeAccount account;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final long latencyMillis;
  private final Queue requests = new Queue();
  private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private final Set<String> disabledRegions = ConcurrentHashMap.newKeySet();
  private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();
  private volatile int pageSize = 50;

  private static final class Queue extends ConcurrentLinkedQueue<Request> {
    private static final long serialVersionUID = 1L;
  }

  public FakeAws(FakeAccount account, Duration latency) throws IOException {
    // Without TCP_NODELAY the server's headers and body go out as two small segments, and the
    // client's delayed ACK adds 40 ms to every call: a latency the benchmark did not ask for.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.account = account;
    this.latencyMillis = latency.toMillis();
    this.server =
        HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI endpoint() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  /** The first {@code times} calls of the operation are throttled. */
  public FakeAws throttle(String operation, int times) {
    throttles.put(operation, new AtomicInteger(times));
    return this;
  }

  /** Calls of the operation in the region (or {@code *}) are denied. */
  public FakeAws deny(String operation, String region) {
    denied.add(operation + "@" + region);
    return this;
  }

  /** Every call in the region fails as in an opt-in region the account has not enabled. */
  public FakeAws disableRegion(String region) {
    disabledRegions.add(region);
    return this;
  }

  /** Assuming this role is refused. */
  public FakeAws denyRole(String roleArn) {
    deniedRoles.add(roleArn);
    return this;
  }

  /** How many items each page of a listing holds. */
  public FakeAws pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public long count(String operation) {
    return requests.stream().filter(r -> r.operation().equals(operation)).count();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- dispatch -----------------------------------------------------------------------------

  @SuppressWarnings("ArrayRecordComponent") // the server's own values, never compared
  private record Call(
      String service,
      String region,
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> form,
      String target,
      byte[] body) {}

  @SuppressWarnings("ArrayRecordComponent")
  private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Answer json(Object node) {
      try {
        return new Answer(200, "application/json", JSON.writeValueAsBytes(node), Map.of());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Answer xml(String xml) {
      return new Answer(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      if (uri.getPath().startsWith("/code/")) {
        send(exchange, new Answer(200, "application/zip", zip(uri.getPath()), Map.of()));
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
      if (!scope.find()) {
        send(
            exchange,
            new Answer(403, "text/plain", "unsigned".getBytes(StandardCharsets.UTF_8), Map.of()));
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      Map<String, String> form =
          contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
              ? parse(new String(body, StandardCharsets.UTF_8))
              : Map.of();
      Call call =
          new Call(
              scope.group(2),
              scope.group(1),
              exchange.getRequestMethod(),
              uri.getRawPath(),
              parse(uri.getRawQuery()),
              form,
              target == null ? "" : target,
              body);
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      send(exchange, answer(call));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      e.printStackTrace();
      throw e;
    }
  }

  private Answer answer(Call call) throws IOException {
    String operation = operation(call);
    requests.add(new Request(call.service(), operation, call.region()));
    boolean global = call.service().equals("iam") || call.service().equals("sts");
    if (!global && disabledRegions.contains(call.region())) {
      return error(
          call,
          403,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.");
    }
    AtomicInteger throttle = throttles.get(operation);
    if (throttle != null && throttle.getAndDecrement() > 0) {
      return call.service().equals("lambda") || call.service().equals("apigateway")
          ? error(call, 429, "ThrottlingException", "Rate exceeded")
          : error(
              call,
              400,
              call.service().equals("iam") ? "Throttling" : "ThrottlingException",
              "Rate exceeded");
    }
    if (denied.contains(operation + "@" + call.region()) || denied.contains(operation + "@*")) {
      return error(
          call,
          403,
          call.service().equals("lambda") ? "AccessDeniedException" : "AccessDenied",
          "User: arn:aws:iam::"
              + account.id
              + ":user/auditor is not authorized to perform: "
              + call.service()
              + ":"
              + operation);
    }
    return switch (call.service()) {
      case "sts" -> sts(call, operation);
      case "iam" -> iam(call);
      case "lambda" -> lambda(call, operation);
      case "apigateway" -> apiGateway(call, operation);
      case "s3" -> s3(call, operation);
      case "sns" -> sns(call);
      case "sqs" -> sqs(call);
      case "events" -> events(call, operation);
      case "logs" -> logs(call);
      case "monitoring" -> cloudWatch(call, operation);
      default -> error(call, 400, "UnknownOperationException", call.service());
    };
  }

  private static final Pattern LAMBDA =
      Pattern.compile(
          "/\\d{4}-\\d{2}-\\d{2}/(functions|event-source-mappings|layers)/?([^/]*)/?([^/]*)/?([^/]*)/?([^/]*)");

  static String operation(Call call) {
    if (!call.form().isEmpty()) {
      return call.form().getOrDefault("Action", "?");
    }
    if (!call.target().isEmpty()) {
      return call.target().substring(call.target().indexOf('.') + 1);
    }
    if (call.path().contains("/operation/")) { // Smithy RPC v2 CBOR
      return call.path().substring(call.path().lastIndexOf('/') + 1);
    }
    String path = call.path();
    switch (call.service()) {
      case "lambda" -> {
        Matcher m = LAMBDA.matcher(path);
        if (!m.matches()) {
          return "?";
        }
        if (m.group(1).equals("event-source-mappings")) {
          return "ListEventSourceMappings";
        }
        if (m.group(1).equals("layers")) {
          if (!m.group(5).isEmpty() && m.group(5).equals("policy")) {
            return "GetLayerVersionPolicy";
          }
          return m.group(4).isEmpty() ? "ListLayerVersions" : "GetLayerVersion";
        }
        if (m.group(2).isEmpty()) {
          return "ListFunctions";
        }
        return switch (m.group(3)) {
          case "" -> "GetFunction";
          case "policy" -> "GetPolicy";
          case "aliases" -> "ListAliases";
          case "url" -> "GetFunctionUrlConfig";
          case "event-invoke-config" -> "GetFunctionEventInvokeConfig";
          case "code-signing-config" -> "GetFunctionCodeSigningConfig";
          default -> "?";
        };
      }
      case "apigateway" -> {
        String[] parts = path.split("/", -1);
        if (path.startsWith("/v2/apis")) {
          if (parts.length <= 3) {
            return "GetApis";
          }
          return switch (parts[4]) {
            case "routes" -> "GetRoutes";
            case "integrations" -> "GetIntegrations";
            case "authorizers" -> "GetAuthorizers.v2";
            case "stages" -> "GetStages.v2";
            default -> "?";
          };
        }
        if (parts.length <= 2) {
          return "GetRestApis";
        }
        return switch (parts[3]) {
          case "resources" -> "GetResources";
          case "authorizers" -> "GetAuthorizers";
          case "stages" -> "GetStages";
          default -> "?";
        };
      }
      case "s3" -> {
        if (call.query().containsKey("notification")) {
          return "GetBucketNotificationConfiguration";
        }
        if (call.query().containsKey("publicAccessBlock")) {
          return "GetPublicAccessBlock";
        }
        if (call.query().containsKey("policyStatus")) {
          return "GetBucketPolicyStatus";
        }
        return "?";
      }
      default -> {
        return "?";
      }
    }
  }

  // ---- services -----------------------------------------------------------------------------

  private Answer sts(Call call, String operation) {
    if (operation.equals("AssumeRole")) {
      String role = call.form().get("RoleArn");
      if (deniedRoles.contains(role)) {
        return error(
            call,
            403,
            "AccessDenied",
            "User is not authorized to perform: sts:AssumeRole on resource: " + role);
      }
      return Answer.xml(
          "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
              + "<Credentials><AccessKeyId>ASIAFAKE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>"
              + "<SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
              + "<AssumedRoleUser><Arn>arn:aws:sts::"
              + account.id
              + ":assumed-role/audit/warden-collect</Arn>"
              + "<AssumedRoleId>AROAFAKE:warden-collect</AssumedRoleId></AssumedRoleUser>"
              + "</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }
    return Answer.xml(
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::"
            + account.id
            + ":user/auditor</Arn><UserId>AIDAFAKE</UserId>"
            + "<Account>"
            + account.id
            + "</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
  }

  private Answer iam(Call call) {
    int from = Integer.parseInt(call.form().getOrDefault("Marker", "0"));
    int to = Math.min(account.roles.size(), from + pageSize);
    StringBuilder xml = new StringBuilder();
    xml.append(
            "<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
        .append("<GetAccountAuthorizationDetailsResult><RoleDetailList>");
    for (FakeAccount.Role role : account.roles.subList(from, to)) {
      xml.append("<member><Path>/</Path><RoleName>")
          .append(role.name())
          .append("</RoleName>")
          .append("<RoleId>AROA")
          .append(role.name().hashCode() & 0xffff)
          .append("</RoleId>")
          .append("<Arn>")
          .append(account.roleArn(role.name()))
          .append("</Arn>")
          .append("<CreateDate>2025-01-01T00:00:00Z</CreateDate>")
          .append("<AssumeRolePolicyDocument>")
          .append(url(role.trust()))
          .append("</AssumeRolePolicyDocument>")
          .append("<RolePolicyList>");
      role.inline()
          .forEach(
              (name, doc) ->
                  xml.append("<member><PolicyName>")
                      .append(name)
                      .append("</PolicyName><PolicyDocument>")
                      .append(url(doc))
                      .append("</PolicyDocument></member>"));
      xml.append("</RolePolicyList><AttachedManagedPolicies>");
      for (String arn : role.attached()) {
        xml.append("<member><PolicyName>")
            .append(arn.substring(arn.lastIndexOf('/') + 1))
            .append("</PolicyName><PolicyArn>")
            .append(arn)
            .append("</PolicyArn></member>");
      }
      xml.append("</AttachedManagedPolicies>");
      String boundary = account.roleBoundaries.get(role.name());
      if (boundary != null) {
        xml.append("<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>")
            .append("<PermissionsBoundaryArn>")
            .append(boundary)
            .append("</PermissionsBoundaryArn></PermissionsBoundary>");
      }
      xml.append("<InstanceProfileList/><Tags/></member>");
    }
    xml.append("</RoleDetailList><GroupDetailList/><UserDetailList/><Policies>");
    if (from == 0) {
      account.customerPolicies.forEach(
          (name, doc) ->
              xml.append("<member><PolicyName>")
                  .append(name)
                  .append("</PolicyName><PolicyId>ANPA1</PolicyId><Arn>arn:aws:iam::")
                  .append(account.id)
                  .append(":policy/")
                  .append(name)
                  .append("</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId>")
                  .append(
                      "<AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable><PolicyVersionList><member>")
                  .append("<Document>")
                  .append(url(doc))
                  .append("</Document><VersionId>v1</VersionId>")
                  .append(
                      "<IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member>"));
    }
    xml.append("</Policies><IsTruncated>")
        .append(to < account.roles.size())
        .append("</IsTruncated>");
    if (to < account.roles.size()) {
      xml.append("<Marker>").append(to).append("</Marker>");
    }
    xml.append("</GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>1</RequestId>")
        .append("</ResponseMetadata></GetAccountAuthorizationDetailsResponse>");
    return Answer.xml(xml.toString());
  }

  private Answer lambda(Call call, String operation) throws IOException {
    String region = call.region();
    List<FakeAccount.Function> all = account.functions.getOrDefault(region, List.of());
    Matcher m = LAMBDA.matcher(call.path());
    if (!m.matches()) {
      return error(call, 404, "UnknownOperationException", call.path());
    }
    String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    FakeAccount.Function f = account.find(region, name);
    switch (operation) {
      case "ListFunctions" -> {
        List<ObjectNode> items = new ArrayList<>();
        for (FakeAccount.Function each : all) {
          items.add(configuration(each, "$LATEST"));
          for (int v = 1; v <= each.publishedVersions; v++) {
            items.add(configuration(each, String.valueOf(v)));
          }
        }
        return page(call, items, "Functions", "Marker", "NextMarker");
      }
      case "ListEventSourceMappings" -> {
        List<ObjectNode> items = new ArrayList<>();
        for (FakeAccount.Function each : all) {
          if (each.queueArn != null) {
            ObjectNode mapping = JSON.createObjectNode();
            mapping.put("UUID", "esm-" + each.name);
            mapping.put("EventSourceArn", each.queueArn);
            mapping.put("FunctionArn", account.functionArn(each));
            mapping.put("BatchSize", 10);
            mapping.put("State", "Enabled");
            items.add(mapping);
          }
        }
        return page(call, items, "EventSourceMappings", "Marker", "NextMarker");
      }
      case "ListLayerVersions" -> {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode versions = answer.putArray("LayerVersions");
        ObjectNode v = versions.addObject();
        v.put(
            "LayerVersionArn",
            "arn:aws:lambda:" + region + ":" + account.id + ":layer:" + name + ":1");
        v.put("Version", 1);
        v.putArray("CompatibleRuntimes").add("python3.12");
        return Answer.json(answer);
      }
      case "GetLayerVersionPolicy" -> {
        String policy = account.layerPolicies.get(name);
        if (policy == null) {
          return error(
              call,
              404,
              "ResourceNotFoundException",
              "No policy is associated with the given resource.");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("Policy", policy);
        answer.put("RevisionId", "r1");
        return Answer.json(answer);
      }
      case "GetLayerVersion" -> {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("Content").put("Location", endpoint() + "/code/layer/" + name + ".zip");
        answer.put("Version", 1);
        return Answer.json(answer);
      }
      default -> {
        // per-function operations below
      }
    }
    if (f == null) {
      return error(call, 404, "ResourceNotFoundException", "Function not found: " + name);
    }
    String arn = account.functionArn(f);
    ObjectNode answer = JSON.createObjectNode();
    switch (operation) {
      case "GetFunction" -> {
        answer.set("Configuration", configuration(f, "$LATEST"));
        ObjectNode code = answer.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", endpoint() + "/code/" + f.region + "/" + f.name + ".zip");
        answer.putObject("Tags").put("team", "payments");
        return Answer.json(answer);
      }
      case "GetPolicy" -> {
        if (f.policyStatements.isEmpty()) {
          return error(
              call, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
        answer.put(
            "Policy",
            "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":["
                + String.join(",", f.policyStatements)
                + "]}");
        answer.put("RevisionId", "rev-" + f.name);
        return Answer.json(answer);
      }
      case "ListAliases" -> {
        List<ObjectNode> items = new ArrayList<>();
        f.aliases.forEach(
            (alias, version) -> {
              ObjectNode a = JSON.createObjectNode();
              a.put("AliasArn", arn + ":" + alias);
              a.put("Name", alias);
              a.put("FunctionVersion", version);
              items.add(a);
            });
        return page(call, items, "Aliases", "Marker", "NextMarker");
      }
      case "GetFunctionUrlConfig" -> {
        if (f.urlAuthType == null) {
          return error(
              call, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
        answer.put("FunctionUrl", "https://" + f.name + ".lambda-url." + f.region + ".on.aws/");
        answer.put("FunctionArn", arn);
        answer.put("AuthType", f.urlAuthType);
        answer.put("InvokeMode", "BUFFERED");
        return Answer.json(answer);
      }
      case "GetFunctionEventInvokeConfig" -> {
        return error(
            call,
            404,
            "ResourceNotFoundException",
            "The function " + arn + " doesn't have an EventInvokeConfig");
      }
      case "GetFunctionCodeSigningConfig" -> {
        answer.put("CodeSigningConfigArn", "");
        answer.put("FunctionName", f.name);
        return Answer.json(answer);
      }
      default -> {
        return error(call, 400, "InvalidRequestException", operation);
      }
    }
  }

  private ObjectNode configuration(FakeAccount.Function f, String version) {
    ObjectNode c = JSON.createObjectNode();
    c.put("FunctionName", f.name);
    c.put("FunctionArn", account.functionArn(f) + (version.equals("$LATEST") ? "" : ":" + version));
    c.put("Runtime", f.versionRuntimes.getOrDefault(version, f.runtime));
    c.put("Role", f.role);
    c.put("Handler", f.handler);
    c.put("CodeSize", 1024);
    c.put("Timeout", 30);
    c.put("MemorySize", 512);
    c.put("LastModified", "2026-11-01T10:00:00.000+0000");
    c.put("CodeSha256", "c2hh");
    c.put("Version", version);
    if (!f.environment.isEmpty()) {
      ObjectNode variables = c.putObject("Environment").putObject("Variables");
      f.environment.forEach(variables::put);
    }
    c.putObject("TracingConfig").put("Mode", "PassThrough");
    if (!f.layers.isEmpty()) {
      ArrayNode layers = c.putArray("Layers");
      f.layers.forEach(l -> layers.addObject().put("Arn", l).put("CodeSize", 10));
    }
    c.put("PackageType", "Zip");
    c.putArray("Architectures").add("x86_64");
    return c;
  }

  private Answer page(
      Call call, List<ObjectNode> items, String list, String markerParam, String nextName) {
    int from = Integer.parseInt(call.query().getOrDefault(markerParam, "0"));
    int size =
        Math.min(
            pageSize,
            Integer.parseInt(call.query().getOrDefault("MaxItems", String.valueOf(pageSize))));
    int to = Math.min(items.size(), from + size);
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode array = answer.putArray(list);
    items.subList(from, to).forEach(array::add);
    if (to < items.size()) {
      answer.put(nextName, String.valueOf(to));
    }
    return Answer.json(answer);
  }

  private Answer apiGateway(Call call, String operation) {
    List<FakeAccount.Api> apis = account.apis.getOrDefault(call.region(), List.of());
    String[] parts = call.path().split("/", -1);
    boolean v2 = call.path().startsWith("/v2/");
    String id = v2 ? (parts.length > 3 ? parts[3] : "") : (parts.length > 2 ? parts[2] : "");
    FakeAccount.Api api = apis.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    ObjectNode answer = JSON.createObjectNode();
    switch (operation) {
      case "GetRestApis" -> {
        List<ObjectNode> items = new ArrayList<>();
        for (FakeAccount.Api a : apis) {
          if (!a.http()) {
            ObjectNode item = JSON.createObjectNode();
            item.put("id", a.id());
            item.put("name", a.name());
            if (a.policy() != null) {
              item.put("policy", a.policy());
            }
            item.putObject("endpointConfiguration").putArray("types").add("REGIONAL");
            items.add(item);
          }
        }
        return pageV1(call, items);
      }
      case "GetApis" -> {
        ArrayNode items = answer.putArray("items");
        for (FakeAccount.Api a : apis) {
          if (a.http()) {
            items
                .addObject()
                .put("apiId", a.id())
                .put("name", a.name())
                .put("protocolType", "HTTP")
                .put(
                    "apiEndpoint",
                    "https://" + a.id() + ".execute-api." + call.region() + ".amazonaws.com");
          }
        }
        return Answer.json(answer);
      }
      default -> {
        // per-API operations below
      }
    }
    if (api == null) {
      return error(call, 404, "NotFoundException", "Invalid API identifier specified");
    }
    switch (operation) {
      case "GetResources" -> {
        List<ObjectNode> items = new ArrayList<>();
        ObjectNode root = JSON.createObjectNode().put("id", "root").put("path", "/");
        items.add(root);
        int n = 0;
        for (FakeAccount.Route route : api.routes()) {
          ObjectNode resource = JSON.createObjectNode();
          resource.put("id", "r" + n++);
          resource.put("parentId", "root");
          resource.put("path", route.path());
          resource.put("pathPart", route.path().substring(route.path().lastIndexOf('/') + 1));
          ObjectNode method = resource.putObject("resourceMethods").putObject(route.method());
          method.put("httpMethod", route.method());
          method.put("authorizationType", route.authorization());
          method.put("apiKeyRequired", false);
          method
              .putObject("methodIntegration")
              .put("type", "AWS_PROXY")
              .put("httpMethod", "POST")
              .put(
                  "uri",
                  "arn:aws:apigateway:"
                      + call.region()
                      + ":lambda:path/2015-03-31/functions/"
                      + functionArn(call.region(), route.function())
                      + "/invocations");
          items.add(resource);
        }
        return pageV1(call, items);
      }
      case "GetAuthorizers" -> {
        answer.putArray("item");
        return Answer.json(answer);
      }
      case "GetStages" -> {
        ObjectNode stage = answer.putArray("item").addObject();
        stage.put("stageName", "prod").put("deploymentId", "d1");
        stage
            .putObject("accessLogSettings")
            .put(
                "destinationArn",
                "arn:aws:logs:" + call.region() + ":" + account.id + ":log-group:api")
            .put("format", "$context.requestId $context.identity.sourceIp");
        stage
            .putObject("methodSettings")
            .putObject("*/*")
            .put("throttlingRateLimit", 100.0)
            .put("throttlingBurstLimit", 50)
            .put("loggingLevel", "ERROR")
            .put("metricsEnabled", true);
        return Answer.json(answer);
      }
      case "GetRoutes" -> {
        ArrayNode items = answer.putArray("items");
        int n = 0;
        for (FakeAccount.Route route : api.routes()) {
          items
              .addObject()
              .put("routeId", "rt" + n)
              .put("routeKey", route.method() + " " + route.path())
              .put("authorizationType", route.authorization())
              .put("target", "integrations/i" + n);
          n++;
        }
        return Answer.json(answer);
      }
      case "GetIntegrations" -> {
        ArrayNode items = answer.putArray("items");
        int n = 0;
        for (FakeAccount.Route route : api.routes()) {
          items
              .addObject()
              .put("integrationId", "i" + n++)
              .put("integrationType", "AWS_PROXY")
              .put("integrationUri", functionArn(call.region(), route.function()))
              .put("payloadFormatVersion", "2.0");
        }
        return Answer.json(answer);
      }
      case "GetAuthorizers.v2" -> {
        answer.putArray("items");
        return Answer.json(answer);
      }
      case "GetStages.v2" -> {
        ObjectNode stage = answer.putArray("items").addObject();
        stage.put("stageName", "$default").put("autoDeploy", true);
        stage
            .putObject("accessLogSettings")
            .put(
                "destinationArn",
                "arn:aws:logs:" + call.region() + ":" + account.id + ":log-group:http")
            .put("format", "$context.requestId");
        stage
            .putObject("defaultRouteSettings")
            .put("throttlingRateLimit", 100.0)
            .put("throttlingBurstLimit", 50);
        return Answer.json(answer);
      }
      default -> {
        return error(call, 404, "NotFoundException", operation);
      }
    }
  }

  private String functionArn(String region, String name) {
    return "arn:aws:lambda:" + region + ":" + account.id + ":function:" + name;
  }

  private Answer pageV1(Call call, List<ObjectNode> items) {
    int from = Integer.parseInt(call.query().getOrDefault("position", "0"));
    int to = Math.min(items.size(), from + pageSize);
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode array = answer.putArray("item");
    items.subList(from, to).forEach(array::add);
    if (to < items.size()) {
      answer.put("position", String.valueOf(to));
    }
    return Answer.json(answer);
  }

  private Answer s3(Call call, String operation) {
    String name = call.path().substring(1).split("/", -1)[0];
    FakeAccount.Bucket bucket = account.buckets.get(name);
    if (bucket == null) {
      return error(call, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    return switch (operation) {
      case "GetBucketNotificationConfiguration" -> {
        StringBuilder xml =
            new StringBuilder(
                "<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        int n = 0;
        for (String arn : bucket.notifiedFunctionArns()) {
          xml.append("<CloudFunctionConfiguration><Id>n")
              .append(n++)
              .append("</Id><CloudFunction>")
              .append(arn)
              .append(
                  "</CloudFunction><Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration>");
        }
        yield Answer.xml(xml.append("</NotificationConfiguration>").toString());
      }
      case "GetPublicAccessBlock" ->
          bucket.publicAccessBlocked()
              ? Answer.xml(
                  "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                      + "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                      + "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>")
              : error(
                  call,
                  404,
                  "NoSuchPublicAccessBlockConfiguration",
                  "The public access block configuration was not found");
      case "GetBucketPolicyStatus" ->
          Answer.xml(
              "<PolicyStatus><IsPublic>"
                  + !bucket.publicAccessBlocked()
                  + "</IsPublic></PolicyStatus>");
      default -> error(call, 400, "InvalidRequest", operation);
    };
  }

  private Answer sns(Call call) {
    String topic = call.form().getOrDefault("TopicArn", "");
    if (call.form().getOrDefault("Action", "").equals("ListSubscriptionsByTopic")) {
      StringBuilder xml =
          new StringBuilder(
              "<ListSubscriptionsByTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                  + "<ListSubscriptionsByTopicResult><Subscriptions>");
      for (String endpoint : account.topicSubscribers.getOrDefault(topic, List.of())) {
        xml.append("<member><TopicArn>")
            .append(topic)
            .append("</TopicArn><Protocol>lambda</Protocol>")
            .append("<SubscriptionArn>")
            .append(topic)
            .append(":sub-1</SubscriptionArn>")
            .append("<Owner>")
            .append(account.id)
            .append("</Owner><Endpoint>")
            .append(endpoint)
            .append("</Endpoint></member>");
      }
      return Answer.xml(
          xml.append("</Subscriptions></ListSubscriptionsByTopicResult><ResponseMetadata>")
              .append(
                  "<RequestId>1</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>")
              .toString());
    }
    String policy = account.topicPolicies.get(topic);
    if (policy == null) {
      return error(call, 404, "NotFound", "Topic does not exist");
    }
    return Answer.xml(
        "<GetTopicAttributesResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><GetTopicAttributesResult>"
            + "<Attributes><entry><key>Policy</key><value>"
            + escape(policy)
            + "</value></entry>"
            + "<entry><key>TopicArn</key><value>"
            + topic
            + "</value></entry></Attributes>"
            + "</GetTopicAttributesResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
            + "</GetTopicAttributesResponse>");
  }

  private Answer sqs(Call call) throws IOException {
    String url = JSON.readTree(call.body()).path("QueueUrl").asText();
    String name = url.substring(url.lastIndexOf('/') + 1);
    String policy = account.queuePolicies.get(name);
    ObjectNode answer = JSON.createObjectNode();
    ObjectNode attributes = answer.putObject("Attributes");
    attributes.put("QueueArn", "arn:aws:sqs:" + call.region() + ":" + account.id + ":" + name);
    if (policy != null) {
      attributes.put("Policy", policy);
    }
    return Answer.json(answer);
  }

  private Answer events(Call call, String operation) throws IOException {
    String name =
        JSON.readTree(call.body())
            .path(operation.equals("DescribeRule") ? "Name" : "Rule")
            .asText();
    ObjectNode answer = JSON.createObjectNode();
    if (operation.equals("DescribeRule")) {
      answer.put("Name", name);
      answer.put("Arn", "arn:aws:events:" + call.region() + ":" + account.id + ":rule/" + name);
      answer.put("ScheduleExpression", "rate(1 hour)");
      answer.put("State", "ENABLED");
      answer.put("EventBusName", "default");
    } else {
      ArrayNode targets = answer.putArray("Targets");
      int n = 0;
      for (String arn : account.ruleTargets.getOrDefault(name, List.of())) {
        targets.addObject().put("Id", "t" + n++).put("Arn", arn);
      }
    }
    return Answer.json(answer);
  }

  private Answer cloudWatch(Call call, String operation) throws IOException {
    if (!operation.equals("DescribeAlarms")) {
      return error(call, 400, "InvalidAction", operation);
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode alarms = answer.putArray("MetricAlarms");
    for (String api : account.apiAlarms.getOrDefault(call.region(), List.of())) {
      boolean http = api.startsWith("http");
      ObjectNode alarm = alarms.addObject();
      alarm.put("AlarmName", api + "-5xx");
      alarm.put("Namespace", "AWS/ApiGateway");
      alarm.put("MetricName", http ? "5xx" : "5XXError");
      alarm
          .putArray("Dimensions")
          .addObject()
          .put("Name", http ? "ApiId" : "ApiName")
          .put("Value", api);
    }
    answer.putArray("CompositeAlarms");
    return new Answer(
        200,
        "application/cbor",
        CBOR.writeValueAsBytes(answer),
        Map.of("smithy-protocol", "rpc-v2-cbor"));
  }

  private Answer logs(Call call) throws IOException {
    String token = JSON.readTree(call.body()).path("nextToken").asText("0");
    List<FakeAccount.Function> all = account.functions.getOrDefault(call.region(), List.of());
    int from = Integer.parseInt(token);
    int to = Math.min(all.size(), from + pageSize);
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode groups = answer.putArray("logGroups");
    for (FakeAccount.Function f : all.subList(from, to)) {
      ObjectNode g = groups.addObject();
      g.put("logGroupName", "/aws/lambda/" + f.name);
      g.put(
          "arn",
          "arn:aws:logs:"
              + f.region
              + ":"
              + account.id
              + ":log-group:/aws/lambda/"
              + f.name
              + ":*");
      if (f.retentionDays > 0) {
        g.put("retentionInDays", f.retentionDays);
      }
    }
    if (to < all.size()) {
      answer.put("nextToken", String.valueOf(to));
    }
    return Answer.json(answer);
  }

  // ---- wire details -------------------------------------------------------------------------

  private Answer error(Call call, int status, String code, String message) {
    switch (call.service()) {
      case "lambda", "apigateway" -> {
        ObjectNode body = JSON.createObjectNode().put("message", message).put("Type", "User");
        try {
          return new Answer(
              status,
              "application/json",
              JSON.writeValueAsBytes(body),
              Map.of("x-amzn-ErrorType", code));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      case "sqs", "events", "logs" -> {
        ObjectNode body = JSON.createObjectNode().put("__type", code).put("message", message);
        try {
          return new Answer(
              status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body), Map.of());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      case "s3" -> {
        return new Answer(
            status,
            "application/xml",
            ("<Error><Code>"
                    + code
                    + "</Code><Message>"
                    + escape(message)
                    + "</Message><RequestId>1</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
      }
      default -> {
        return new Answer(
            status,
            "text/xml",
            ("<ErrorResponse><Error><Type>Sender</Type><Code>"
                    + code
                    + "</Code><Message>"
                    + escape(message)
                    + "</Message></Error><RequestId>1</RequestId></ErrorResponse>")
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
      }
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(
        answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    if (answer.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  private static Map<String, String> parse(@Nullable String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(key, value);
    }
    return values;
  }

  private static String url(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static byte[] zip(String path) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("app.py"));
      zip.write(
          ("import boto3\n\n# "
                  + path
                  + "\n\ndef handler(event, context):\n"
                  + "    boto3.client('dynamodb').get_item(TableName='t0', Key={})\n    return {}\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
