package dev.warden.inventory.terraform;

import dev.warden.inventory.App;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Value;
import dev.warden.inventory.ValueTree;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.sam.CloudFormationLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the JSON of {@code terraform show -json} (a plan or a state, format 0.x or 1.x) into an app
 * of kind {@code terraform}: its AWS resources compiled into the CloudFormation resources they
 * stand for and read by the CloudFormation loader, so every rule, score and report works on them.
 * Findings point at the plan file's lines; the report names each resource by its address.
 */
public final class TerraformLoader {

  private final CloudFormationLoader cloudFormation;

  public TerraformLoader(CloudFormationLoader cloudFormation) {
    this.cloudFormation = cloudFormation;
  }

  /** True when a parsed document is the JSON of a Terraform plan or state. */
  public static boolean isTerraform(Value document) {
    return TerraformPlan.isPlan(document);
  }

  /** True when the first bytes of a file look like {@code terraform show -json} output. */
  public static boolean looksLikeTerraform(String head) {
    return (head.contains("\"format_version\"")
            && (head.contains("\"terraform_version\"") || head.contains("\"planned_values\"")))
        || (head.contains("\"lineage\"") && head.contains("\"terraform_version\""));
  }

  public CloudFormationLoader.Result load(ScanRoot root, Path file, Document document) {
    List<InputProblem> problems = new ArrayList<>(document.problems());
    Value.Obj plan = (Value.Obj) document.root();
    if (TerraformPlan.isRawState(plan)) {
      String stateVersion = plan.get("version").flatMap(Value::asString).orElse("?");
      if (!stateVersion.equals("4")) {
        problems.add(
            new InputProblem(
                plan.get("version").map(Value::at).orElse(plan.at()),
                "Terraform state version " + stateVersion + " is not supported (Warden reads 4)",
                "Upgrade the state with Terraform 0.12 or later, or scan terraform show -json."));
        return new CloudFormationLoader.Result(List.of(), problems, Set.of());
      }
    }
    String version =
        TerraformPlan.isRawState(plan)
            ? "1.0"
            : plan.get("format_version").flatMap(Value::asString).orElse("?");
    if (!version.startsWith("0.") && !version.startsWith("1.")) {
      problems.add(
          new InputProblem(
              plan.get("format_version").map(Value::at).orElse(plan.at()),
              "Terraform JSON format " + version + " is not supported (Warden reads 0.x and 1.x)",
              "Write it with a Terraform of the 1.x line: terraform show -json PLAN > plan.json."));
      return new CloudFormationLoader.Result(List.of(), problems, Set.of());
    }
    String display = root.display(file);
    TerraformPlan resources = TerraformPlan.of(plan);
    Value.Obj compiled = new AwsResources(resources, display, problems).compile(plan.at());
    Value.Obj template =
        new ValueTree(plan.at())
            .put("AWSTemplateFormatVersion", AwsResources.str("2010-09-09", plan.at()))
            .put(
                "Description",
                AwsResources.str(
                    "Terraform "
                        + plan.get("terraform_version").flatMap(Value::asString).orElse("")
                        + (plan.has("planned_values") ? " plan" : " state")
                        + (TerraformPlan.isRawState(plan) ? " file" : ""),
                    plan.at()))
            .put("Resources", compiled)
            .build();
    List<ServerlessFunction> others =
        new ArrayList<>(new GoogleResources(resources, display).functions());
    others.addAll(new AzureResources(resources, display).functions());
    if (others.isEmpty()) {
      return cloudFormation.loadCompiled(root, file, new Document(template, problems), "terraform");
    }
    if (compiled.fields().isEmpty()) {
      App app =
          new App(
              display,
              "terraform",
              template.get("Description").flatMap(Value::asString),
              others,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              plan.at());
      return new CloudFormationLoader.Result(List.of(app), problems, Set.of());
    }
    CloudFormationLoader.Result aws =
        cloudFormation.loadCompiled(root, file, new Document(template, problems), "terraform");
    List<App> apps = new ArrayList<>();
    for (App app : aws.apps()) {
      List<ServerlessFunction> functions = new ArrayList<>(app.functions());
      functions.addAll(others);
      others = List.of();
      apps.add(
          new App(
              app.id(),
              app.format(),
              app.description(),
              functions,
              app.resources(),
              app.apis(),
              app.layers(),
              app.suppressions(),
              app.at()));
    }
    return new CloudFormationLoader.Result(apps, aws.problems(), aws.nestedTemplates());
  }
}
