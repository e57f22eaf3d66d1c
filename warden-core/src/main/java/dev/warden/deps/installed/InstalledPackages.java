package dev.warden.deps.installed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.deps.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the packages installed in a folder — every {@code node_modules/<name>} (scoped and nested
 * too) with its {@code package.json}, every Python {@code <name>-<version>.dist-info} with the
 * files its {@code RECORD} lists — and reads their code for {@link CodeSignals}. Bounded: so many
 * packages, files per package and bytes per file at most; symbolic links are not followed, so
 * nothing outside the scan root is read.
 */
public final class InstalledPackages {

  /** What one installed package's code does. */
  public record Inspection(InstalledPackage installed, List<Signal> signals) {
    public Inspection {
      signals = List.copyOf(signals);
    }
  }

  static final int MAX_PACKAGES = 5_000;
  static final int MAX_FILES_PER_PACKAGE = 1_000;
  static final long MAX_FILE_BYTES = 1L << 20;
  private static final int MAX_DEPTH = 12;
  private static final Set<String> CODE = Set.of("js", "cjs", "mjs", "py");
  private static final Pattern DIST_INFO = Pattern.compile("(.+?)-([^-]+)\\.dist-info");
  private static final Pattern BUNDLED_NAME =
      Pattern.compile(
          "(?i).*(?:\\.min\\.(?:js|mjs|cjs)|[-.]bundle\\.js|/(?:dist|umd|build|browser|cdn|vendor)/.*)");
  private static final Pattern RUNS_FILE =
      Pattern.compile("\\bnode\\s+(?:-\\S+\\s+)*([\\w./-]+\\.c?m?js)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line longer than this, in a package that ships readable code, is a minified payload. */
  private static final int MINIFIED_LINE = 5_000;

  private InstalledPackages() {}

  /** The packages installed under {@code relativePath} of {@code root}. */
  public static List<InstalledPackage> find(Path root, String relativePath) {
    Path base = root.resolve(relativePath).normalize();
    if (!base.startsWith(root.normalize()) || !Files.isDirectory(base)) {
      return List.of();
    }
    List<InstalledPackage> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          base,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (found.size() >= MAX_PACKAGES) {
                return FileVisitResult.TERMINATE;
              }
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              Path parent = dir.getParent();
              String parentName =
                  parent == null || parent.getFileName() == null
                      ? ""
                      : parent.getFileName().toString();
              boolean inModules =
                  parentName.equals("node_modules")
                      || (parentName.startsWith("@")
                          && parent.getParent() != null
                          && parent.getParent().getFileName() != null
                          && parent.getParent().getFileName().toString().equals("node_modules"));
              if (inModules && !name.startsWith(".") && !name.startsWith("@")) {
                npm(root, dir).ifPresent(found::add);
              }
              Matcher distInfo = DIST_INFO.matcher(name);
              if (distInfo.matches()) {
                python(root, dir, distInfo.group(1), distInfo.group(2)).ifPresent(found::add);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return name.equals(".git") || name.equals("__pycache__")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // an unreadable folder: the packages found so far are what can be said
    }
    return found;
  }

  private static Optional<InstalledPackage> npm(Path root, Path dir) {
    Path manifest = dir.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(read(manifest));
      if (json == null || !json.isObject()) {
        return Optional.empty();
      }
      Map<String, String> scripts = new LinkedHashMap<>();
      for (String hook : List.of("preinstall", "install", "postinstall")) {
        JsonNode command = json.path("scripts").path(hook);
        if (command.isTextual() && !command.asText().isBlank()) {
          scripts.put(hook, command.asText());
        }
      }
      String name = json.path("name").asText(dir.getFileName().toString());
      return Optional.of(
          new InstalledPackage(
              Ecosystem.NPM,
              name,
              json.path("version").asText(""),
              dir,
              display(root, manifest),
              scripts,
              json.path("main").isTextual()
                  ? Optional.of(json.get("main").asText())
                  : Optional.empty(),
              List.of()));
    } catch (IOException e) {
      return Optional.empty(); // a package.json that is not JSON: not a package to read
    }
  }

  private static Optional<InstalledPackage> python(
      Path root, Path distInfo, String name, String version) {
    Path site = distInfo.getParent();
    List<Path> files = new ArrayList<>();
    Path record = distInfo.resolve("RECORD");
    try {
      if (Files.isRegularFile(record)) {
        for (String line : read(record).split("\n", -1)) {
          int comma = line.indexOf(',');
          String path = comma < 0 ? line.strip() : line.substring(0, comma);
          if (path.endsWith(".py")) {
            Path file = site.resolve(path).normalize();
            if (file.startsWith(site)) {
              files.add(file);
            }
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(
        new InstalledPackage(
            Ecosystem.PYPI,
            name.replace('_', '-'),
            version,
            site,
            display(root, distInfo),
            Map.of(),
            Optional.empty(),
            files));
  }

  /** Reads the package's code and returns what it does. */
  public static Inspection inspect(Path root, InstalledPackage installed) {
    List<Path> files = installed.files().isEmpty() ? walk(installed.folder()) : installed.files();
    List<Signal> signals = new ArrayList<>();
    List<String> longLines = new ArrayList<>();
    int readable = 0;
    int read = 0;
    for (Path file : files) {
      if (read++ >= MAX_FILES_PER_PACKAGE) {
        break;
      }
      String source;
      try {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
          continue;
        }
        source = read(file);
      } catch (IOException e) {
        continue;
      }
      String shown = display(root, file);
      signals.addAll(CodeSignals.scan(shown, source));
      if (CodeSignals.longestLine(source) > MINIFIED_LINE) {
        longLines.add(installed.folder().relativize(file).toString().replace('\\', '/'));
      } else {
        readable++;
      }
    }
    if (readable >= 3) {
      for (String file : longLines) {
        if (!BUNDLED_NAME.matcher("/" + file).matches() && loadedFirst(installed, file)) {
          signals.add(
              new Signal(
                  Signal.Kind.MINIFIED_PAYLOAD,
                  display(root, installed.folder().resolve(file)),
                  1,
                  file + " has lines of more than " + MINIFIED_LINE + " characters"));
        }
      }
    }
    return new Inspection(installed, signals);
  }

  /**
   * The file is what an install script runs: minified code is common in a package's {@code main},
   * rare and telling in what runs at install.
   */
  private static boolean loadedFirst(InstalledPackage installed, String file) {
    for (String command : installed.installScripts().values()) {
      Matcher runs = RUNS_FILE.matcher(command);
      while (runs.find()) {
        String target = runs.group(1).startsWith("./") ? runs.group(1).substring(2) : runs.group(1);
        if (file.equals(target)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The code files of an npm package, its own nested node_modules left to their packages. */
  private static List<Path> walk(Path folder) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          folder,
          Set.of(),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(folder) && (name.equals("node_modules") || name.equals(".git"))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
              int dot = name.lastIndexOf('.');
              if (attrs.isRegularFile() && dot > 0 && CODE.contains(name.substring(dot + 1))) {
                files.add(file);
              }
              return files.size() >= MAX_FILES_PER_PACKAGE
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // read what was found
    }
    files.sort(null);
    return files;
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes((int) MAX_FILE_BYTES), StandardCharsets.UTF_8);
    }
  }

  private static String display(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
