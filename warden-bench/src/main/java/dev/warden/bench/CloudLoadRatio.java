package dev.warden.bench;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Value;
import dev.warden.inventory.azure.ArmLoader;
import dev.warden.inventory.azure.AzureProjectLoader;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.document.SourceFile;
import dev.warden.inventory.gcp.GcloudReader;
import dev.warden.inventory.gcp.GcpLoader;
import dev.warden.inventory.sam.CloudFormationLoader;
import dev.warden.inventory.terraform.TerraformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load time per function of the Azure and Google Cloud inputs against the SAM template of {@link
 * SourceLoadRatio} (the CloudFormation loader), parse included, at 10, 100 and 1,000 functions:
 * gcloud functions list JSON with the project's IAM policy; an ARM template (function apps with
 * site configuration, app settings, a function each and a role assignment each); an Azure Functions
 * project on disk (host.json and a function.json folder per function); Terraform plans of
 * google_cloudfunctions2_function (with function and project IAM members) and of
 * azurerm_linux_function_app (with functions and role assignments). The issue's target: each within
 * 2x of the CloudFormation loader per function.
 *
 * <p>Run: {@code java -cp warden-bench/target/benchmarks.jar dev.warden.bench.CloudLoadRatio
 * [rounds]}.
 */
public final class CloudLoadRatio {

  private CloudLoadRatio() {}

  static String gcloud(int functions) {
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < functions; i++) {
      out.append(i == 0 ? "" : ",\n");
      out.append(
          String.format(
              Locale.ROOT,
              """
              {"name": "projects/bench/locations/europe-west1/functions/fn%d", "environment": "GEN_2",
               "buildConfig": {"runtime": "python312", "entryPoint": "main",
                 "source": {"storageSource": {"bucket": "src", "object": "fn%d.zip"}}},
               "serviceConfig": {"availableMemory": "512M", "timeoutSeconds": 60,
                 "ingressSettings": "ALLOW_INTERNAL_ONLY",
                 "serviceAccountEmail": "fn%d@bench.iam.gserviceaccount.com",
                 "environmentVariables": {"STAGE": "dev", "TABLE": "items"},
                 "secretEnvironmentVariables": [{"key": "DB", "projectId": "bench", "secret": "db", "version": "1"}]},
               "eventTrigger": {"eventType": "google.cloud.pubsub.topic.v1.messagePublished",
                 "pubsubTopic": "projects/bench/topics/t%d"},
               "labels": {"team": "bench"}}""",
              i,
              i,
              i,
              i));
    }
    return out.append("\n]\n").toString();
  }

  static String projectPolicy(int functions) {
    StringBuilder out = new StringBuilder("{\"bindings\": [\n");
    for (int i = 0; i < functions; i++) {
      out.append(i == 0 ? "" : ",\n")
          .append("{\"role\": \"roles/pubsub.subscriber\", \"members\": [\"serviceAccount:fn")
          .append(i)
          .append("@bench.iam.gserviceaccount.com\"]}");
    }
    return out.append("\n], \"etag\": \"x\"}\n").toString();
  }

  static String arm(int functions) {
    StringBuilder out =
        new StringBuilder(
            """
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "contentVersion": "1.0.0.0",
             "parameters": {"prefix": {"type": "string", "defaultValue": "bench"}},
             "variables": {"contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c"},
             "resources": [
            """);
    for (int i = 0; i < functions; i++) {
      out.append(i == 0 ? "" : ",\n");
      out.append(
          String.format(
              Locale.ROOT,
              """
              {"type": "Microsoft.Web/sites", "apiVersion": "2023-01-01",
               "name": "[format('{0}-fn%d', parameters('prefix'))]", "kind": "functionapp,linux",
               "identity": {"type": "SystemAssigned"},
               "properties": {"httpsOnly": true, "siteConfig": {"minTlsVersion": "1.2", "ftpsState": "Disabled",
                 "appSettings": [{"name": "FUNCTIONS_WORKER_RUNTIME", "value": "python"},
                   {"name": "STAGE", "value": "dev"},
                   {"name": "SECRET", "value": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s%d/)"}]}}},
              {"type": "Microsoft.Web/sites/functions", "apiVersion": "2023-01-01",
               "name": "[format('{0}-fn%d/handler', parameters('prefix'))]",
               "properties": {"config": {"bindings": [{"type": "httpTrigger", "authLevel": "function",
                 "methods": ["get"], "route": "items/%d"}]}}},
              {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
               "name": "[guid('fn%d')]",
               "properties": {"roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('contributor'))]",
                 "principalId": "[reference(resourceId('Microsoft.Web/sites', format('{0}-fn%d', parameters('prefix'))), '2023-01-01', 'full').identity.principalId]"}}""",
              i,
              i,
              i,
              i,
              i,
              i));
    }
    return out.append("\n]}\n").toString();
  }

  static String googlePlan(int functions) {
    StringBuilder planned = new StringBuilder();
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < functions; i++) {
      String sep = i == 0 ? "" : ",\n";
      planned
          .append(sep)
          .append(
              String.format(
                  Locale.ROOT,
                  """
              {"address": "google_cloudfunctions2_function.fn%d", "mode": "managed", "type": "google_cloudfunctions2_function", "name": "fn%d",
               "values": {"name": "fn%d", "project": "bench", "location": "europe-west1",
                 "build_config": [{"runtime": "python312", "entry_point": "main"}],
                 "service_config": [{"available_memory": "512M", "timeout_seconds": 60, "ingress_settings": "ALLOW_INTERNAL_ONLY",
                   "service_account_email": "fn%d@bench.iam.gserviceaccount.com", "environment_variables": {"STAGE": "dev"}}],
                 "event_trigger": []}},
              {"address": "google_cloudfunctions2_function_iam_member.fn%d", "mode": "managed", "type": "google_cloudfunctions2_function_iam_member", "name": "fn%d",
               "values": {"cloud_function": "fn%d", "role": "roles/cloudfunctions.invoker", "member": "serviceAccount:caller@bench.iam.gserviceaccount.com"}},
              {"address": "google_project_iam_member.fn%d", "mode": "managed", "type": "google_project_iam_member", "name": "fn%d",
               "values": {"project": "bench", "role": "roles/pubsub.subscriber", "member": "serviceAccount:fn%d@bench.iam.gserviceaccount.com"}}""",
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i));
      config
          .append(sep)
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"address\": \"google_cloudfunctions2_function.fn%d\", \"mode\": \"managed\", \"type\": \"google_cloudfunctions2_function\", \"name\": \"fn%d\", \"expressions\": {}}",
                  i,
                  i));
    }
    return plan(planned, config);
  }

  static String azurePlan(int functions) {
    StringBuilder planned = new StringBuilder();
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < functions; i++) {
      String sep = i == 0 ? "" : ",\n";
      planned
          .append(sep)
          .append(
              String.format(
                  Locale.ROOT,
                  """
              {"address": "azurerm_linux_function_app.fn%d", "mode": "managed", "type": "azurerm_linux_function_app", "name": "fn%d",
               "values": {"name": "bench-fn%d", "https_only": true, "public_network_access_enabled": false,
                 "app_settings": {"STAGE": "dev", "FUNCTIONS_WORKER_RUNTIME": "python"},
                 "identity": [{"type": "SystemAssigned", "identity_ids": []}],
                 "site_config": [{"minimum_tls_version": "1.2", "ftps_state": "Disabled", "application_stack": [{"python_version": "3.11"}]}]}},
              {"address": "azurerm_function_app_function.fn%d", "mode": "managed", "type": "azurerm_function_app_function", "name": "fn%d",
               "values": {"name": "handler%d", "config_json": "{\\"bindings\\":[{\\"type\\":\\"httpTrigger\\",\\"authLevel\\":\\"function\\",\\"methods\\":[\\"get\\"]}]}"}},
              {"address": "azurerm_role_assignment.fn%d", "mode": "managed", "type": "azurerm_role_assignment", "name": "fn%d",
               "values": {"role_definition_name": "Storage Blob Data Reader", "scope": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st%d"}}""",
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i));
      config
          .append(sep)
          .append(
              String.format(
                  Locale.ROOT,
                  """
              {"address": "azurerm_function_app_function.fn%d", "mode": "managed", "type": "azurerm_function_app_function", "name": "fn%d",
               "expressions": {"function_app_id": {"references": ["azurerm_linux_function_app.fn%d.id", "azurerm_linux_function_app.fn%d"]}}},
              {"address": "azurerm_role_assignment.fn%d", "mode": "managed", "type": "azurerm_role_assignment", "name": "fn%d",
               "expressions": {"principal_id": {"references": ["azurerm_linux_function_app.fn%d.identity[0].principal_id", "azurerm_linux_function_app.fn%d"]}}}""",
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i,
                  i));
    }
    return plan(planned, config);
  }

  private static String plan(StringBuilder planned, StringBuilder config) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"planned_values\":{\"root_module\":{\"resources\":["
        + planned
        + "]}},\"configuration\":{\"root_module\":{\"resources\":["
        + config
        + "]}}}";
  }

  private static void project(Path folder, int functions) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("host.json"), "{\"version\": \"2.0\"}");
    for (int i = 0; i < functions; i++) {
      Path fn = folder.resolve("fn" + i);
      Files.createDirectories(fn);
      Files.writeString(
          fn.resolve("function.json"),
          "{\"scriptFile\": \"__init__.py\", \"bindings\": [{\"type\": \"httpTrigger\","
              + " \"authLevel\": \"function\", \"methods\": [\"get\"], \"route\": \"items/"
              + i
              + "\", \"name\": \"req\", \"direction\": \"in\"}]}");
      Files.writeString(fn.resolve("__init__.py"), "def main(req):\n    return 'ok'\n");
    }
  }

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path root = Files.createTempDirectory("warden-cloud-ratio");
    ScanRoot scanRoot = ScanRoot.of(root);
    DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);
    CloudFormationLoader cloudFormation =
        new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    TerraformLoader terraform = new TerraformLoader(cloudFormation);
    AzureProjectLoader projects = new AzureProjectLoader(reader);
    String[] names = {"SAM", "gcloud", "ARM", "az project", "TF google", "TF azurerm"};
    System.out.println(
        "functions  µs/fn: SAM  gcloud  ARM  az-project  TF-google  TF-azurerm   ratio to SAM"
            + " (median of rounds)");
    long sink = 0;
    for (int functions : new int[] {10, 100, 1000}) {
      String sam = SourceLoadRatio.sam(functions);
      String gcloud = gcloud(functions);
      String policy = projectPolicy(functions);
      String arm = arm(functions);
      String google = googlePlan(functions);
      String azure = azurePlan(functions);
      Path samFile = root.resolve("template.yaml");
      Path googleFile = root.resolve("google.json");
      Path azureFile = root.resolve("azure.json");
      Files.writeString(samFile, sam);
      Files.writeString(googleFile, google);
      Files.writeString(azureFile, azure);
      Path projectFolder = root.resolve("project" + functions);
      project(projectFolder, functions);
      List<double[]> results = new ArrayList<>();
      int warmup = Math.max(3, rounds / 3);
      int repeat = Math.max(1, 300 / functions);
      for (int round = 0; round < warmup + rounds; round++) {
        long[] nanos = new long[names.length];
        for (int r = 0; r < repeat; r++) {
          long t = System.nanoTime();
          Document template = reader.parse(new SourceFile("template.yaml", sam));
          sink += cloudFormation.load(scanRoot, samFile, template, Map.of()).apps().size();
          nanos[0] += -t + (t = System.nanoTime());
          List<InputProblem> problems = new ArrayList<>();
          Document described = reader.parse(new SourceFile("functions.json", gcloud));
          Document bindings = reader.parse(new SourceFile("project-iam-policy.json", policy));
          sink +=
              GcpLoader.build(
                      List.of(
                          new GcpLoader.FunctionsFile(
                              "functions.json",
                              GcloudReader.functions(described.root(), "functions.json", problems),
                              described.root().at())),
                      List.of(
                          new GcpLoader.PolicyFile(
                              "project-iam-policy.json", (Value.Obj) bindings.root())),
                      problems)
                  .get(0)
                  .functions()
                  .size();
          nanos[1] += -t + (t = System.nanoTime());
          Document armDocument = reader.parse(new SourceFile("main.json", arm));
          sink += ArmLoader.load("main.json", (Value.Obj) armDocument.root()).functions().size();
          nanos[2] += -t + (t = System.nanoTime());
          sink +=
              projects
                  .load(scanRoot, projectFolder.resolve("host.json"), new ArrayList<>())
                  .functions()
                  .size();
          nanos[3] += -t + (t = System.nanoTime());
          Document googleDocument = reader.parse(new SourceFile("google.json", google));
          sink +=
              terraform.load(scanRoot, googleFile, googleDocument).apps().get(0).functions().size();
          nanos[4] += -t + (t = System.nanoTime());
          Document azureDocument = reader.parse(new SourceFile("azure.json", azure));
          sink +=
              terraform.load(scanRoot, azureFile, azureDocument).apps().get(0).functions().size();
          nanos[5] += -t + (t = System.nanoTime());
        }
        if (round >= warmup) {
          double[] perFunction = new double[names.length];
          for (int k = 0; k < names.length; k++) {
            perFunction[k] = nanos[k] / (double) (functions * repeat) / 1000;
          }
          results.add(perFunction);
        }
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%9d ", functions));
      for (int k = 0; k < names.length; k++) {
        line.append(String.format(Locale.ROOT, " %8.1f", median(results, k)));
      }
      line.append("  ");
      for (int k = 1; k < names.length; k++) {
        line.append(
            String.format(
                Locale.ROOT, " %s %.2f", names[k], median(results, k) / median(results, 0)));
      }
      System.out.println(line);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static double median(List<double[]> results, int column) {
    List<Double> values = new ArrayList<>();
    results.forEach(r -> values.add(r[column]));
    Collections.sort(values);
    return values.get(values.size() / 2);
  }
}
