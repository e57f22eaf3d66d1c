package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classes of risk other than the escalation methods (EscalationMethodsTest has those). */
class PermissionRisksTest {

  private static List<Risk> risks(String policy) {
    return PermissionAnalysis.of(
            Policies.CATALOG, List.of(Policies.identity(policy)), Optional.empty())
        .risks();
  }

  private static List<Risk> ofType(String policy, RiskType type) {
    return risks(policy).stream().filter(r -> r.type() == type).toList();
  }

  @Test
  void everyActionOnEveryResourceIsAdministrator() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
                """,
                RiskType.ADMIN))
        .extracting(Risk::method)
        .containsExactly("AllActions");
  }

  @Test
  void iamStarIsAdministratorEquivalent() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}}
                """,
                RiskType.ADMIN))
        .extracting(Risk::method)
        .containsExactly("IamFullAccess");
  }

  @Test
  void attachingAnyPolicyToAnyRoleIsAdministratorEquivalent() {
    List<Risk> admin =
        ofType(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "SelfService", "Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"}]}
            """,
            RiskType.ADMIN);
    assertThat(admin).extracting(Risk::method).containsExactly("PolicyAttach");
    assertThat(admin.get(0).statements())
        .extracting(s -> s.statement().sid().orElseThrow(), s -> s.statement().at().line())
        .containsExactly(tuple("SelfService", 2));
  }

  @Test
  void attachingOnlyApprovedPoliciesIsNotAdministrator() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*",
                   "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}]}
                """,
                RiskType.ADMIN))
        .isEmpty();
  }

  @Test
  void readingDataIsExfiltrationByKindOfData() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["s3:GetObject", "secretsmanager:GetSecretValue"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}
                """,
                RiskType.DATA_EXFILTRATION))
        .extracting(Risk::method, Risk::actions)
        .containsExactly(
            tuple("S3ObjectRead", List.of("s3:GetObject")),
            tuple("SecretRead", List.of("secretsmanager:GetSecretValue")),
            tuple("KeyDecrypt", List.of("kms:Decrypt")));
  }

  @Test
  void changingResourcePoliciesIsExposure() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["s3:PutBucketPolicy", "lambda:AddPermission", "ec2:ModifySnapshotAttribute"], "Resource": "*"}]}
                """,
                RiskType.RESOURCE_EXPOSURE))
        .extracting(Risk::method, Risk::actions)
        .containsExactly(
            tuple("ec2", List.of("ec2:ModifySnapshotAttribute")),
            tuple("lambda", List.of("lambda:AddPermission")),
            tuple("s3", List.of("s3:PutBucketPolicy")));
  }

  @Test
  void mintingCredentialsIsCredentialsExposure() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["iam:CreateAccessKey", "ecr:GetAuthorizationToken"], "Resource": "*"}]}
                """,
                RiskType.CREDENTIALS_EXPOSURE))
        .extracting(Risk::method)
        .containsExactly("ecr", "iam");
  }

  @Test
  void writingEverywhereIsInfrastructureModificationButTelemetryIsNot() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["dynamodb:DeleteTable", "logs:PutLogEvents", "logs:CreateLogStream"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "sqs:DeleteQueue", "Resource": "arn:aws:sqs:us-east-1:111122223333:jobs"}]}
                """,
                RiskType.INFRASTRUCTURE_MODIFICATION))
        .extracting(Risk::method, Risk::actions)
        .containsExactly(tuple("dynamodb", List.of("dynamodb:DeleteTable")));
  }

  @Test
  void passRoleOnEveryRoleToAnyServiceIsAWildcard() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"}]}
                """,
                RiskType.PASSROLE_WILDCARD))
        .extracting(Risk::method, Risk::resources)
        .containsExactly(tuple("PassAnyRole", List.of("arn:aws:iam::111122223333:role/*")));
  }

  @Test
  void passRoleScopedToOneServiceOrOneRoleIsNotAWildcard() {
    assertThat(
            ofType(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                   "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}},
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app/worker"}]}
                """,
                RiskType.PASSROLE_WILDCARD))
        .isEmpty();
  }

  @Test
  void aLeastPrivilegeFunctionRoleCarriesNoRisk() {
    assertThat(
            risks(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "arn:aws:sqs:us-east-1:111122223333:jobs"},
                  {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]}
                """))
        .isEmpty();
  }
}
