package dev.warden.cli;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.PolicyDocument;
import dev.warden.iam.PolicyLinter;
import dev.warden.iam.PolicyParser;
import dev.warden.iam.PolicyProblem;
import dev.warden.iam.PolicyType;
import dev.warden.iam.RolePolicies;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.report.console.IamAnalysisTable;
import dev.warden.report.json.IamAnalysisJsonWriter;
import dev.warden.scan.InventoryLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "analyze",
    description = {
      "List what IAM policies allow, every action resolved against the bundled IAM catalog, and",
      "what an attacker holding them gets: administrator access, privilege escalation (each",
      "published method), data exfiltration, resource exposure, credentials exposure,",
      "infrastructure modification, passing any role. Give policy files (a policy document or",
      "a JSON list of them), or --function NAME with the templates that define it."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden iam analyze policy.json",
      "  warden iam analyze --boundary boundary.json --format json policy.json",
      "  warden iam analyze --function AdminTasksFunction examples/acme-shop"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the analysis was written (policy problems are part of it)",
      "2:usage error (an unknown option, a bad value, no such function)",
      "3:the input could not be read at all",
      "4:internal error (please report it with the --debug output)"
    },
    mixinStandardHelpOptions = true)
final class IamAnalyzeCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Policy files; with --function, the templates or folders to scan.")
  List<Path> paths;

  @Option(
      names = "--function",
      paramLabel = "NAME",
      description = "Analyse the role of this function (logical id or function name).")
  String function;

  @Option(
      names = "--boundary",
      paramLabel = "FILE",
      description = "A permissions boundary that limits the policies.")
  Path boundary;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Mixin InputOptions input = new InputOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    output.checkNotAnInput();
    IamCatalog catalog = IamCatalog.bundled();
    PolicyLinter linter = new PolicyLinter(catalog);
    DocumentReader reader = new DocumentReader(input.limits());
    List<PolicyDocument> identity = new ArrayList<>();
    List<PolicyProblem> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    Optional<PolicyDocument> bounds = Optional.empty();
    String subject;
    if (function != null) {
      ServerlessFunction fn = find(new InventoryLoader(input.request(paths)).load());
      RolePolicies role = RolePolicies.of(fn.role(), AwsManagedPolicies.bundled());
      identity.addAll(role.identity());
      problems.addAll(role.problems());
      unknowns.addAll(role.unknowns());
      bounds = role.boundary();
      subject = "function " + fn.logicalId() + " (role " + fn.role().displayName() + ")";
    } else {
      List<String> names = new ArrayList<>();
      for (Path path : paths) {
        Value root = reader.read(path, path.toString()).root();
        for (Value policy : root instanceof Value.Seq list ? list.items() : List.of(root)) {
          identity.add(PolicyParser.parse(policy, PolicyType.IDENTITY).document());
          problems.addAll(linter.lint(policy, PolicyType.IDENTITY));
        }
        names.add(path.toString());
      }
      subject = String.join(", ", names);
    }
    if (boundary != null) {
      Value root = reader.read(boundary, boundary.toString()).root();
      bounds = Optional.of(PolicyParser.parse(root, PolicyType.BOUNDARY).document());
      problems.addAll(linter.lint(root, PolicyType.BOUNDARY));
    }
    PermissionAnalysis analysis = PermissionAnalysis.of(catalog, identity, bounds);
    List<PolicyProblem> sorted = problems.stream().sorted().toList();
    output.write(
        Main.stdout(),
        out -> {
          if (format == Format.JSON) {
            new IamAnalysisJsonWriter().write(subject, analysis, sorted, unknowns, out);
          } else {
            new IamAnalysisTable(catalog, Clock.systemUTC())
                .write(subject, analysis, sorted, unknowns, out);
          }
        });
    return ExitCodes.OK;
  }

  private ServerlessFunction find(Inventory inventory) {
    List<ServerlessFunction> matches =
        inventory
            .functions()
            .filter(
                fn ->
                    fn.logicalId().equals(function)
                        || fn.name().concrete().map(function::equals).orElse(false))
            .toList();
    if (matches.isEmpty()) {
      List<String> names = inventory.functions().map(ServerlessFunction::logicalId).toList();
      throw new UsageProblem(
          "no function named "
              + function
              + (names.isEmpty()
                  ? " (no function found)"
                  : "; the functions are: " + String.join(", ", names)));
    }
    if (matches.size() > 1) {
      throw new UsageProblem(
          function
              + " names "
              + matches.size()
              + " functions: "
              + String.join(", ", matches.stream().map(ServerlessFunction::id).toList()));
    }
    return matches.get(0);
  }
}
