package dev.warden.deps;

import dev.warden.code.CodePackage;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.InputError;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lockfiles and manifests a function ships: those in its code location's folder tree (not
 * inside installed packages or build output), one reading per project folder and ecosystem, a
 * lockfile preferred to its manifest — package-lock.json, npm-shrinkwrap.json, yarn.lock,
 * pnpm-lock.yaml, else package.json; poetry.lock, uv.lock, Pipfile.lock, else requirements*.txt;
 * mvn's dependencies.txt, gradle.lockfile, else pom.xml; go.mod.
 */
public final class DependencyFinder {

  private static final Set<String> SKIPPED =
      Set.of(
          "node_modules",
          ".git",
          ".venv",
          "venv",
          "site-packages",
          "__pycache__",
          "target",
          "build",
          "dist",
          ".aws-sam",
          ".serverless",
          "vendor");
  private static final int MAX_DEPTH = 6;

  private DependencyFinder() {}

  /** The dependency files of the function whose local code paths are relative to {@code root}. */
  public static List<DependencyFile> of(Path root, ServerlessFunction function) {
    if (!(function.code() instanceof CodeLocation.LocalPath local)) {
      return List.of();
    }
    return under(root, local.path());
  }

  /**
   * The dependency files in the folder tree at {@code relativePath} (a function's code folder, a
   * layer's content folder) under {@code root}.
   */
  public static List<DependencyFile> under(Path root, String relativePath) {
    Path base = root.resolve(relativePath).normalize();
    if (!base.startsWith(root.normalize())) {
      return List.of(); // never outside the scan root
    }
    if (Files.isRegularFile(base) && CodePackage.isPackage(base)) {
      // a deployment package: its lockfiles are read inside it, named archive!path
      String archive = relativePath.replace('\\', '/');
      CodePackage.Opened opened = CodePackage.open(base, archive);
      if (opened.code().isEmpty()) {
        return List.of(); // the code analysis reports why the package is refused
      }
      try (CodePackage unpacked = opened.code().get()) {
        return walk(new Tree(unpacked.root(), archive + "!"), unpacked.root());
      }
    }
    if (!Files.isDirectory(base)) {
      return List.of(); // a single file: nothing beside it is shipped
    }
    return walk(new Tree(root, ""), base);
  }

  /** Where dependency files are read: the folder paths are relative to, and how to name them. */
  private record Tree(Path root, String prefix) {}

  private static List<DependencyFile> walk(Tree tree, Path base) {
    Set<Path> folders = new TreeSet<>();
    try {
      Files.walkFileTree(
          base,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(base) && SKIPPED.contains(name.replace("/", ""))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              folders.add(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return List.of();
    }
    List<DependencyFile> found = new ArrayList<>();
    for (Path folder : folders) {
      found.addAll(inFolder(tree, folder));
    }
    return found;
  }

  private static List<DependencyFile> inFolder(Tree root, Path folder) {
    List<DependencyFile> found = new ArrayList<>();
    java.util.function.Function<Path, Optional<SourceFile>> reader = f -> read(root, f, found);
    Optional<SourceFile> packageJson = reader.apply(folder.resolve("package.json"));
    Optional<SourceFile> npmLock =
        reader
            .apply(folder.resolve("package-lock.json"))
            .or(() -> reader.apply(folder.resolve("npm-shrinkwrap.json")));
    Optional<SourceFile> yarn = reader.apply(folder.resolve("yarn.lock"));
    Optional<SourceFile> pnpm = reader.apply(folder.resolve("pnpm-lock.yaml"));
    if (npmLock.isPresent()) {
      found.add(NpmLockReader.read(npmLock.get(), packageJson));
    } else if (yarn.isPresent()) {
      found.add(YarnLockReader.read(yarn.get(), packageJson));
    } else if (pnpm.isPresent()) {
      found.add(PnpmLockReader.read(pnpm.get()));
    } else if (packageJson.isPresent()) {
      found.add(NpmLockReader.readManifest(packageJson.get()));
    }
    Optional<SourceFile> pyproject = reader.apply(folder.resolve("pyproject.toml"));
    Optional<SourceFile> tomlLock =
        reader
            .apply(folder.resolve("poetry.lock"))
            .or(() -> reader.apply(folder.resolve("uv.lock")));
    Optional<SourceFile> pipfileLock = reader.apply(folder.resolve("Pipfile.lock"));
    if (tomlLock.isPresent()) {
      found.add(PythonLockReader.readToml(tomlLock.get(), pyproject));
    } else if (pipfileLock.isPresent()) {
      found.add(
          PythonLockReader.readPipfileLock(
              pipfileLock.get(), reader.apply(folder.resolve("Pipfile"))));
    } else {
      for (Path requirements : requirementsFiles(folder)) {
        reader
            .apply(requirements)
            .ifPresent(
                file ->
                    found.add(
                        RequirementsReader.read(
                            file, name -> included(root, requirements.resolveSibling(name)))));
      }
    }
    Optional<SourceFile> pom = reader.apply(folder.resolve("pom.xml"));
    Optional<SourceFile> listed = reader.apply(folder.resolve("dependencies.txt"));
    Optional<SourceFile> gradle = reader.apply(folder.resolve("gradle.lockfile"));
    if (listed.isPresent()) {
      found.add(MavenReader.readDependencyList(listed.get(), pom.map(MavenReader::readPom)));
    } else if (gradle.isPresent()) {
      found.add(MavenReader.readGradleLock(gradle.get()));
    } else if (pom.isPresent()) {
      found.add(MavenReader.readPom(pom.get()));
    }
    reader.apply(folder.resolve("go.mod")).ifPresent(mod -> found.add(GoModReader.read(mod)));
    return found;
  }

  private static List<Path> requirementsFiles(Path folder) {
    try (var files = Files.list(folder)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.startsWith("requirements") && name.endsWith(".txt");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A {@code -r} include, only inside the scanned folder. */
  private static Optional<SourceFile> included(Tree root, Path file) {
    Path normal = file.toAbsolutePath().normalize();
    return normal.startsWith(root.root().toAbsolutePath().normalize())
        ? read(root, normal, new ArrayList<>())
        : Optional.empty();
  }

  /**
   * Reads a dependency file; one that exists but cannot be read (too large, unreadable, not UTF-8)
   * is added to {@code found} as a file with that problem, so the report says so.
   */
  private static Optional<SourceFile> read(Tree root, Path file, List<DependencyFile> found) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String display =
        root.prefix()
            + root.root()
                .toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    try {
      return Optional.of(SourceFile.read(file, display, ReadLimits.DEFAULT));
    } catch (InputError e) {
      found.add(
          new DependencyFile(
              display, ecosystemOf(display), false, List.of(), List.of(e.toProblem()), List.of()));
      return Optional.empty();
    }
  }

  private static Ecosystem ecosystemOf(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.equals("go.mod")) {
      return Ecosystem.GO;
    }
    if (name.equals("pom.xml")
        || name.equals("gradle.lockfile")
        || name.equals("dependencies.txt")) {
      return Ecosystem.MAVEN;
    }
    return name.startsWith("package")
            || name.startsWith("npm-")
            || name.startsWith("yarn")
            || name.startsWith("pnpm")
        ? Ecosystem.NPM
        : Ecosystem.PYPI;
  }
}
