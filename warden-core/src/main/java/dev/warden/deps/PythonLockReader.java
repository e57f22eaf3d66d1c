package dev.warden.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python lockfiles: {@code poetry.lock} and {@code uv.lock} (TOML, one {@code [[package]]} table
 * each, dependencies by name) and {@code Pipfile.lock} (JSON, {@code default} and {@code develop}
 * sections, flat). The direct packages are those the project asks for: uv's own project entry, or
 * the {@code pyproject.toml} / {@code Pipfile} beside the lockfile; paths follow the dependencies.
 * Each package points at its {@code [[package]]} line.
 */
public final class PythonLockReader {

  private static final TomlMapper TOML = new TomlMapper();

  private PythonLockReader() {}

  /** poetry.lock or uv.lock; {@code manifest} is the pyproject.toml beside it, if any. */
  public static DependencyFile readToml(SourceFile lockfile, Optional<SourceFile> manifest) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    JsonNode root;
    try {
      root = TOML.readTree(lockfile.text());
    } catch (IOException e) {
      problems.add(
          new InputProblem(
              SourceLocation.ofFile(lockfile.displayPath()),
              "not valid TOML: " + e.getMessage().lines().findFirst().orElse(""),
              "Regenerate the lockfile (poetry lock, uv lock)."));
      return new DependencyFile(
          lockfile.displayPath(), Ecosystem.PYPI, true, List.of(), problems, notes);
    }
    List<Integer> headers = headerLines(lockfile.text());
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    Map<String, SourceLocation> at = new LinkedHashMap<>();
    Set<String> direct = new LinkedHashSet<>(pyprojectDependencies(manifest));
    int index = 0;
    for (JsonNode pkg : root.path("package")) {
      int line = index < headers.size() ? headers.get(index) : 1;
      index++;
      String name = RequirementsReader.normalise(pkg.path("name").asText());
      JsonNode source = pkg.path("source");
      if (source.has("editable") || source.has("virtual") || source.has("directory")) {
        // uv's own project: its dependencies are the direct ones
        for (JsonNode dependency : pkg.path("dependencies")) {
          direct.add(RequirementsReader.normalise(dependency.path("name").asText()));
        }
        continue;
      }
      if (source.has("git")
          || source.has("path")
          || source.has("url")
          || source.path("type").asText("").matches("git|directory|file|url")) {
        notes.add(
            lockfile.displayPath()
                + ":"
                + line
                + ": "
                + name
                + " is not from the package index: not matched");
        continue;
      }
      byName.put(name, pkg);
      at.put(name, new SourceLocation(lockfile.displayPath(), line, 1));
    }
    if (direct.isEmpty()) {
      notes.add(
          "no project manifest beside the lockfile: direct and transitive packages are not told apart");
    }
    Map<String, String> roots = new LinkedHashMap<>();
    direct.stream().filter(byName::containsKey).forEach(d -> roots.put(d, d));
    Map<String, List<String>> paths =
        LockDocuments.shortestPaths(roots, name -> dependencies(byName.get(name), byName));
    List<Dependency> packages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : byName.entrySet()) {
      String name = entry.getKey();
      JsonNode pkg = entry.getValue();
      String category = pkg.path("category").asText("main");
      packages.add(
          new Dependency(
              Ecosystem.PYPI,
              name,
              Optional.of(pkg.path("version").asText()),
              Optional.empty(),
              direct.contains(name),
              category.equals("dev"),
              paths.getOrDefault(name, List.of(name)),
              at.get(name)));
    }
    return new DependencyFile(
        lockfile.displayPath(), Ecosystem.PYPI, true, packages, problems, notes);
  }

  /** Pipfile.lock: {@code default} and {@code develop}, each {@code name: {version: "==1.2"}}. */
  public static DependencyFile readPipfileLock(SourceFile lockfile, Optional<SourceFile> pipfile) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<Value.Obj> parsed =
        LockDocuments.mapping(lockfile, problems, "Regenerate the lockfile with pipenv lock.");
    List<Dependency> packages = new ArrayList<>();
    Set<String> direct = pipfileDependencies(pipfile);
    for (String section : List.of("default", "develop")) {
      for (Value.Field field :
          parsed.flatMap(l -> l.obj(section)).map(Value.Obj::fields).orElse(List.of())) {
        String name = RequirementsReader.normalise(field.key());
        Optional<String> version =
            field.value() instanceof Value.Obj entry
                ? entry.text("version").map(v -> v.toString().replaceFirst("^===?", ""))
                : Optional.empty();
        if (version.isEmpty()) {
          notes.add(
              field.keyAt()
                  + ": "
                  + name
                  + " has no pinned version (a VCS or path source): not matched");
          continue;
        }
        packages.add(
            new Dependency(
                Ecosystem.PYPI,
                name,
                version,
                Optional.empty(),
                direct.contains(name),
                section.equals("develop"),
                List.of(name),
                field.keyAt()));
      }
    }
    if (pipfile.isEmpty()) {
      notes.add(
          "no Pipfile beside Pipfile.lock: direct and transitive packages are not told apart");
    }
    return new DependencyFile(
        lockfile.displayPath(), Ecosystem.PYPI, true, packages, problems, notes);
  }

  /** A package's dependencies that the lockfile lists, by normalised name. */
  private static Map<String, String> dependencies(JsonNode pkg, Map<String, JsonNode> byName) {
    Map<String, String> out = new LinkedHashMap<>();
    if (pkg == null) {
      return out;
    }
    JsonNode dependencies = pkg.path("dependencies");
    List<String> names = new ArrayList<>();
    if (dependencies.isArray()) {
      dependencies.forEach(d -> names.add(d.path("name").asText())); // uv
    } else {
      dependencies.fieldNames().forEachRemaining(names::add); // poetry
    }
    for (String name : names) {
      String normal = RequirementsReader.normalise(name);
      if (byName.containsKey(normal)) {
        out.putIfAbsent(normal, normal);
      }
    }
    return out;
  }

  /** The lines of the {@code [[package]]} headers, in order. */
  private static List<Integer> headerLines(String text) {
    List<Integer> lines = new ArrayList<>();
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      if (all[i].strip().equals("[[package]]")) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  /** PEP 621 {@code [project] dependencies} and Poetry's {@code [tool.poetry.*dependencies]}. */
  private static Set<String> pyprojectDependencies(Optional<SourceFile> manifest) {
    Set<String> names = new LinkedHashSet<>();
    if (manifest.isEmpty()) {
      return names;
    }
    try {
      JsonNode root = TOML.readTree(manifest.get().text());
      for (JsonNode requirement : root.path("project").path("dependencies")) {
        String text = requirement.asText();
        names.add(RequirementsReader.normalise(text.split("[\\s\\[<>=!~;@(]", 2)[0]));
      }
      JsonNode poetry = root.path("tool").path("poetry");
      poetry
          .path("dependencies")
          .fieldNames()
          .forEachRemaining(n -> names.add(RequirementsReader.normalise(n)));
      poetry
          .path("dev-dependencies")
          .fieldNames()
          .forEachRemaining(n -> names.add(RequirementsReader.normalise(n)));
      poetry
          .path("group")
          .forEach(
              g ->
                  g.path("dependencies")
                      .fieldNames()
                      .forEachRemaining(n -> names.add(RequirementsReader.normalise(n))));
      names.remove("python");
    } catch (IOException e) {
      // an unreadable manifest only costs the direct/transitive distinction
    }
    return names;
  }

  private static Set<String> pipfileDependencies(Optional<SourceFile> pipfile) {
    Set<String> names = new LinkedHashSet<>();
    if (pipfile.isEmpty()) {
      return names;
    }
    try {
      JsonNode root = TOML.readTree(pipfile.get().text());
      for (String section : List.of("packages", "dev-packages")) {
        root.path(section)
            .fieldNames()
            .forEachRemaining(n -> names.add(RequirementsReader.normalise(n)));
      }
    } catch (IOException e) {
      // as above
    }
    return names;
  }
}
