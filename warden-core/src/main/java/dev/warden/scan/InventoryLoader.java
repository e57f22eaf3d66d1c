package dev.warden.scan;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.App;
import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.azure.ArmLoader;
import dev.warden.inventory.azure.AzureProjectLoader;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.gcp.GcloudReader;
import dev.warden.inventory.gcp.GcpFunctionSpec;
import dev.warden.inventory.gcp.GcpLoader;
import dev.warden.inventory.sam.CloudFormationLoader;
import dev.warden.inventory.serverless.ServerlessLoader;
import dev.warden.inventory.serverless.ServerlessVariables;
import dev.warden.inventory.snapshot.AwsExport;
import dev.warden.inventory.snapshot.SnapshotLoader;
import dev.warden.inventory.terraform.TerraformLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Loads every input under the scanned paths into one inventory. Templates load in parallel; the
 * result does not depend on the order they finish in.
 */
public final class InventoryLoader {

  private final ScanRequest request;
  private final DocumentReader reader;
  private final CloudFormationLoader cloudFormation;
  private final ServerlessLoader serverless;
  private final TerraformLoader terraform;

  public InventoryLoader(ScanRequest request) {
    this.request = request;
    this.reader = new DocumentReader(request.limits());
    this.cloudFormation = new CloudFormationLoader(reader, AwsManagedPolicies.bundled());
    this.serverless = new ServerlessLoader(reader, cloudFormation);
    this.terraform = new TerraformLoader(cloudFormation);
  }

  /** One file's outcome. */
  /**
   * What one file gave: a loaded result, or gcloud output that is built into apps once every IAM
   * policy file of the scan is read.
   */
  private record Loaded(
      Path file,
      CloudFormationLoader.@Nullable Result result,
      List<InputProblem> problems,
      GcpLoader.@Nullable FunctionsFile gcpFunctions,
      GcpLoader.@Nullable PolicyFile gcpPolicy,
      @Nullable AwsExport awsExport) {

    Loaded(Path file, CloudFormationLoader.@Nullable Result result, List<InputProblem> problems) {
      this(file, result, problems, null, null, null);
    }
  }

  /**
   * Loads the inventory.
   *
   * @throws NothingToScan when no input could be loaded at all
   */
  public Inventory load() {
    ScanRoot root = rootFor(request.paths());
    List<InputProblem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Set<Path> explicit = new HashSet<>();
    for (Path path : request.paths()) {
      Path absolute = path.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        problems.add(
            new InputProblem(
                SourceLocation.ofFile(path.toString()),
                "no such file or folder",
                "Check the path."));
        continue;
      }
      if (Files.isDirectory(absolute)) {
        InputFinder finder = new InputFinder(root);
        try {
          List<Path> found = finder.find(absolute);
          if (found.isEmpty()) {
            problems.add(
                new InputProblem(
                    SourceLocation.ofFile(root.display(absolute)),
                    "no function definition found in this folder (CloudFormation or SAM"
                        + " template, serverless.yml, Terraform plan or state, ARM template,"
                        + " Azure Functions project, gcloud functions output)",
                    "Scan a folder that holds one of those, or name the file."));
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        problems.addAll(finder.problems());
      } else {
        files.add(absolute);
        explicit.add(absolute);
      }
    }
    List<Loaded> loaded =
        files.parallelStream()
            .distinct()
            .map(f -> loadFile(root, f, explicit.contains(f)))
            .toList();
    Set<Path> nested = new HashSet<>();
    for (Loaded one : loaded) {
      if (one.result() != null) {
        nested.addAll(one.result().nestedTemplates());
      }
    }
    List<App> apps = new ArrayList<>();
    List<GcpLoader.FunctionsFile> gcpFunctions = new ArrayList<>();
    List<GcpLoader.PolicyFile> gcpPolicies = new ArrayList<>();
    List<AwsExport> awsExports = new ArrayList<>();
    for (Loaded one : loaded) {
      problems.addAll(one.problems());
      if (one.gcpFunctions() != null) {
        gcpFunctions.add(one.gcpFunctions());
      }
      if (one.gcpPolicy() != null) {
        gcpPolicies.add(one.gcpPolicy());
      }
      if (one.awsExport() != null) {
        awsExports.add(one.awsExport());
      }
      if (one.result() == null || (nested.contains(one.file()) && !explicit.contains(one.file()))) {
        continue;
      }
      apps.addAll(one.result().apps());
      problems.addAll(one.result().problems());
    }
    apps.addAll(GcpLoader.build(gcpFunctions, gcpPolicies, problems));
    if (!awsExports.isEmpty()) {
      CloudFormationLoader.Result snapshots =
          new SnapshotLoader(cloudFormation).load(root, awsExports);
      apps.addAll(snapshots.apps());
      problems.addAll(snapshots.problems());
    }
    if (apps.isEmpty()) {
      throw new NothingToScan(
          problems.isEmpty() ? "nothing to scan" : "no input could be loaded",
          problems.stream().sorted().distinct().toList());
    }
    return new Inventory(apps, problems);
  }

  private Loaded loadFile(ScanRoot root, Path file, boolean isExplicit) {
    String display = root.display(file);
    try {
      Document document = reader.read(file, display);
      if (ServerlessLoader.isServerless(document.root())) {
        return new Loaded(
            file,
            serverless.load(
                root, file, document, new ServerlessVariables.Options(request.stage(), null)),
            List.of());
      }
      if (ArmLoader.isArmTemplate(document.root())) {
        App app = ArmLoader.load(display, (Value.Obj) document.root());
        return new Loaded(
            file,
            new CloudFormationLoader.Result(List.of(app), document.problems(), Set.of()),
            List.of());
      }
      if (AzureProjectLoader.isHostJson(file, document.root())) {
        List<InputProblem> found = new ArrayList<>(document.problems());
        App app = new AzureProjectLoader(reader).load(root, file, found);
        return new Loaded(
            file, new CloudFormationLoader.Result(List.of(app), found, Set.of()), List.of());
      }
      java.util.Optional<AwsExport.Kind> export = AwsExport.kindOf(document.root());
      if (export.isPresent()) {
        Path parent = file.toAbsolutePath().getParent();
        return new Loaded(
            file,
            null,
            document.problems(),
            null,
            null,
            new AwsExport(
                display,
                parent == null ? "." : root.display(parent),
                export.get(),
                (Value.Obj) document.root()));
      }
      if (GcloudReader.isFunctions(document.root())) {
        List<InputProblem> read = new ArrayList<>(document.problems());
        List<GcpFunctionSpec> specs = GcloudReader.functions(document.root(), display, read);
        return new Loaded(
            file,
            null,
            read,
            new GcpLoader.FunctionsFile(display, specs, document.root().at()),
            null,
            null);
      }
      if (GcloudReader.isIamPolicy(document.root())) {
        return new Loaded(
            file,
            null,
            document.problems(),
            null,
            new GcpLoader.PolicyFile(display, (Value.Obj) document.root()),
            null);
      }
      if (TerraformLoader.isTerraform(document.root())) {
        return new Loaded(file, terraform.load(root, file, document), List.of());
      }
      if (!CloudFormationLoader.isTemplate(document.root())) {
        if (isExplicit) {
          return new Loaded(
              file,
              null,
              List.of(
                  new InputProblem(
                      SourceLocation.ofFile(display),
                      "not a CloudFormation or SAM template (no Resources section with typed"
                          + " resources), a Serverless Framework configuration or a Terraform"
                          + " plan's JSON",
                      "Scan a template or serverless.yml, or the folder that holds one.")));
        }
        return new Loaded(file, null, List.of());
      }
      return new Loaded(
          file, cloudFormation.load(root, file, document, request.parameters()), List.of());
    } catch (InputError e) {
      return new Loaded(file, null, List.of(e.toProblem()));
    } catch (IOException e) {
      return new Loaded(
          file,
          null,
          List.of(
              new InputProblem(
                  SourceLocation.ofFile(display),
                  "cannot read the project beside it: " + e.getMessage(),
                  "Check the folder's permissions.")));
    }
  }

  /** The root that report paths are relative to: the scanned folder, or the common ancestor. */
  static ScanRoot rootFor(List<Path> paths) {
    try {
      if (paths.size() == 1) {
        return ScanRoot.of(paths.get(0));
      }
      Path common = null;
      for (Path path : paths) {
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        if (folder == null) {
          continue;
        }
        if (common == null) {
          common = folder;
        } else {
          while (common != null && !folder.startsWith(common)) {
            common = common.getParent();
          }
        }
      }
      return ScanRoot.at(common == null ? Path.of("").toAbsolutePath() : common);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
