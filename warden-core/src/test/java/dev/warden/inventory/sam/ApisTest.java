package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Api;
import dev.warden.inventory.Auth;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.TriggerKind;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP entry points: which route reaches which function, through which authorizer. */
class ApisTest {

  @TempDir Path dir;

  private static Map<String, String> routes(Loaded loaded, String function) {
    return loaded.triggers(function).stream()
        .filter(t -> t.route().isPresent())
        .collect(
            Collectors.toMap(
                t -> t.route().get().toString(),
                t -> (t.isPublic() ? "public " : "internal ") + t.auth().wireName(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  @Test
  void samRestApiRoutesUseTheDefaultAuthorizerUnlessTheyNameAnother() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Pool:
            Type: AWS::Cognito::UserPool
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Users
                Authorizers:
                  Users: {UserPoolArn: !GetAtt Pool.Arn}
                  Tokens: {FunctionArn: !GetAtt AuthFn.Arn}
          AuthFn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, InlineCode: x}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              Events:
                A: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get}}
                B: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /b, Method: post, Auth: {Authorizer: NONE}}}
                C: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /c, Method: any, Auth: {Authorizer: Tokens}}}
                D: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /d, Method: get, Auth: {Authorizer: AWS_IAM}}}
                E: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /e, Method: get, Auth: {Authorizer: NONE, ApiKeyRequired: true}}}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /a", "public cognito"),
            Map.entry("POST /b", "public none"),
            Map.entry("ANY /c", "public lambda-authorizer"),
            Map.entry("GET /d", "public iam"),
            Map.entry("GET /e", "public api-key"));
    assertThat(loaded.triggers("Fn").get(0).authorizer()).contains("Users");
    Trigger authorizer = loaded.onlyTrigger("AuthFn");
    assertThat(authorizer.kind()).isEqualTo(TriggerKind.HTTP);
    assertThat(authorizer.isPublic()).as("a Lambda authorizer sees every request first").isTrue();
    assertThat(authorizer.auth()).isEqualTo(Auth.NONE);
    assertThat(authorizer.details()).containsEntry("role", "authorizer");
  }

  @Test
  void eventsWithoutAnApiGoToTheImplicitApis() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Auth: {ApiKeyRequired: true}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              Events:
                Rest: {Type: Api, Properties: {Path: /items, Method: get}}
                Http: {Type: HttpApi}
        """);
    List<Trigger> triggers = loaded.triggers("Fn");
    assertThat(triggers)
        .extracting(t -> t.api().orElseThrow())
        .containsExactly("ServerlessRestApi", "ServerlessHttpApi");
    assertThat(triggers.get(0).auth())
        .as("Globals.Api applies to the implicit API")
        .isEqualTo(Auth.API_KEY);
    assertThat(triggers.get(1).route().orElseThrow().toString()).isEqualTo("ANY $default");
    assertThat(loaded.app().apis())
        .extracting(Api::logicalId)
        .containsExactly("ServerlessRestApi", "ServerlessHttpApi");
  }

  @Test
  void aPrivateApiOrOneRestrictedToAccountsIsNotPublic() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Private:
            Type: AWS::Serverless::Api
            Properties: {StageName: p, EndpointConfiguration: {Type: PRIVATE}}
          Partners:
            Type: AWS::Serverless::Api
            Properties: {StageName: p, Auth: {ResourcePolicy: {AwsAccountWhitelist: ["111122223333"]}}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              Events:
                A: {Type: Api, Properties: {RestApiId: !Ref Private, Path: /a, Method: get}}
                B: {Type: Api, Properties: {RestApiId: !Ref Partners, Path: /b, Method: get}}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /a", "internal none"), Map.entry("GET /b", "internal none"));
    assertThat(loaded.app().api("Private").orElseThrow().isPrivate()).isTrue();
  }

  @Test
  void httpApiJwtAuthorizersAndCors() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration: {AllowOrigins: ["*"], AllowCredentials: true}
              Auth:
                EnableIamAuthorizer: true
                DefaultAuthorizer: Jwt
                Authorizers:
                  Jwt: {JwtConfiguration: {issuer: "https://issuer.example", audience: [app]}, IdentitySource: $request.header.Authorization}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              Events:
                A: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /a, Method: GET}}
                B: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /b, Method: POST, Auth: {Authorizer: NONE}}}
                C: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /c, Method: GET, Auth: {Authorizer: AWS_IAM}}}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /a", "public jwt"),
            Map.entry("POST /b", "public none"),
            Map.entry("GET /c", "public iam"));
    Api api = loaded.app().api("Api").orElseThrow();
    assertThat(api.kind()).isEqualTo(Api.Kind.HTTP);
    assertThat(api.cors().orElseThrow().allowsAnyOrigin()).isTrue();
    assertThat(api.cors().orElseThrow().allowCredentials()).isTrue();
  }

  @Test
  void anInlineOpenApiDefinitionRoutesToFunctionsWithItsSecuritySchemes() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody:
                swagger: "2.0"
                info: {title: shop}
                securityDefinitions:
                  Users:
                    type: apiKey
                    name: Authorization
                    in: header
                    x-amazon-apigateway-authtype: cognito_user_pools
                    x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/p]}
                  Key: {type: apiKey, name: x-api-key, in: header}
                  Sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                security: [{Users: []}]
                paths:
                  /orders:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                    post:
                      security: [{Key: []}]
                      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
                    delete:
                      security: [{Sigv4: []}, {Key: []}]
                      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
                  /health:
                    x-amazon-apigateway-any-method:
                      security: []
                      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
                  /mock:
                    get:
                      x-amazon-apigateway-integration: {type: mock}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, InlineCode: x}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /orders", "public cognito"),
            Map.entry("POST /orders", "public api-key"),
            Map.entry("DELETE /orders", "public api-key"),
            Map.entry("ANY /health", "public none"));
    assertThat(loaded.triggers("Fn").get(0).at().line()).as("the line of `get:`").isEqualTo(22);
  }

  @Test
  void aDefinitionUriFileInsideTheScanRootIsRead() {
    Loaded.write(
        dir,
        "api/openapi.yaml",
        """
        openapi: 3.0.1
        paths:
          /ping:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:ping-fn/invocations
        """);
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties: {DefinitionUri: api/openapi.yaml}
          Ping:
            Type: AWS::Serverless::Function
            Properties: {FunctionName: ping-fn, Runtime: nodejs20.x, Handler: index.handler, InlineCode: x}
        """);
    assertThat(routes(loaded, "Ping")).containsExactly(Map.entry("GET /ping", "public none"));
  }

  @Test
  void cloudFormationRestApiMethodsResourcesAndAuthorizers() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties: {Name: shop}
          Orders:
            Type: AWS::ApiGateway::Resource
            Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders}
          OrderById:
            Type: AWS::ApiGateway::Resource
            Properties: {RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}"}
          Tokens:
            Type: AWS::ApiGateway::Authorizer
            Properties:
              RestApiId: !Ref Api
              Type: TOKEN
              AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthFn.Arn}/invocations
          GetOrder:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref OrderById
              HttpMethod: GET
              AuthorizationType: CUSTOM
              AuthorizerId: !Ref Tokens
              Integration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
          ListOrders:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              ResourceId: !Ref Orders
              HttpMethod: GET
              AuthorizationType: NONE
              ApiKeyRequired: true
              Integration: {Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
          AuthFn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /orders/{id}", "public lambda-authorizer"),
            Map.entry("GET /orders", "public api-key"));
    assertThat(loaded.onlyTrigger("AuthFn").details()).containsEntry("role", "authorizer");
  }

  @Test
  void apiGatewayV2RoutesIntegrationsAndQuickCreate() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: http, ProtocolType: HTTP}
          Jwt:
            Type: AWS::ApiGatewayV2::Authorizer
            Properties: {ApiId: !Ref Api, AuthorizerType: JWT, Name: jwt, JwtConfiguration: {Issuer: "https://issuer"}}
          Integration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn}
          Private:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Api, RouteKey: "GET /me", AuthorizationType: JWT, AuthorizerId: !Ref Jwt, Target: !Sub "integrations/${Integration}"}
          Open:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Api, RouteKey: "POST /hook", Target: !Join [/, [integrations, !Ref Integration]]}
          Quick:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: quick, ProtocolType: HTTP, Target: !GetAtt Other.Arn}
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          SocketIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Socket, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Other.Arn}
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Socket, RouteKey: $connect, Target: !Sub "integrations/${SocketIntegration}"}
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
          Other:
            Type: AWS::Lambda::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, Code: {ZipFile: x}, Role: arn:aws:iam::1:role/r}
        """);
    assertThat(routes(loaded, "Fn"))
        .containsExactly(
            Map.entry("GET /me", "public jwt"), Map.entry("POST /hook", "public none"));
    assertThat(routes(loaded, "Other"))
        .containsExactly(
            Map.entry("ANY $default", "public none"), Map.entry("WS $connect", "public none"));
    assertThat(loaded.app().api("Socket").orElseThrow().kind()).isEqualTo(Api.Kind.WEBSOCKET);
  }

  @Test
  void aRouteNamingAnUndefinedAuthorizerIsReported() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties: {StageName: p}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              Events:
                A: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /a, Method: get, Auth: {Authorizer: Missing}}}
        """);
    assertThat(routes(loaded, "Fn")).containsExactly(Map.entry("GET /a", "public none"));
    assertThat(loaded.problemMessages())
        .singleElement()
        .satisfies(m -> assertThat(m).contains("authorizer Missing"));
  }
}
