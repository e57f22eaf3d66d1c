package dev.warden.cli;

import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.leastpriv.GeneratedPolicy;
import dev.warden.leastpriv.LeastPrivilege;
import dev.warden.leastpriv.Need;
import dev.warden.scan.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "policy",
    description = {
      "Write the least-privilege IAM policy of a function: the actions its code calls, on the"
          + " resources the template defines, plus what the platform needs for its configuration;"
          + " and what it removes from the function's current role.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden policy --all --trail trail/ .",
      "  warden policy examples/acme-shop --function OrdersApiFunction",
      "  warden policy examples/acme-shop --all --format json",
      "  warden policy examples/acme-shop --patch"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the policy was written",
      "2:usage error (no such function, neither --function nor --all nor --patch)",
      "3:the input could not be loaded at all"
    },
    mixinStandardHelpOptions = true)
final class PolicyCommand implements Callable<Integer> {

  enum Format {
    IAM,
    JSON,
    SAM,
    SERVERLESS,
    TERRAFORM
  }

  @Parameters(arity = "1", paramLabel = "PATH", description = "A template file or a folder.")
  Path path;

  @Option(names = "--function", paramLabel = "NAME", description = "The function (logical id).")
  String function;

  @Option(names = "--all", description = "Every function of the app (implies --format json).")
  boolean all;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "iam (the policy document), json (policy, evidence, unused, missing), or the snippet"
              + " to paste into the source: sam (the function's Policies), serverless"
              + " (iamRoleStatements per function) or terraform (an aws_iam_policy_document).",
      defaultValue = "iam")
  Format format;

  @Option(
      names = "--patch",
      description =
          "Write a patched copy beside each template (NAME.warden.EXT) in which every function"
              + " (or the one of --function) has its least-privilege policy in a role of its own"
              + " (in a serverless.yml: its own iamRoleStatements, with the per-function-roles"
              + " plugin); functions whose policy is incomplete are left as they are.")
  boolean patch;

  @Option(
      names = "--in-place",
      description =
          "With --patch: patch the templates themselves, keeping each original as"
              + " NAME.EXT.warden-backup.")
  boolean inPlace;

  @Option(
      names = "--trail",
      split = ",",
      paramLabel = "LOGS",
      description =
          "Audit logs (CloudTrail files or folders, JSON Lines, gzipped or not): what each function"
              + " used in them joins what its code shows, with the logs as evidence.")
  List<String> trail;

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    if (inPlace && !patch) {
      throw new UsageProblem("--in-place goes with --patch");
    }
    if (function == null && !all && !patch) {
      throw new UsageProblem("give --function NAME, --all or --patch");
    }
    if (function != null && all) {
      throw new UsageProblem("give --function NAME or --all, not both");
    }
    output.checkNotAnInput();
    Inventory inventory = new InventoryLoader(input.request(List.of(path))).load();
    Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    LeastPrivilege leastPrivilege = new LeastPrivilege();
    java.util.Optional<dev.warden.logs.PermissionUsage> observed =
        trail == null || trail.isEmpty()
            ? java.util.Optional.empty()
            : java.util.Optional.of(LogsCommand.usage(trail));
    TemplatePatcher patcher = new TemplatePatcher(root, inPlace);
    List<Map<String, Object>> entries = new ArrayList<>();
    Map<String, Object> single = null;
    List<String> otherClouds = new ArrayList<>();
    for (App app : inventory.apps()) {
      List<ServerlessFunction> named =
          app.functions().stream()
              .filter(fn -> function == null || fn.logicalId().equals(function))
              .toList();
      // IAM policies are AWS's; Azure and Google Cloud identities are judged by warden scan
      named.stream()
          .filter(fn -> fn.cloud() != Cloud.AWS)
          .forEach(fn -> otherClouds.add(fn.logicalId() + " (" + fn.cloud().wireName() + ")"));
      List<ServerlessFunction> chosen =
          named.stream().filter(fn -> fn.cloud() == Cloud.AWS).toList();
      // Functions are independent: analysed in parallel, reported in the template's order.
      List<GeneratedPolicy> policies =
          chosen.parallelStream().map(fn -> leastPrivilege.of(root, fn, app, observed)).toList();
      for (int i = 0; i < chosen.size(); i++) {
        patcher.add(chosen.get(i), policies.get(i));
        entries.add(entry(chosen.get(i), policies.get(i)));
        single = policies.get(i).document();
      }
    }
    if (entries.isEmpty() && !otherClouds.isEmpty()) {
      throw new UsageProblem(
          "least-privilege policies are written for AWS functions only; "
              + String.join(", ", otherClouds.subList(0, Math.min(5, otherClouds.size())))
              + (otherClouds.size() > 5 ? " and " + (otherClouds.size() - 5) + " more" : "")
              + ": warden scan reports their roles (WDN-GCP-004/005, WDN-AZ-010)");
    }
    if (entries.isEmpty()) {
      throw new UsageProblem("no function " + function + " in " + path);
    }
    if (patch) {
      List<String> report = patcher.write();
      output.write(Main.stdout(), out -> out.write(String.join("\n", report) + "\n"));
      return ExitCodes.OK;
    }
    if (format == Format.SAM || format == Format.SERVERLESS || format == Format.TERRAFORM) {
      StringBuilder text = new StringBuilder();
      text.append(
          switch (format) {
            case SERVERLESS -> ServerlessSnippet.header();
            case TERRAFORM -> TerraformSnippet.header();
            default -> "";
          });
      for (Map<String, Object> entry : entries) {
        String name = (String) entry.get("function");
        Object policy = entry.get("policy");
        text.append(
            switch (format) {
              case SERVERLESS -> ServerlessSnippet.of(name, policy);
              case TERRAFORM -> TerraformSnippet.of(name, policy);
              default -> SamSnippet.of(name, policy);
            });
      }
      output.write(Main.stdout(), out -> out.write(text.toString()));
      return ExitCodes.OK;
    }
    Object result = all || format == Format.JSON ? Map.of("functions", entries) : single;
    output.writeJson(Main.stdout(), result);
    return ExitCodes.OK;
  }

  private static Map<String, Object> entry(ServerlessFunction fn, GeneratedPolicy policy) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("function", fn.logicalId());
    entry.put("functionId", fn.id());
    entry.put("policy", policy.document());
    entry.put("evidence", policy.evidence());
    entry.put("unused", policy.unused());
    List<Map<String, String>> missing = new ArrayList<>();
    for (Need need : policy.missing()) {
      Map<String, String> one = new LinkedHashMap<>();
      one.put("action", need.action());
      one.put("resource", need.resource().toString());
      missing.add(one);
    }
    entry.put("missing", missing);
    entry.put("reductionPercent", policy.reductionPercent());
    entry.put("complete", policy.complete());
    entry.put("notes", policy.notes());
    return entry;
  }
}
