package dev.warden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.report.json.JsonReportWriter;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder holding a SAM template, a serverless.yml and a Terraform plan's JSON, under names that
 * do not tell: each is found by its content, and one report covers them all.
 */
class MixedSourcesTest {

  @TempDir Path folder;

  @Test
  void eachFormatIsFoundByItsContentAndOneReportCoversThemAll() throws Exception {
    Loaded.write(
        folder,
        "sam/stack.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Webhook:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: .
              FunctionUrlConfig: {AuthType: NONE}
        """);
    Loaded.write(
        folder,
        "sls/app.yml",
        """
        service: mixed
        provider:
          name: aws
          runtime: nodejs20.x
        functions:
          hello:
            handler: handler.hello
            events:
              - httpApi: GET /hello
        """);
    Files.copy(resource("../inventory/terraform/shop/plan.json"), folder.resolve("infra-out.json"));

    ScanResult result = Scan.run(ScanRequest.of(folder), RuleFixture.CLOCK);

    assertThat(result.inventory().apps())
        .extracting(a -> a.id() + " " + a.format())
        .containsExactlyInAnyOrder(
            "infra-out.json terraform", "sam/stack.yaml sam", "sls/app.yml serverless");
    assertThat(result.inventory().functions().count()).isEqualTo(5);
    StringWriter report = new StringWriter();
    new JsonReportWriter().writeReport(result, report);
    JsonSchemas.assertValid("report-v1.schema.json", report.toString());
    assertThat(report.toString())
        .contains("\"sls/app.yml\"", "\"infra-out.json\"", "\"sam/stack.yaml\"");
  }

  @Test
  void allThreeCloudsInOneFolderOneReportSideBySide() throws Exception {
    copyTree(
        resource("../inventory/gcp/storefront/functions.json").getParent(), folder.resolve("gcp"));
    Files.copy(
        resource("../inventory/azure/invoices/main.json"), folder.resolve("azure-deploy.json"));
    copyTree(
        resource("../inventory/azure/project/host.json").getParent(),
        folder.resolve("azure-project"));
    Files.copy(resource("../inventory/terraform/gcp/plan.json"), folder.resolve("tf-google.json"));
    Files.copy(resource("../inventory/terraform/azure/plan.json"), folder.resolve("tf-azure.json"));
    Files.copy(resource("../inventory/terraform/shop/plan.json"), folder.resolve("tf-aws.json"));

    ScanResult result = Scan.run(ScanRequest.of(folder), RuleFixture.CLOCK);

    assertThat(result.inventory().apps())
        .extracting(a -> a.id() + " " + a.format())
        .containsExactlyInAnyOrder(
            "gcp/functions.json gcloud",
            "azure-deploy.json arm",
            "azure-project/host.json azure-functions",
            "tf-google.json terraform",
            "tf-azure.json terraform",
            "tf-aws.json terraform");
    assertThat(result.inventory().functions().map(f -> f.cloud().wireName()).distinct())
        .containsExactlyInAnyOrder("aws", "azure", "gcp");
    assertThat(result.inventory().problems()).isEmpty();
    StringWriter report = new StringWriter();
    new JsonReportWriter().writeReport(result, report);
    JsonSchemas.assertValid("report-v1.schema.json", report.toString());
    StringWriter inventory = new StringWriter();
    new JsonReportWriter().writeInventory(result.inventory(), inventory);
    JsonSchemas.assertValid("inventory-v1.schema.json", inventory.toString());
    StringWriter html = new StringWriter();
    new dev.warden.report.html.HtmlReportWriter().write(result, html);
    assertThat(html.toString())
        .contains("data-cloud=\"aws\"", "data-cloud=\"azure\"", "data-cloud=\"gcp\"");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static Path resource(String name) throws IOException {
    try {
      return Path.of(Objects.requireNonNull(MixedSourcesTest.class.getResource(name)).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
