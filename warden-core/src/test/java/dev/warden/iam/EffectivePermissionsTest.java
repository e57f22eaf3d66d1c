package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.iam.EffectivePermissions.ActionGrant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTest {

  private static EffectivePermissions of(String policy) {
    return new EffectivePermissions(
        Policies.CATALOG, List.of(Policies.identity(policy)), Optional.empty());
  }

  private static List<String> actions(List<ActionGrant> grants) {
    return grants.stream().map(ActionGrant::action).toList();
  }

  @Test
  void actionStarAllowsEveryActionOfTheCatalog() {
    List<ActionGrant> all =
        of("""
           {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
           """)
            .expand();
    assertThat(all).hasSize(Policies.CATALOG.actionCount());
    assertThat(all).allMatch(ActionGrant::onAnyResource);
  }

  @Test
  void notActionAllowsEverythingElse() {
    List<ActionGrant> grants =
        of("""
           {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}
           """)
            .expand();
    int iam = Policies.CATALOG.service("iam").orElseThrow().actions().size();
    assertThat(grants).hasSize(Policies.CATALOG.actionCount() - iam);
    assertThat(actions(grants)).noneMatch(a -> a.startsWith("iam:")).contains("s3:GetObject");
  }

  @Test
  void grantsAreGroupedByServiceThenAccessLevel() {
    List<ActionGrant> grants =
        of("""
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["sqs:SendMessage", "dynamodb:Query", "dynamodb:PutItem",
                                            "dynamodb:ListTables"], "Resource": "*"}]}
           """)
            .expand();
    assertThat(actions(grants))
        .containsExactly(
            "dynamodb:ListTables", "dynamodb:Query", "dynamodb:PutItem", "sqs:SendMessage");
    assertThat(grants.get(1).accessLevel()).contains(AccessLevel.READ);
  }

  @Test
  void anActionOnAResourceItCannotTakeIsNotGranted() {
    List<ActionGrant> grants =
        of("""
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::orders"}]}
           """)
            .expand();
    assertThat(actions(grants)).contains("s3:ListBucket", "s3:PutBucketPolicy");
    assertThat(actions(grants)).doesNotContain("s3:GetObject", "s3:ListAllMyBuckets");
  }

  @Test
  void anUnconditionalDenyOnEverythingTakesTheActionAway() {
    EffectivePermissions permissions =
        of(
            """
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
             {"Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"},
             {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::audit/*"}]}
           """);
    assertThat(permissions.grant("s3:DeleteObject", RequestContext.empty(), Set.of())).isEmpty();
    ActionGrant put =
        permissions.grant("s3:PutObject", RequestContext.empty(), Set.of()).orElseThrow();
    assertThat(put.resources()).containsExactly("*");
    assertThat(put.deniedResources()).containsExactly("arn:aws:s3:::audit/*");
    assertThat(put.onAnyResource()).isFalse();
  }

  @Test
  void conditionsOnUnknownKeysMakeAGrantConditional() {
    EffectivePermissions permissions =
        of(
            """
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app/*",
              "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}]}
           """);
    assertThat(permissions.grant("iam:PassRole", RequestContext.empty(), Set.of()))
        .hasValueSatisfying(g -> assertThat(g.conditional()).isTrue());
    RequestContext toLambda =
        RequestContext.of(Map.of("iam:PassedToService", List.of("lambda.amazonaws.com")));
    RequestContext toEc2 =
        RequestContext.of(Map.of("iam:PassedToService", List.of("ec2.amazonaws.com")));
    Set<String> known = Set.of("iam:PassedToService");
    assertThat(permissions.grant("iam:PassRole", toLambda, known))
        .hasValueSatisfying(g -> assertThat(g.conditional()).isFalse());
    assertThat(permissions.grant("iam:PassRole", toEc2, known)).isEmpty();
  }

  @Test
  void aPermissionsBoundaryLimitsWhatIsGranted() {
    EffectivePermissions bounded =
        new EffectivePermissions(
            Policies.CATALOG,
            List.of(
                Policies.identity(
                    """
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
                    """)),
            Optional.of(
                Policies.identity(
                    """
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:Get*", "sqs:SendMessage"], "Resource": "*"}}
                    """)));
    assertThat(actions(bounded.expand()))
        .contains("s3:GetObject", "sqs:SendMessage")
        .noneMatch(a -> a.startsWith("iam:") || a.equals("s3:PutObject"));
  }

  @Test
  void allowWithNotResourceIsGrantedOnAllButTheListedResources() {
    ActionGrant grant =
        of("""
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secrets/*"}]}
           """)
            .grant("s3:GetObject", RequestContext.empty(), Set.of())
            .orElseThrow();
    assertThat(grant.resources()).containsExactly("*");
    assertThat(grant.allExcept()).containsExactly("arn:aws:s3:::secrets/*");
  }

  @Test
  void aGrantMayCoverAResourceOnlyWhereItsPatternsCanNameIt() {
    ActionGrant grant =
        of("""
           {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "dynamodb:PutItem",
              "Resource": ["arn:aws:dynamodb:*:*:table/audit", "arn:aws:dynamodb:*:*:table/audit/index/*"]},
             {"Effect": "Deny", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:*:*:table/audit-old"}]}
           """)
            .grant("dynamodb:PutItem", RequestContext.empty(), Set.of())
            .orElseThrow();
    assertThat(grant.mayCover("arn:aws:dynamodb:${AWS::Region}:1:table/audit", s -> s)).isTrue();
    assertThat(grant.mayCover("arn:aws:dynamodb:${AWS::Region}:1:table/${Any}", s -> s)).isTrue();
    assertThat(grant.mayCover("arn:aws:dynamodb:eu-west-1:1:table/orders", s -> s))
        .as("a region wildcard does not stand in for the resource part")
        .isFalse();
    assertThat(grant.mayCover("arn:aws:dynamodb:eu-west-1:1:table/audit-old", s -> s)).isFalse();
  }
}
