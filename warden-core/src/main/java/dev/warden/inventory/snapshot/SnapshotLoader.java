package dev.warden.inventory.snapshot;

import dev.warden.inventory.App;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.sam.CloudFormationLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the AWS CLI exports of a scan, folder by folder: the exports of one folder (with its
 * subfolders, when it holds the {@code manifest.json} of a collected snapshot) are one account's
 * snapshot and become one app of format {@code aws-snapshot}, read by the CloudFormation loader
 * after {@link SnapshotCompiler}. Exports that describe no function (authorization details or
 * policies alone) add nothing and are said so.
 */
public final class SnapshotLoader {

  private final CloudFormationLoader cloudFormation;

  public SnapshotLoader(CloudFormationLoader cloudFormation) {
    this.cloudFormation = cloudFormation;
  }

  public CloudFormationLoader.Result load(ScanRoot root, List<AwsExport> exports) {
    List<String> snapshotRoots =
        exports.stream()
            .filter(e -> e.kind() == AwsExport.Kind.MANIFEST)
            .map(AwsExport::folder)
            .toList();
    Map<String, List<AwsExport>> byFolder = new java.util.TreeMap<>();
    for (AwsExport export : exports) {
      byFolder
          .computeIfAbsent(snapshotOf(export.folder(), snapshotRoots), k -> new ArrayList<>())
          .add(export);
    }
    List<App> apps = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (Map.Entry<String, List<AwsExport>> folder : byFolder.entrySet()) {
      Path snapshot = root.path().resolve(folder.getKey().equals(".") ? "" : folder.getKey());
      SnapshotCompiler compiler =
          new SnapshotCompiler(
              problems, relative -> java.nio.file.Files.isRegularFile(snapshot.resolve(relative)));
      folder.getValue().forEach(compiler::add);
      problems.addAll(compiler.coverageGaps());
      if (compiler.isEmpty()) {
        for (AwsExport export : folder.getValue()) {
          if (export.kind() == AwsExport.Kind.MANIFEST) {
            continue;
          }
          problems.add(
              new InputProblem(
                  SourceLocation.ofFile(export.display()),
                  "AWS CLI export without any Lambda function beside it; not used",
                  "Put it in the folder of the aws lambda list-functions or get-function"
                      + " output it describes."));
        }
        continue;
      }
      SourceLocation at = folder.getValue().get(0).document().at();
      CloudFormationLoader.Result result =
          cloudFormation.loadCompiled(
              root, snapshot, new Document(compiler.template(at), List.of()), "aws-snapshot");
      Map<String, String> arns = compiler.arns();
      for (App app : result.apps()) {
        apps.add(
            new App(
                app.id(),
                app.format(),
                app.description(),
                app.functions().stream()
                    .map(f -> f.withId(arns.getOrDefault(f.logicalId(), f.id())))
                    .toList(),
                app.resources(),
                app.apis(),
                app.layers(),
                app.suppressions(),
                app.at()));
      }
      problems.addAll(result.problems());
    }
    return new CloudFormationLoader.Result(apps, problems, java.util.Set.of());
  }

  /**
   * The snapshot an export belongs to: the nearest folder above it (or its own) that holds a {@code
   * manifest.json} — a collected snapshot spreads its answers over subfolders — else the export's
   * own folder.
   */
  static String snapshotOf(String folder, List<String> snapshotRoots) {
    String best = null;
    for (String root : snapshotRoots) {
      boolean inside = root.equals(".") || folder.equals(root) || folder.startsWith(root + "/");
      if (inside && (best == null || root.length() > best.length() || best.equals("."))) {
        best = root;
      }
    }
    return best == null ? folder : best;
  }
}
