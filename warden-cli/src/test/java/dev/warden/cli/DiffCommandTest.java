package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `warden diff` tells what a change did to an app: findings fixed and new, scores moved. */
class DiffCommandTest {

  @TempDir Path folder;

  private Path report(String name, Path input) {
    Path out = folder.resolve(name + ".json");
    Cli cli = Cli.run("scan", input.toString(), "--format", "json", "--output", out.toString());
    assertThat(cli.exitCode()).as(cli.err()).isIn(0, 1);
    return out;
  }

  @Test
  void removingThePublicInvokerFixesItsFindingsAndLowersTheScore() throws Exception {
    Path storefront =
        Repo.path("warden-core/src/test/resources/dev/warden/inventory/gcp/storefront");
    Path after = folder.resolve("after");
    Files.createDirectories(after);
    for (String file :
        new String[] {
          "functions.json", "project-iam-policy.json", "customer-export-iam-policy.json"
        }) {
      Files.copy(storefront.resolve(file), after.resolve(file));
    }

    Path before = report("before", storefront);
    Path later = report("after", after);
    Cli cli = Cli.run("diff", before.toString(), later.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .contains("0 new, 2 fixed", "WDN-GCP-001", "WDN-GCP-002", "RISK", "orders-api");
    Cli reverse = Cli.run("diff", later.toString(), before.toString(), "--fail-on", "high");
    assertThat(reverse.exitCode()).isEqualTo(1);
    assertThat(reverse.out()).contains("2 new, 0 fixed");
    Cli json = Cli.run("diff", before.toString(), later.toString(), "--format", "json");
    assertThat(json.out()).contains("\"fixed\"", "\"riskMoves\"");
  }

  @Test
  void aFileThatIsNotAReportIsAnInputError() throws Exception {
    Path notAReport = folder.resolve("x.json");
    Files.writeString(notAReport, "{\"hello\": 1}");
    Cli cli = Cli.run("diff", notAReport.toString(), notAReport.toString());
    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).contains("not a Warden JSON report").doesNotContain("Exception");
  }
}
