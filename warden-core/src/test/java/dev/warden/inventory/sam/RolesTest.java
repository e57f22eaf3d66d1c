package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.Policy;
import dev.warden.inventory.PolicyKind;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's identity: the role, every policy attached to it, resolved. */
class RolesTest {

  @TempDir Path dir;

  @Test
  void samGeneratesARoleWithBasicExecutionTracingVpcAndTheFunctionsPolicies() {
    ExecutionRole role =
        Loaded.template(
                dir,
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties: {TableName: orders}
          Dlq:
            Type: AWS::SNS::Topic
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Tracing: Active
              VpcConfig: {SubnetIds: [s], SecurityGroupIds: [g]}
              DeadLetterQueue: {Type: SNS, TargetArn: !Ref Dlq}
              PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
              Policies:
                - AmazonSQSReadOnlyAccess
                - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
                - DynamoDBReadPolicy: {TableName: !Ref Table}
                - Statement:
                    - {Effect: Allow, Action: s3:GetObject, Resource: !Sub "arn:aws:s3:::assets-${AWS::AccountId}/*"}
        """)
            .function("Fn")
            .role();
    assertThat(role.origin()).isEqualTo(ExecutionRole.Origin.GENERATED);
    assertThat(role.logicalId()).contains("FnRole");
    assertThat(role.arn().toString()).isEqualTo("arn:aws:iam::${AWS::AccountId}:role/${FnRole}");
    assertThat(role.managedPolicyArns())
        .extracting(SymbolicText::toString)
        .containsExactly(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
            "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    assertThat(role.policies())
        .extracting(Policy::kind)
        .as("what SAM attaches by itself is generated; what the template names is AWS-managed")
        .containsExactly(
            PolicyKind.GENERATED,
            PolicyKind.GENERATED,
            PolicyKind.GENERATED,
            PolicyKind.AWS_MANAGED,
            PolicyKind.AWS_MANAGED,
            PolicyKind.SAM_TEMPLATE,
            PolicyKind.INLINE,
            PolicyKind.GENERATED);
    Policy template = role.policies().get(5);
    assertThat(template.name()).isEqualTo("DynamoDBReadPolicy");
    assertThat(resources(template.document()))
        .containsExactly(
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders",
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders/index/*");
    assertThat(resources(role.policies().get(7).document()))
        .containsExactly("arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${Dlq.TopicName}");
    assertThat(role.permissionsBoundary().orElseThrow().toString())
        .isEqualTo("arn:aws:iam::123456789012:policy/boundary");
    assertThat(role.trustPolicy().orElseThrow().toString()).contains("lambda.amazonaws.com");
  }

  @Test
  void everyBundledSamPolicyTemplateExpandsToResolvedStatements() {
    PolicyTemplates templates = PolicyTemplates.bundled();
    assertThat(templates.names()).hasSizeGreaterThan(80);
    StringBuilder policies = new StringBuilder();
    for (String name : templates.names()) {
      policies.append("        - ").append(name).append(": {");
      List<String> parameters = new ArrayList<>();
      templates.expand(
          name,
          new Value.Obj(List.of(), dev.warden.inventory.SourceLocation.ofFile("x")),
          dev.warden.inventory.SourceLocation.ofFile("x"),
          new Problems());
      Value.Obj declared = declaredParameters(name);
      for (String parameter : declared.keys()) {
        parameters.add(parameter + ": p-" + parameter.toLowerCase(java.util.Locale.ROOT));
      }
      policies.append(String.join(", ", parameters)).append("}\n");
    }
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Policies:
        """
                + policies);
    assertThat(loaded.problems()).isEmpty();
    List<Policy> expanded =
        loaded.function("Fn").role().policies().stream()
            .filter(p -> p.kind() == PolicyKind.SAM_TEMPLATE)
            .toList();
    assertThat(expanded).hasSize(templates.names().size());
    for (Policy policy : expanded) {
      Value.Obj document = (Value.Obj) policy.document();
      assertThat(document.list("Statement")).as(policy.name()).isNotEmpty();
      String rendered = render(document);
      assertThat(rendered)
          .as(policy.name() + " has no intrinsic left")
          .doesNotContain("Fn::Sub", "\"Ref\"", "Ref=");
    }
  }

  private static Value.Obj declaredParameters(String name) {
    try (var in = PolicyTemplates.class.getResourceAsStream("policy_templates.json")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      Value root =
          new dev.warden.inventory.document.DocumentReader(
                  dev.warden.inventory.document.ReadLimits.DEFAULT)
              .parse(new dev.warden.inventory.document.SourceFile("p.json", text))
              .root();
      return ((Value.Obj) root)
          .obj("Templates")
          .orElseThrow()
          .obj(name)
          .orElseThrow()
          .obj("Parameters")
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aMissingPolicyTemplateParameterIsReported() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Policies:
                - S3ReadPolicy: {}
                - NoSuchPolicyTemplate: {X: y}
                - NotAManagedPolicyName
        """);
    assertThat(loaded.problemMessages())
        .containsExactly(
            "SAM policy template S3ReadPolicy needs the parameter BucketName",
            "Policies entry NoSuchPolicyTemplate is not a SAM policy template, a policy document or a policy ARN",
            "Policies names NotAManagedPolicyName, which is not an AWS-managed policy in the bundled list");
  }

  @Test
  void aDeclaredRoleCarriesItsInlineManagedAndAttachedPolicies() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Path: /app/
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
              ManagedPolicyArns:
                - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                - !Ref Shared
              Policies:
                - PolicyName: read
                  PolicyDocument: {Statement: [{Effect: Allow, Action: "sqs:*", Resource: "*"}]}
          Shared:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: shared
              PolicyDocument: {Statement: [{Effect: Allow, Action: kms:Decrypt, Resource: "*"}]}
          Extra:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: extra
              Roles: [!Ref Role]
              PolicyDocument: {Statement: [{Effect: Allow, Action: "iam:PassRole", Resource: "*"}]}
          Fn:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: !GetAtt Role.Arn}
          Other:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: !GetAtt Role.Arn}
        """);
    ExecutionRole role = loaded.function("Fn").role();
    assertThat(role.origin()).isEqualTo(ExecutionRole.Origin.DECLARED);
    assertThat(role.arn().toString()).isEqualTo("arn:aws:iam::${AWS::AccountId}:role/app/${Role}");
    assertThat(role.managedPolicyArns())
        .extracting(SymbolicText::toString)
        .containsExactly(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::${AWS::AccountId}:policy/shared");
    assertThat(role.policies())
        .extracting(p -> p.kind() + " " + p.name())
        .containsExactly(
            "INLINE read",
            "AWS_MANAGED AWSLambdaBasicExecutionRole",
            "CUSTOMER_MANAGED shared",
            "INLINE extra");
    assertThat(loaded.inventory().roleSharing().get(loaded.function("Fn").id()))
        .extracting(f -> f.logicalId())
        .containsExactly("Other");
  }

  @Test
  void aRoleGivenOnlyByArnIsExternal() {
    ExecutionRole role =
        Loaded.template(
                dir,
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x, Role: arn:aws:iam::123456789012:role/shared-lambda}
        """)
            .function("Fn")
            .role();
    assertThat(role.origin()).isEqualTo(ExecutionRole.Origin.EXTERNAL);
    assertThat(role.arn().toString()).isEqualTo("arn:aws:iam::123456789012:role/shared-lambda");
    assertThat(role.policies()).isEmpty();
  }

  private static List<String> resources(Value document) {
    List<String> resources = new ArrayList<>();
    for (Value statement : ((Value.Obj) document).list("Statement")) {
      for (Value resource : ((Value.Obj) statement).list("Resource")) {
        resources.add(resource.asText().orElseThrow().toString());
      }
    }
    return resources;
  }

  private static String render(Value value) {
    if (value instanceof Value.Obj obj) {
      StringBuilder out = new StringBuilder("{");
      for (Value.Field field : obj.fields()) {
        out.append(field.key()).append('=').append(render(field.value())).append(',');
      }
      return out.append('}').toString();
    }
    if (value instanceof Value.Seq seq) {
      return seq.items().stream().map(RolesTest::render).toList().toString();
    }
    return value.asText().map(SymbolicText::toString).orElse("null");
  }

  @Test
  void aBoundaryTheAppDeclaresBoundsTheRoleByReferenceOrByName() {
    Loaded loaded =
        Loaded.template(
            dir,
            """
        Resources:
          Boundary:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              ManagedPolicyName: app-boundary
              PolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "dynamodb:*", Resource: "*"}]}
          Admin:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
              PermissionsBoundary: !Ref Boundary
          Named:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
              PermissionsBoundary: arn:aws:iam::123456789012:policy/app-boundary
          ByRef:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: !GetAtt Admin.Arn}
          ByName:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.b, Code: {ZipFile: x}, Role: !GetAtt Named.Arn}
        """);
    for (String function : List.of("ByRef", "ByName")) {
      ExecutionRole role = loaded.function(function).role();
      assertThat(role.boundaryDocument()).as(function).isPresent();
      dev.warden.iam.RolePolicies policies =
          dev.warden.iam.RolePolicies.of(role, dev.warden.iam.AwsManagedPolicies.bundled());
      assertThat(policies.unknowns()).as(function).isEmpty();
      List<String> allowed =
          new dev.warden.iam.EffectivePermissions(
                  dev.warden.iam.IamCatalog.bundled(), policies.identity(), policies.boundary())
              .expand().stream().map(g -> g.action()).toList();
      assertThat(allowed)
          .as(function)
          .contains("dynamodb:GetItem")
          .noneMatch(a -> a.startsWith("iam:"));
    }
  }
}
