package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The evaluation rules the differential cases cannot cover (the oracle does not model them), and
 * the reading of Warden's own inputs: template values unknown before deployment.
 */
class PolicyEvaluatorTest {

  private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(Policies.CATALOG);
  private static final Principal ROLE = new Principal("arn:aws:iam::111122223333:role/fn");

  private static Decision.Outcome decide(
      String action, String resource, PolicySet policies, Map<String, List<String>> context) {
    return EVALUATOR
        .evaluate(
            new Request(ROLE, action, resource, "111122223333", RequestContext.of(context)),
            policies)
        .outcome();
  }

  private static PolicySet identity(String policy) {
    return PolicySet.identity(List.of(Policies.identity(policy)));
  }

  private static final String ALLOW_ALL =
      """
      {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
      """;

  @Test
  void getCallerIdentityNeedsNoPermissionAndCannotBeDenied() {
    PolicySet denied =
        identity(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}
            """);
    assertThat(decide("sts:GetCallerIdentity", "*", denied, Map.of()))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  @Test
  void nobodyChangesAnAwsManagedPolicy() {
    assertThat(
            decide(
                "iam:CreatePolicyVersion",
                "arn:aws:iam::aws:policy/AdministratorAccess",
                identity(ALLOW_ALL),
                Map.of()))
        .isEqualTo(Decision.Outcome.IMPLICITLY_DENIED);
    assertThat(
            decide(
                "iam:CreatePolicyVersion",
                "arn:aws:iam::111122223333:policy/app",
                identity(ALLOW_ALL),
                Map.of()))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  @Test
  void nobodyPassesOrChangesAnAwsReservedRole() {
    assertThat(
            decide(
                "iam:PassRole",
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin",
                identity(ALLOW_ALL),
                Map.of()))
        .isEqualTo(Decision.Outcome.IMPLICITLY_DENIED);
  }

  @Test
  void aDenyWithNotPrincipalDeniesAPrincipalThatHasABoundaryWhateverItLists() {
    PolicySet policies =
        new PolicySet(
            List.of(Policies.identity(ALLOW_ALL)),
            Optional.of(
                PolicyParser.parse(
                        Policies.json(
                            """
                            {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
                              "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/fn"},
                              "Action": "s3:*", "Resource": "*"}}
                            """),
                        PolicyType.RESOURCE)
                    .document()),
            Optional.of(Policies.identity(ALLOW_ALL)),
            Optional.empty(),
            List.of(),
            List.of());
    assertThat(decide("s3:GetObject", "arn:aws:s3:::b/k", policies, Map.of()))
        .isEqualTo(Decision.Outcome.EXPLICITLY_DENIED);
  }

  @Test
  void aTemplateValueInAResourceStandsForOneArnSegment() {
    PolicySet policies =
        PolicySet.identity(
            List.of(
                PolicyParser.parse(
                        new Value.Obj(
                            List.of(
                                field("Version", str("2012-10-17")),
                                field(
                                    "Statement",
                                    new Value.Obj(
                                        List.of(
                                            field("Effect", str("Allow")),
                                            field("Action", str("dynamodb:GetItem")),
                                            field(
                                                "Resource",
                                                new Value.Str(
                                                    SymbolicText.of("arn:aws:dynamodb:us-east-1:")
                                                        .append(
                                                            SymbolicText.symbol("AWS::AccountId"))
                                                        .append(SymbolicText.of(":table/Orders")),
                                                    AT))),
                                        AT))),
                            AT),
                        PolicyType.IDENTITY)
                    .document()));
    assertThat(
            decide(
                "dynamodb:GetItem",
                "arn:aws:dynamodb:us-east-1:111122223333:table/Orders",
                policies,
                Map.of()))
        .isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(
            decide(
                "dynamodb:GetItem",
                "arn:aws:dynamodb:us-east-1:111122223333:table/Other",
                policies,
                Map.of()))
        .isEqualTo(Decision.Outcome.IMPLICITLY_DENIED);
  }

  @Test
  void resourceControlPoliciesDenyOnlyForTheServicesTheyCover() {
    PolicySet policies =
        new PolicySet(
            List.of(Policies.identity(ALLOW_ALL)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(
                List.of(
                    PolicyParser.parse(
                            Policies.json(
                                """
                                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
                                  "Action": ["s3:*", "lambda:*"], "Resource": "*"}}
                                """),
                            PolicyType.RCP)
                        .document())));
    assertThat(decide("s3:GetObject", "arn:aws:s3:::b/k", policies, Map.of()))
        .isEqualTo(Decision.Outcome.EXPLICITLY_DENIED);
    assertThat(
            decide(
                "lambda:InvokeFunction",
                "arn:aws:lambda:us-east-1:111122223333:function:f",
                policies,
                Map.of()))
        .isEqualTo(Decision.Outcome.ALLOWED);
  }

  private static final SourceLocation AT = SourceLocation.of("template.yaml", 1, 1);

  private static Value.Field field(String key, Value value) {
    return new Value.Field(key, AT, value);
  }

  private static Value str(String text) {
    return Value.Str.of(text, AT);
  }
}
