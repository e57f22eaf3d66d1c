package dev.warden.inventory.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inventory.Auth;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.NothingToScan;
import dev.warden.scan.ScanRequest;
import dev.warden.testing.Loaded;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Serverless Framework service reads into the same inventory as a SAM template: every function
 * with the provider's defaults, its events as triggers with their authentication, the roles the
 * framework makes, and every location in serverless.yml.
 */
class ServerlessLoaderTest {

  @TempDir Path folder;

  private static Path orders() throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(ServerlessLoaderTest.class.getResource("orders/serverless.yml"))
            .toURI()
            .resolve("."));
  }

  private static Inventory load(Path path, @Nullable String stage) {
    return new InventoryLoader(new ScanRequest(List.of(path), Map.of(), ReadLimits.DEFAULT, stage))
        .load();
  }

  private static ServerlessFunction function(Inventory inventory, String logicalId) {
    return inventory
        .functions()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + logicalId));
  }

  private static String env(ServerlessFunction function, String name) {
    return function.environment().stream()
        .filter(v -> v.name().equals(name))
        .map(EnvironmentVariable::value)
        .map(Object::toString)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> triggers(ServerlessFunction function) {
    return function.triggers().stream()
        .map(
            t ->
                t.kind().wireName()
                    + t.route().map(r -> " " + r).orElse("")
                    + (t.isPublic() ? " public" : " internal")
                    + " "
                    + t.auth().wireName())
        .toList();
  }

  @Test
  void everyFunctionHasTheProviderDefaultsItsStageNameAndItsLineInServerlessYml() throws Exception {
    Inventory inventory = load(orders(), null);

    assertThat(inventory.apps())
        .singleElement()
        .satisfies(app -> assertThat(app.format()).isEqualTo("serverless"));
    assertThat(inventory.functions().map(f -> f.name().toString()))
        .containsExactly(
            "orders-dev-createOrder",
            "orders-dev-listOrders",
            "orders-dev-authorize",
            "orders-dev-processPayment",
            "orders-dev-thumbnail",
            "orders-dev-nightly",
            "orders-dev-chat",
            "orders-dev-secretLeak");
    ServerlessFunction create = function(inventory, "CreateOrderLambdaFunction");
    assertThat(create.declaredAt().toString()).isEqualTo("serverless.yml:53:3");
    assertThat(create.runtime()).contains("python3.12");
    assertThat(create.memoryMb()).contains(256); // ${self:custom.memory.${sls:stage}, 512}
    assertThat(create.timeoutSeconds()).contains(10);
    assertThat(create.tracing()).contains("Active");
    assertThat(create.handler()).contains("src/orders.create");
    assertThat(function(inventory, "ListOrdersLambdaFunction").memoryMb())
        .contains(
            384); // ${self:custom.settings.listMemory} from ${file(./config/${sls:stage}.yml)}
    assertThat(env(create, "TABLE_NAME")).isEqualTo("orders-dev-orders");
    assertThat(env(create, "API_SECRET")).isEqualTo("${ssm:/orders/dev/api-secret}");
    assertThat(env(create, "LOG_LEVEL")).isEqualTo("${env:LOG_LEVEL}");
    assertThat(inventory.apps().get(0).description())
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .contains("plugins that change security")
                    .contains("serverless-iam-roles-per-function (a role per function")
                    .contains("serverless-offline (runs the API locally without its authorizers"));
  }

  @Test
  void theStageOnTheCommandLineChoosesNamesSizesAndIncludedFiles() throws Exception {
    Inventory inventory = load(orders(), "prod");

    ServerlessFunction create = function(inventory, "CreateOrderLambdaFunction");
    assertThat(create.name().toString()).isEqualTo("orders-prod-createOrder");
    assertThat(create.memoryMb()).contains(1024);
    assertThat(function(inventory, "ListOrdersLambdaFunction").memoryMb()).contains(2048);
    assertThat(env(create, "TABLE_NAME")).isEqualTo("orders-prod-orders");
  }

  @Test
  void eventsBecomeTriggersWithTheirAuthentication() throws Exception {
    Inventory inventory = load(orders(), null);

    assertThat(triggers(function(inventory, "CreateOrderLambdaFunction")))
        .containsExactly(
            "http POST /orders public lambda-authorizer", "http GET /orders/{id} public none");
    assertThat(triggers(function(inventory, "ListOrdersLambdaFunction")))
        .containsExactly("http GET /orders public jwt", "http GET /health public none");
    assertThat(triggers(function(inventory, "AuthorizeLambdaFunction")))
        .singleElement()
        .asString()
        .startsWith("http");
    assertThat(triggers(function(inventory, "ProcessPaymentLambdaFunction")))
        .containsExactly("sqs internal iam", "dynamodb-stream internal iam");
    assertThat(triggers(function(inventory, "ThumbnailLambdaFunction")))
        .containsExactly("s3 internal iam");
    assertThat(triggers(function(inventory, "NightlyLambdaFunction")))
        .containsExactlyInAnyOrder(
            "schedule internal iam",
            "sns internal iam",
            "eventbridge internal iam",
            "function-url public none");
    assertThat(triggers(function(inventory, "ChatLambdaFunction")))
        .containsExactly("http WS $connect public none", "http WS $default public none");
    Trigger alexa = function(inventory, "SecretLeakLambdaFunction").triggers().get(0);
    assertThat(alexa.kind()).isEqualTo(TriggerKind.ALEXA);
    assertThat(alexa.auth()).isEqualTo(Auth.NONE); // no skill ID: any skill may call it
    assertThat(function(inventory, "ThumbnailLambdaFunction").invokePermissions())
        .anySatisfy(
            p -> {
              assertThat(p.principal().toString()).isEqualTo("s3.amazonaws.com");
              assertThat(p.sourceArn().map(Object::toString))
                  .contains("arn:aws:s3:::legacy-bucket");
            });
  }

  @Test
  void theFrameworksRolesHoldTheProviderStatementsLogsAndEventSourceReads() throws Exception {
    Inventory inventory = load(orders(), null);

    ServerlessFunction create = function(inventory, "CreateOrderLambdaFunction");
    assertThat(create.role().logicalId()).contains("IamRoleLambdaExecution");
    String shared = create.role().policies().get(0).document().toString();
    assertThat(shared)
        .contains("s3:*", "dynamodb:PutItem", "logs:PutLogEvents", "orders-dev-createOrder");
    ServerlessFunction payment = function(inventory, "ProcessPaymentLambdaFunction");
    assertThat(payment.role().logicalId()).contains("ProcessPaymentIamRoleLambdaExecution");
    String own = payment.role().policies().get(0).document().toString();
    assertThat(own)
        .contains("sqs:SendMessage", "sqs:ReceiveMessage", "dynamodb:GetRecords")
        .doesNotContain("s3:*");
    assertThat(inventory.apps().get(0).resource("CreateOrderLogGroup"))
        .hasValueSatisfying(
            group -> assertThat(group.properties().toString()).contains("RetentionInDays"));
  }

  @Test
  void variablesThatCannotBeResolvedAreProblemsWithTheirLineAndStaySymbolic() {
    Loaded.write(folder, "helper.js", "module.exports = () => ({ memory: 4096 });");
    Loaded.write(
        folder,
        "serverless.yml",
        """
        service: broken
        provider:
          name: aws
          runtime: nodejs20.x
          environment:
            MISSING: ${self:custom.nothing}
            FALLBACK: ${self:custom.nothing, 'plan-b'}
            SCRIPT: ${file(./helper.js):memory}
            OUTSIDE: ${file(../../etc/passwd)}
            LOOP: ${self:provider.environment.LOOP}
            TYPO: ${sssm:/x}
        functions:
          one:
            handler: index.handler
        """);
    Loaded loaded = Loaded.folder(folder);

    ServerlessFunction one = loaded.function("OneLambdaFunction");
    assertThat(env(one, "FALLBACK")).isEqualTo("plan-b");
    assertThat(env(one, "MISSING")).isEqualTo("${self:custom.nothing}");
    assertThat(env(one, "SCRIPT")).isEqualTo("${file(./helper.js)}");
    assertThat(loaded.problems())
        .extracting(p -> p.at().line() + " " + p.message())
        .contains(
            "6 cannot resolve ${self:custom.nothing}",
            "8 ${file(./helper.js)} is a script, which Warden never runs; the value is unknown",
            "9 ${file(../../etc/passwd)}: no such file inside the scanned folder",
            "10 ${self:provider.environment.LOOP} refers to itself",
            "11 unknown variable source 'sssm' in ${sssm:/x}");
  }

  @Test
  void cloudFormationsOwnVariablesAreLeftToFnSub() {
    Loaded loaded =
        Loaded.folder(
            write(
                """
                service: subs
                provider:
                  name: aws
                  runtime: python3.12
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: ssm:GetParameter
                          Resource: !Sub arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${self:service}/${param:stage, sls:stage}/config
                  environment:
                    URL: !Sub https://${ApiGatewayRestApi}.execute-api.${AWS::Region}.amazonaws.com/${sls:stage}
                functions:
                  one:
                    handler: app.handler
                    events:
                      - http: GET /
                """));

    ServerlessFunction one = loaded.function("OneLambdaFunction");
    assertThat(loaded.problems()).isEmpty();
    assertThat(env(one, "URL"))
        .isEqualTo("https://${ApiGatewayRestApi}.execute-api.${AWS::Region}.amazonaws.com/dev");
    assertThat(one.role().policies().get(0).document().toString())
        .contains("parameter/subs/${param:stage}/config");
  }

  @Test
  void perFunctionStatementsWithoutThePluginAreIgnoredAsTheFrameworkDoes() {
    Loaded loaded =
        Loaded.folder(
            write(
                """
                service: plain
                provider:
                  name: aws
                  runtime: python3.12
                functions:
                  worker:
                    handler: app.handler
                    iamRoleStatements:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: "*"
                """));

    ServerlessFunction worker = loaded.function("WorkerLambdaFunction");
    assertThat(worker.role().logicalId()).contains("IamRoleLambdaExecution");
    assertThat(worker.role().policies().get(0).document().toString())
        .doesNotContain("s3:GetObject");
    assertThat(loaded.problemMessages())
        .anyMatch(
            m -> m.contains("take effect only with the serverless-iam-roles-per-function plugin"));
  }

  @Test
  void rolesGivenByNameArnOrResourceAreUsedAsTheyAre() {
    Loaded loaded =
        Loaded.folder(
            write(
                """
                service: roles
                provider:
                  name: aws
                  runtime: python3.12
                  iam:
                    role: arn:aws:iam::123456789012:role/shared-lambda
                functions:
                  byProvider:
                    handler: app.handler
                  byName:
                    handler: app.handler
                    role: legacy-role
                  byResource:
                    handler: app.handler
                    role: CustomRole
                resources:
                  Resources:
                    CustomRole:
                      Type: AWS::IAM::Role
                      Properties:
                        AssumeRolePolicyDocument:
                          Statement:
                            - Effect: Allow
                              Principal: {Service: lambda.amazonaws.com}
                              Action: sts:AssumeRole
                        Policies:
                          - PolicyName: admin
                            PolicyDocument:
                              Statement:
                                - Effect: Allow
                                  Action: "*"
                                  Resource: "*"
                """));

    assertThat(loaded.function("ByProviderLambdaFunction").role().arn().toString())
        .isEqualTo("arn:aws:iam::123456789012:role/shared-lambda");
    assertThat(loaded.function("ByNameLambdaFunction").role().arn().toString())
        .endsWith(":role/legacy-role");
    assertThat(loaded.function("ByResourceLambdaFunction").role().logicalId())
        .contains("CustomRole");
    assertThat(loaded.app().resource("IamRoleLambdaExecution")).isEmpty();
  }

  @Test
  void aServiceForAnotherCloudIsAProblemNotAGuess() {
    write(
        """
        service: azure-app
        provider:
          name: azure
          runtime: nodejs18
        functions:
          hello:
            handler: src/handlers/hello.sayHello
        """);

    assertThatThrownBy(() -> Loaded.folder(folder))
        .isInstanceOf(NothingToScan.class)
        .satisfies(
            e ->
                assertThat(((NothingToScan) e).problems())
                    .extracting(InputProblem::message)
                    .contains(
                        "provider azure is not read: Warden reads Serverless Framework services"
                            + " on aws"));
  }

  @Test
  void aConfigurationIsFoundByItsContentBesideATemplate() {
    Loaded.write(
        folder,
        "infra/app-config.yml",
        """
        service: found
        provider:
          name: aws
          runtime: python3.12
        functions:
          hello:
            handler: app.handler
            url: true
        """);
    Loaded.write(
        folder,
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: .
        """);
    Loaded loaded = Loaded.folder(folder);

    assertThat(loaded.inventory().apps())
        .extracting(a -> a.format())
        .containsExactlyInAnyOrder("serverless", "sam");
    assertThat(loaded.function("HelloLambdaFunction").url()).isPresent();
  }

  private Path write(String yaml) {
    Loaded.write(folder, "serverless.yml", yaml);
    return folder;
  }
}
