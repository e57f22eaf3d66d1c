package dev.warden.leastpriv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final Loaded LOADED = Loaded.folder(DEMO);

  private static GeneratedPolicy of(String function) {
    return new LeastPrivilege().of(DEMO, LOADED.function(function), LOADED.app());
  }

  @Test
  void theOrdersApiKeepsItsTableAndQueueAndLosesDynamodbStar() {
    GeneratedPolicy policy = of("OrdersApiFunction");
    assertThat(policy.statements())
        .containsEntry(
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/acme-orders-prod",
            java.util.Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan"))
        .containsEntry(
            "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:acme-order-queue-prod",
            java.util.Set.of("sqs:SendMessage"));
    assertThat(policy.evidence().get("dynamodb:PutItem"))
        .containsExactly("code:src/orders/app.py:27");
    assertThat(policy.evidence().get("logs:PutLogEvents")).containsExactly("platform");
    assertThat(policy.unused()).contains("dynamodb:DeleteTable", "dynamodb:CreateTable");
    assertThat(policy.unused()).doesNotContain("dynamodb:PutItem", "sqs:SendMessage");
    assertThat(policy.reductionPercent()).isGreaterThan(80);
    assertThat(policy.missing()).isEmpty();
    assertThat(policy.complete()).isTrue();
  }

  @Test
  void theDocumentHasOneStatementPerResourceWithUniqueSids() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statements =
        (List<Map<String, Object>>) of("OrdersApiFunction").document().get("Statement");
    assertThat(statements).extracting(s -> s.get("Sid")).doesNotHaveDuplicates();
    assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Allow"));
    assertThat(statements)
        .noneMatch(
            s -> s.get("Resource").equals("*") && !s.get("Sid").toString().startsWith("Xray"));
  }

  @Test
  void aQueueTriggerAddsThePollingActionsOnThatQueue() {
    GeneratedPolicy policy = of("OrderEventsFunction");
    assertThat(policy.evidence().get("sqs:ReceiveMessage"))
        .containsExactly("trigger:OrderQueueEvent");
    assertThat(policy.statements().entrySet())
        .anyMatch(
            e ->
                e.getKey().endsWith(":acme-order-queue-prod")
                    && e.getValue().contains("sqs:DeleteMessage"));
  }
}
