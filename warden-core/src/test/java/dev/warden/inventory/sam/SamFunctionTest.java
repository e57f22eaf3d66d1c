package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.Auth;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.PackageType;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.TriggerKind;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamFunctionTest {

  @TempDir Path dir;

  @Test
  void readsEveryConfigurationPropertyOfAFunction() {
    Loaded.write(dir, "src/app.py", "def handler(e, c): pass\n");
    ServerlessFunction fn =
        Loaded.template(
                dir,
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Dlq:
            Type: AWS::SQS::Queue
          Key:
            Type: AWS::KMS::Key
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: orders-api
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12
              MemorySize: 512
              Timeout: 20
              Architectures: [arm64]
              KmsKeyArn: !GetAtt Key.Arn
              Layers: [arn:aws:lambda:us-east-1:123456789012:layer:shared:3]
              Tracing: Active
              VpcConfig:
                SubnetIds: [subnet-1, subnet-2]
                SecurityGroupIds: [sg-1]
              DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Dlq.Arn}
              EventInvokeConfig:
                MaximumRetryAttempts: 1
                MaximumEventAgeInSeconds: 600
                DestinationConfig:
                  OnFailure: {Type: SQS, Destination: !GetAtt Dlq.Arn}
              ReservedConcurrentExecutions: 5
              CodeSigningConfigArn: arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1
              LoggingConfig: {LogGroup: /custom/orders}
              Tags: {team: shop, cost-center: "42"}
        """)
            .function("Fn");
    assertThat(fn.id()).isEqualTo("template.yaml#Fn");
    assertThat(fn.name().toString()).isEqualTo("orders-api");
    assertThat(fn.code()).isEqualTo(new CodeLocation.LocalPath("src", fn.code().at()));
    assertThat(fn.packageType()).isEqualTo(PackageType.ZIP);
    assertThat(fn.runtime()).contains("python3.12");
    assertThat(fn.handler()).contains("app.handler");
    assertThat(fn.memoryMb()).contains(512);
    assertThat(fn.timeoutSeconds()).contains(20);
    assertThat(fn.architectures()).containsExactly("arm64");
    assertThat(fn.kmsKeyArn().orElseThrow().toString())
        .isEqualTo("arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}");
    assertThat(fn.layers()).hasSize(1);
    assertThat(fn.tracing()).contains("Active");
    assertThat(fn.vpc().orElseThrow().subnetIds()).hasSize(2);
    assertThat(fn.deadLetter().orElseThrow().type()).isEqualTo("sqs");
    assertThat(fn.asyncConfig().orElseThrow().maximumRetryAttempts()).contains(1);
    assertThat(fn.asyncConfig().orElseThrow().onFailure().orElseThrow().type()).isEqualTo("sqs");
    assertThat(fn.reservedConcurrency()).contains(5);
    assertThat(fn.codeSigningConfig()).isPresent();
    assertThat(fn.logGroup().orElseThrow().toString()).isEqualTo("/custom/orders");
    assertThat(fn.tags()).containsEntry("team", "shop").containsEntry("cost-center", "42");
    assertThat(fn.declaredAt().line()).isEqualTo(7);
  }

  @Test
  void appliesLambdaDefaultsWhenMemoryAndTimeoutAreNotSet() {
    ServerlessFunction fn =
        Loaded.template(
                dir,
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: nodejs20.x, Handler: index.handler, InlineCode: "exports.handler = async () => 1"}
        """)
            .function("Fn");
    assertThat(fn.memoryMb()).contains(128);
    assertThat(fn.timeoutSeconds()).contains(3);
    assertThat(fn.architectures()).containsExactly("x86_64");
    assertThat(fn.code()).isInstanceOf(CodeLocation.Inline.class);
    assertThat(fn.name().toString()).isEqualTo("${Fn}");
  }

  @Test
  void mergesGlobalsMapsKeyByKeyListsAddedAndValuesOverridden() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.11
            Timeout: 10
            Layers: [arn:aws:lambda:us-east-1:1:layer:base:1]
            Environment:
              Variables: {STAGE: prod, LOG_LEVEL: INFO}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              InlineCode: x
              Timeout: 30
              Layers: [arn:aws:lambda:us-east-1:1:layer:extra:1]
              Environment:
                Variables: {LOG_LEVEL: DEBUG, TABLE: t}
        """);
    ServerlessFunction fn = loaded.function("Fn");
    assertThat(fn.runtime()).contains("python3.11");
    assertThat(fn.timeoutSeconds()).contains(30);
    assertThat(fn.layers())
        .extracting(Object::toString)
        .containsExactly(
            "arn:aws:lambda:us-east-1:1:layer:base:1", "arn:aws:lambda:us-east-1:1:layer:extra:1");
    assertThat(fn.environment())
        .extracting(v -> v.name() + "=" + v.value())
        .containsExactly("STAGE=prod", "LOG_LEVEL=DEBUG", "TABLE=t");
  }

  @Test
  void readsCodeFromS3UrisMappingsAndContainerImages() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          FromUri:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, CodeUri: s3://artifacts/orders.zip}
          FromMap:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, CodeUri: {Bucket: artifacts, Key: x.zip}}
          FromImage:
            Type: AWS::Serverless::Function
            Properties: {PackageType: Image, ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1}
          Missing:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, CodeUri: nowhere/}
        """);
    assertThat(loaded.function("FromUri").code())
        .isInstanceOfSatisfying(
            CodeLocation.S3Object.class,
            s3 -> {
              assertThat(s3.bucket().toString()).isEqualTo("artifacts");
              assertThat(s3.key().toString()).isEqualTo("orders.zip");
            });
    assertThat(loaded.function("FromMap").code()).isInstanceOf(CodeLocation.S3Object.class);
    assertThat(loaded.function("FromImage").packageType()).isEqualTo(PackageType.IMAGE);
    assertThat(loaded.function("FromImage").code()).isInstanceOf(CodeLocation.Image.class);
    assertThat(loaded.function("Missing").code())
        .isInstanceOfSatisfying(
            CodeLocation.Unresolved.class, u -> assertThat(u.description()).contains("not found"));
  }

  @Test
  void neverFollowsCodeOutsideTheScannedFolder() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, CodeUri: ../../../etc/}
        """);
    assertThat(loaded.function("Fn").code()).isInstanceOf(CodeLocation.Unresolved.class);
    assertThat(loaded.problemMessages())
        .anySatisfy(m -> assertThat(m).contains("outside the scanned folder"));
  }

  @Test
  void aFunctionUrlIsAPublicTriggerWithItsAuthAndCors() {
    ServerlessFunction fn =
        Loaded.template(
                dir,
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: x
              FunctionUrlConfig:
                AuthType: NONE
                InvokeMode: RESPONSE_STREAM
                Cors: {AllowOrigins: ["*"], AllowCredentials: true}
        """)
            .function("Fn");
    assertThat(fn.url().orElseThrow().auth()).isEqualTo(Auth.NONE);
    assertThat(fn.url().orElseThrow().cors().orElseThrow().allowsAnyOrigin()).isTrue();
    assertThat(fn.triggers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.kind()).isEqualTo(TriggerKind.FUNCTION_URL);
              assertThat(t.isPublic()).isTrue();
              assertThat(t.auth()).isEqualTo(Auth.NONE);
            });
  }

  @Test
  void aCloudFormationFunctionReadsCodeFromZipFileS3OrACdkAsset() {
    Loaded.write(dir, "asset.1234/index.js", "exports.handler = async () => 1;\n");
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Inline:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/app
              Code: {ZipFile: "exports.handler = async () => 1"}
              TracingConfig: {Mode: Active}
              DeadLetterConfig: {TargetArn: arn:aws:sns:us-east-1:123456789012:dlq}
              Tags: [{Key: team, Value: shop}]
          Packaged:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/app
              Code: {S3Bucket: artifacts, S3Key: app.zip}
          Cdk:
            Type: AWS::Lambda::Function
            Metadata: {aws:asset:path: asset.1234, aws:asset:property: Code}
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/app
              Code: {S3Bucket: cdk-assets, S3Key: 1234.zip}
        """);
    ServerlessFunction inline = loaded.function("Inline");
    assertThat(inline.code()).isInstanceOf(CodeLocation.Inline.class);
    assertThat(inline.tracing()).contains("Active");
    assertThat(inline.deadLetter().orElseThrow().type()).isEqualTo("sns");
    assertThat(inline.tags()).containsEntry("team", "shop");
    assertThat(loaded.function("Packaged").code()).isInstanceOf(CodeLocation.S3Object.class);
    assertThat(loaded.function("Cdk").code())
        .isInstanceOfSatisfying(
            CodeLocation.LocalPath.class, l -> assertThat(l.path()).isEqualTo("asset.1234"));
  }
}
