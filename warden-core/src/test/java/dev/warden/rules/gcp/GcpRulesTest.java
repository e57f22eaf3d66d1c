package dev.warden.rules.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google Cloud rules on the storefront fixture (four functions, a function policy and the
 * project policy): each weakness planted there is reported once, at the line that causes it, and
 * nothing else of theirs is.
 */
class GcpRulesTest {

  @TempDir Path folder;

  private static ScanResult storefront() throws Exception {
    Path folder =
        Path.of(
                Objects.requireNonNull(
                        GcpRulesTest.class.getResource(
                            "/dev/warden/inventory/gcp/storefront/functions.json"))
                    .toURI())
            .getParent();
    return Scan.run(ScanRequest.of(folder), RuleFixture.CLOCK);
  }

  private static List<String> found(ScanResult result, String prefix) {
    return result.findings().stream()
        .filter(f -> f.rule().id().startsWith(prefix))
        .map(GcpRulesTest::describe)
        .sorted()
        .toList();
  }

  private static String describe(Finding f) {
    return f.rule().id()
        + " "
        + f.functionId().orElse("-")
        + " "
        + f.severity().wireName()
        + " "
        + f.location().file()
        + ":"
        + f.location().line();
  }

  @Test
  void eachPlantedWeaknessOnceAtItsLine() throws Exception {
    assertThat(found(storefront(), "WDN-GCP"))
        .containsExactly(
            "WDN-GCP-001 functions.json#orders-api high orders-api.iam.json:6",
            "WDN-GCP-002 functions.json#orders-api medium functions.json:24",
            "WDN-GCP-003 functions.json#thumbnailer high functions.json:41",
            "WDN-GCP-004 functions.json#billing-sync medium project-iam-policy.json:20",
            "WDN-GCP-004 functions.json#orders-api high project-iam-policy.json:16",
            "WDN-GCP-004 functions.json#thumbnailer high project-iam-policy.json:6",
            "WDN-GCP-005 functions.json#orders-api high project-iam-policy.json:12",
            "WDN-GCP-005 functions.json#thumbnailer high project-iam-policy.json:6",
            "WDN-GCP-006 functions.json#customer-export medium functions.json:83",
            "WDN-GCP-006 functions.json#orders-api medium functions.json:31",
            "WDN-GCP-007 functions.json#customer-export medium functions.json:74",
            "WDN-GCP-007 functions.json#orders-api low functions.json:2",
            "WDN-GCP-007 functions.json#thumbnailer low functions.json:35");
  }

  @Test
  void rulesEveryCloudSharesReadGoogleCloudFunctionsToo() throws Exception {
    ScanResult result = storefront();

    assertThat(found(result, "WDN-ENV-001"))
        .containsExactly(
            "WDN-ENV-001 functions.json#orders-api critical functions.json:30",
            "WDN-ENV-001 functions.json#orders-api critical functions.json:31");
    assertThat(found(result, "WDN-RT-001"))
        .containsExactly("WDN-RT-001 functions.json#orders-api high functions.json:2");
    assertThat(result.findings())
        .noneMatch(f -> f.rule().id().startsWith("WDN-IAM") || f.rule().id().startsWith("WDN-LOG"));
  }

  @Test
  void theServiceAccountsRolesDriveTheRiskScore() throws Exception {
    ScanResult result = storefront();

    assertThat(result.functionsByRisk().get(0).logicalId()).isEqualTo("orders-api");
    assertThat(
            result.score(
                result
                    .inventory()
                    .functions()
                    .filter(f -> f.logicalId().equals("thumbnailer"))
                    .findFirst()
                    .orElseThrow()))
        .satisfies(s -> assertThat(s.impact()).isEqualTo(0.9));
  }

  @Test
  void anInternalOnlyFunctionOpenToAllUsersIsMediumAndNotOpenIngress() throws Exception {
    Loaded.write(
        folder,
        "fn.json",
        """
        {
          "name": "projects/p/locations/us-central1/functions/inner",
          "environment": "GEN_2",
          "buildConfig": {"runtime": "python312", "entryPoint": "main"},
          "serviceConfig": {
            "ingressSettings": "ALLOW_INTERNAL_ONLY",
            "serviceAccountEmail": "inner@p.iam.gserviceaccount.com"
          }
        }
        """);
    Loaded.write(
        folder,
        "inner.iam.json",
        "{\"bindings\": [{\"role\": \"roles/run.invoker\", \"members\": [\"allAuthenticatedUsers\"]}]}");

    ScanResult result = Scan.run(ScanRequest.of(folder), RuleFixture.CLOCK);

    assertThat(found(result, "WDN-GCP"))
        .containsExactly("WDN-GCP-001 fn.json#inner medium inner.iam.json:1");
    assertThat(result.findings().get(0).severity()).isNotEqualTo(Severity.HIGH);
  }
}
