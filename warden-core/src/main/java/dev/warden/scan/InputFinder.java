package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.azure.ArmLoader;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.gcp.GcloudReader;
import dev.warden.inventory.serverless.ServerlessLoader;
import dev.warden.inventory.snapshot.AwsExport;
import dev.warden.inventory.terraform.TerraformLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files under a scanned folder that may be templates: YAML, JSON and {@code .template}
 * files whose first bytes mention CloudFormation or look like a Serverless Framework configuration,
 * outside dependency, build and VCS folders, and not the patched copies {@code warden policy
 * --patch} writes ({@code template.warden.yaml}, which would load every function twice; scan such a
 * copy by its file name). Never follows a symbolic link out of the scan root.
 */
final class InputFinder {

  static final Set<String> SKIPPED_FOLDERS =
      Set.of(
          "node_modules",
          "__pycache__",
          "venv",
          "target",
          "bower_components",
          "site-packages",
          "vendor");

  private static final Set<String> EXTENSIONS =
      Set.of("yaml", "yml", "json", "template", "tfstate");
  private static final Set<String> NOT_TEMPLATES =
      Set.of(
          "package.json",
          "package-lock.json",
          "npm-shrinkwrap.json",
          "tsconfig.json",
          "composer.json",
          "pnpm-lock.yaml",
          "samconfig.yaml",
          "samconfig.yml",
          "buildspec.yml",
          "buildspec.yaml",
          ".eslintrc.json",
          "cdk.json",
          "tslint.json",
          "launch.json",
          "settings.json",
          "event.json",
          "events.json",
          "docker-compose.yml",
          "docker-compose.yaml");
  private static final int SNIFF_BYTES = 64 * 1024;

  private final ScanRoot root;
  private final List<InputProblem> problems = new ArrayList<>();

  InputFinder(ScanRoot root) {
    this.root = root;
  }

  List<InputProblem> problems() {
    return problems;
  }

  /** Candidate template files under a folder, sorted by path. */
  List<Path> find(Path folder) throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        folder,
        Set.of(),
        64,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (!dir.equals(folder) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!isCandidateName(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink() && !root.contains(file)) {
              problems.add(
                  new InputProblem(
                      SourceLocation.ofFile(root.display(file)),
                      "symbolic link to a file outside the scanned folder; not read",
                      "Scan the folder that holds the real file."));
              return FileVisitResult.CONTINUE;
            }
            if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && sniff(file)) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(
                new InputProblem(
                    SourceLocation.ofFile(root.display(file)),
                    "cannot read: " + e.getMessage(),
                    "Check the file's permissions."));
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(Comparator.comparing(root::display));
    return found;
  }

  static boolean isCandidateName(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot > 0
        && EXTENSIONS.contains(lower.substring(dot + 1))
        && !NOT_TEMPLATES.contains(lower)
        && !lower.substring(0, dot).endsWith(".warden");
  }

  /** True when the first bytes look like a template (and the whole file is worth parsing). */
  private boolean sniff(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      problems.add(
          new InputProblem(
              SourceLocation.ofFile(root.display(file)),
              "cannot read: " + e.getMessage(),
              "Check the file's permissions."));
      return false;
    }
    String text = new String(head, StandardCharsets.UTF_8);
    return looksLikeTemplate(text)
        || ServerlessLoader.looksLikeServerless(text)
        || TerraformLoader.looksLikeTerraform(text)
        || GcloudReader.looksLikeGcloud(text)
        || ArmLoader.looksLikeArm(text)
        || AwsExport.looksLikeExport(text)
        || (file.getFileName().toString().equalsIgnoreCase("host.json")
            && text.contains("\"version\""));
  }

  static boolean looksLikeTemplate(String text) {
    return text.contains("AWSTemplateFormatVersion")
        || text.contains("AWS::Serverless-2016-10-31")
        || (text.contains("Resources") && text.contains("AWS::"));
  }
}
