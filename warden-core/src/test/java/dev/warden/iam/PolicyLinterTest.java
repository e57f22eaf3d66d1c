package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLinterTest {

  private final PolicyLinter linter = new PolicyLinter(Policies.CATALOG);

  private List<PolicyProblem> lint(String policy) {
    return linter.lint(Policies.json(policy), PolicyType.IDENTITY);
  }

  @Test
  void aLeastPrivilegePolicyHasNoProblem() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                   "Resource": "arn:aws:s3:::orders/uploads/*"},
                  {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::orders",
                   "Condition": {"StringLike": {"s3:prefix": "uploads/*"}}}
                ]}
                """))
        .isEmpty();
  }

  @Test
  void unknownServicesAndActionsAreReportedAtTheirLine() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": [
                    "s4:GetObject",
                    "s3:GetObjekt",
                    "s3:Fly*",
                    "GetObject"
                  ],
                  "Resource": "*"}]}
                """))
        .extracting(p -> p.code(), p -> p.at().line())
        .containsExactly(
            tuple(PolicyProblem.Code.UNKNOWN_SERVICE, 3),
            tuple(PolicyProblem.Code.UNKNOWN_ACTION, 4),
            tuple(PolicyProblem.Code.UNKNOWN_ACTION, 5),
            tuple(PolicyProblem.Code.UNKNOWN_ACTION, 6));
  }

  @Test
  void malformedArnsAreReported() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                  "Resource": ["orders-bucket/*", "arn:aws:s3", "arn:amazon:s3:::orders/*",
                               "arn:aws:s33:::orders/*"]}]}
                """))
        .filteredOn(p -> p.code() == PolicyProblem.Code.MALFORMED_ARN)
        .extracting(PolicyProblem::message)
        .containsExactly(
            "\"orders-bucket/*\" is not an ARN (arn:partition:service:region:account:resource) or *",
            "\"arn:aws:s3\" has 3 of the six parts of an ARN"
                + " (arn:partition:service:region:account:resource)",
            "\"amazon\" in \"arn:amazon:s3:::orders/*\" is not an AWS partition (aws, aws-cn…)",
            "no AWS resource has ARNs of service \"s33\" (\"arn:aws:s33:::orders/*\")");
  }

  @Test
  void anObjectActionOnABucketArnIsAResourceMismatch() {
    List<PolicyProblem> problems =
        lint(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::orders"}]}
            """);
    assertThat(problems)
        .extracting(PolicyProblem::code)
        .containsExactly(PolicyProblem.Code.RESOURCE_MISMATCH);
    assertThat(problems.get(0).message())
        .startsWith("s3:GetObject takes arn:${Partition}:s3:${Region}:${Account}:accesspoint/")
        .contains(" or arn:${Partition}:s3:::${BucketName}/${ObjectName}; no Resource");
  }

  @Test
  void anActionWithoutResourceLevelPermissionsOnASpecificArnIsAResourceMismatch() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "ec2:DescribeInstances",
                  "Resource": "arn:aws:ec2:us-east-1:111122223333:instance/*"}]}
                """))
        .extracting(PolicyProblem::message)
        .containsExactly(
            "ec2:DescribeInstances does not support resource-level permissions: it applies only"
                + " with \"Resource\": \"*\"");
  }

  @Test
  void templateValuesAndPolicyVariablesInResourcesStandForAnything() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "dynamodb:GetItem",
                  "Resource": "arn:aws:dynamodb:${aws:RequestedRegion}:111122223333:table/${aws:PrincipalTag/table}"}]}
                """))
        .isEmpty();
  }

  @Test
  void conditionKeysOfAnotherServiceDoNotApply() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::orders/*",
                  "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": "a"}}}]}
                """))
        .extracting(PolicyProblem::code, PolicyProblem::message)
        .containsExactly(
            tuple(
                PolicyProblem.Code.CONDITION_KEY_NOT_APPLICABLE,
                "condition key \"dynamodb:LeadingKeys\" is not in the request of any action of"
                    + " the statement: the condition never holds"));
  }

  @Test
  void unknownConditionKeysAreReported() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*",
                  "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIPP": "10.0.0.0/8"}}}]}
                """))
        .extracting(PolicyProblem::code)
        .containsExactly(PolicyProblem.Code.UNKNOWN_CONDITION_KEY);
  }

  @Test
  void setOperatorsBelongToMultivaluedKeysOnly() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                  "Resource": "*", "Condition": {
                    "ForAnyValue:StringEquals": {"aws:SourceVpce": "vpce-1"},
                    "StringEquals": {"aws:TagKeys": "env"}}}]}
                """))
        .extracting(PolicyProblem::code, p -> p.at().line())
        .containsExactly(
            tuple(PolicyProblem.Code.SET_OPERATOR_ON_SINGLE_VALUE, 3),
            tuple(PolicyProblem.Code.SET_OPERATOR_ON_SINGLE_VALUE, 4));
  }

  @Test
  void allowWithNotActionOrNotResourceIsReportedButDenyIsNot() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
                  {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"},
                  {"Effect": "Deny", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::public/*"}
                ]}
                """))
        .extracting(PolicyProblem::code, p -> p.at().line())
        .containsExactly(
            tuple(PolicyProblem.Code.ALLOW_WITH_NOT_ACTION, 2),
            tuple(PolicyProblem.Code.ALLOW_WITH_NOT_RESOURCE, 3));
  }

  @Test
  void aStatementCoveredByAnUnconditionalOneIsRedundant() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::orders/*"},
                  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::orders/invoices/*",
                   "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}
                ]}
                """))
        .extracting(PolicyProblem::code, PolicyProblem::message)
        .containsExactly(
            tuple(
                PolicyProblem.Code.REDUNDANT_STATEMENT,
                "the statement \"Read\" adds nothing: the statement at line 2 already allows all"
                    + " it covers"));
  }

  @Test
  void ofTwoIdenticalStatementsTheSecondIsRedundant() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"},
                  {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}
                ]}
                """))
        .extracting(PolicyProblem::code, p -> p.at().line())
        .containsExactly(tuple(PolicyProblem.Code.REDUNDANT_STATEMENT, 3));
  }

  @Test
  void grammarErrorsComeFromTheParser() {
    assertThat(
            lint(
                """
                {"Version": "2012-10-17", "Statment": [],
                 "Statement": [{"Effect": "Permit", "Action": "s3:GetObject", "Resource": "*",
                   "Condition": {"StringEqualz": {"aws:SourceVpce": "vpce-1"}}}]}
                """))
        .extracting(PolicyProblem::code, p -> p.at().line(), p -> p.code().isError())
        .containsExactly(
            tuple(PolicyProblem.Code.UNKNOWN_ELEMENT, 1, true),
            tuple(PolicyProblem.Code.BAD_EFFECT, 2, true),
            tuple(PolicyProblem.Code.UNKNOWN_OPERATOR, 3, true));
  }
}
