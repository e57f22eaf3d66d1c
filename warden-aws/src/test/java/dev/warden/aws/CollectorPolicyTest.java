package dev.warden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.iam.AccessLevel;
import dev.warden.iam.IamAction;
import dev.warden.iam.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The collector's own IAM policy: derived by Warden from the calls it makes, and read-only. */
class CollectorPolicyTest {

  private static List<String> actions() {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : CollectorPolicy.document().path("Statement")) {
      statement.path("Action").forEach(a -> actions.add(a.asText()));
    }
    return actions;
  }

  @Test
  void everyActionIsOneTheIamCatalogKnowsAndOnlyReadsOrLists() {
    assertThat(actions())
        .isNotEmpty()
        .allSatisfy(
            action ->
                assertThat(IamCatalog.bundled().action(action))
                    .as(action)
                    .get()
                    .extracting(IamAction::accessLevel)
                    .isIn(Set.of(AccessLevel.READ, AccessLevel.LIST)));
  }

  @Test
  void itCoversTheCallsThatNeedAPermissionAndNothingElse() {
    assertThat(actions())
        .contains(
            "lambda:ListFunctions",
            "lambda:GetPolicy",
            "iam:GetAccountAuthorizationDetails",
            "apigateway:GET",
            "s3:GetBucketNotification",
            "s3:GetBucketPublicAccessBlock",
            "sqs:GetQueueAttributes",
            "logs:DescribeLogGroups")
        .doesNotContain("sts:GetCallerIdentity")
        .doesNotHaveDuplicates();
    assertThat(CollectorPolicy.document().path("Statement"))
        .allSatisfy(s -> assertThat(s.path("Resource").asText()).isEqualTo("*"));
  }
}
