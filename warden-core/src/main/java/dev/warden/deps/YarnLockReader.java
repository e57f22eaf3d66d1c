package dev.warden.deps;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code yarn.lock}, classic (v1, yarn's own indented format) and berry (yarn 2 and later, YAML
 * with a {@code __metadata} entry). Each entry resolves one or more {@code name@range} specs to a
 * version; dependency paths follow those specs from the project's {@code package.json}, whose
 * dependencies are the direct ones. Workspace and link entries are noted, not matched.
 */
public final class YarnLockReader {

  /** One resolved package: its name, version, specs it answers, its own dependency specs. */
  private record Entry(
      String name,
      String version,
      List<String> specs,
      Map<String, String> dependencies,
      SourceLocation at,
      boolean local) {}

  private YarnLockReader() {}

  public static DependencyFile read(SourceFile lockfile, Optional<SourceFile> manifest) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Entry> entries;
    if (lockfile.text().contains("__metadata:")) {
      entries = berry(lockfile, problems);
    } else {
      entries = classic(lockfile, problems);
    }
    Map<String, String> direct = manifestDependencies(manifest);
    Map<String, Entry> bySpec = new HashMap<>();
    for (Entry entry : entries) {
      for (String spec : entry.specs()) {
        bySpec.put(spec, entry);
      }
    }
    Map<Entry, List<String>> paths =
        LockDocuments.shortestPaths(
            resolved(direct, bySpec), e -> resolved(e.dependencies(), bySpec));
    List<Dependency> packages = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.local() || !SemVer.isValid(entry.version())) {
        notes.add(
            entry.name()
                + " is a workspace, link or non-registry entry ("
                + entry.version()
                + "): not matched");
        continue;
      }
      List<String> path = paths.getOrDefault(entry, List.of(entry.name()));
      packages.add(
          new Dependency(
              Ecosystem.NPM,
              entry.name(),
              Optional.of(entry.version()),
              Optional.empty(),
              path.size() == 1 && direct.containsKey(entry.name()),
              false,
              path,
              entry.at()));
    }
    if (manifest.isEmpty()) {
      notes.add(
          "no package.json beside the lockfile: direct and transitive packages are not told apart");
    }
    return new DependencyFile(
        lockfile.displayPath(), Ecosystem.NPM, true, packages, problems, notes);
  }

  /** The entries that name@range specs resolve to, with the names they were asked by. */
  private static Map<Entry, String> resolved(Map<String, String> specs, Map<String, Entry> bySpec) {
    Map<Entry, String> entries = new LinkedHashMap<>();
    specs.forEach(
        (name, range) -> {
          Entry entry = find(bySpec, name, range);
          if (entry != null) {
            entries.putIfAbsent(entry, name);
          }
        });
    return entries;
  }

  private static @Nullable Entry find(Map<String, Entry> bySpec, String name, String range) {
    Entry entry = bySpec.get(name + "@" + range);
    return entry != null ? entry : bySpec.get(name + "@npm:" + range);
  }

  /** Yarn 1: {@code "a@^1", a@^1.2:} then indented {@code version "1.2.3"} and dependencies. */
  private static List<Entry> classic(SourceFile file, List<InputProblem> problems) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = file.text().split("\r?\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#") || line.startsWith(" ")) {
        i++;
        continue;
      }
      SourceLocation at = new SourceLocation(file.displayPath(), i + 1, 1);
      if (!line.endsWith(":")) {
        problems.add(
            new InputProblem(
                at,
                "not a yarn.lock entry: " + line,
                "Regenerate the lockfile with yarn install."));
        i++;
        continue;
      }
      List<String> specs = new ArrayList<>();
      for (String spec : line.substring(0, line.length() - 1).split(",", -1)) {
        specs.add(unquote(spec.strip()));
      }
      String version = "";
      Map<String, String> dependencies = new LinkedHashMap<>();
      i++;
      boolean inDependencies = false;
      while (i < lines.length && (lines[i].startsWith(" ") || lines[i].isBlank())) {
        String body = lines[i];
        String stripped = body.strip();
        int indent = body.length() - body.stripLeading().length();
        if (indent == 2) {
          inDependencies =
              stripped.equals("dependencies:") || stripped.equals("optionalDependencies:");
          if (stripped.startsWith("version ")) {
            version = unquote(stripped.substring(8).strip());
          }
        } else if (indent >= 4 && inDependencies && !stripped.isEmpty()) {
          int space = stripped.lastIndexOf(' ');
          if (space > 0) {
            dependencies.put(
                unquote(stripped.substring(0, space)), unquote(stripped.substring(space + 1)));
          }
        }
        i++;
      }
      String name = nameOf(specs.get(0));
      boolean local =
          specs.stream()
              .anyMatch(
                  s -> s.contains("@file:") || s.contains("@link:") || s.contains("@workspace:"));
      entries.add(new Entry(name, version, specs, dependencies, at, local));
    }
    return entries;
  }

  /** Yarn 2+: YAML; {@code resolution: "a@npm:1.2.3"}, {@code linkType: soft} for workspaces. */
  private static List<Entry> berry(SourceFile file, List<InputProblem> problems) {
    List<Entry> entries = new ArrayList<>();
    Optional<Value.Obj> parsed =
        LockDocuments.mapping(file, problems, "Regenerate the lockfile with yarn install.");
    if (parsed.isEmpty()) {
      return entries;
    }
    Value.Obj lock = parsed.get();
    for (Value.Field field : lock.fields()) {
      if (field.key().equals("__metadata") || !(field.value() instanceof Value.Obj entry)) {
        continue;
      }
      List<String> specs = new ArrayList<>();
      for (String spec : field.key().split(",", -1)) {
        specs.add(spec.strip());
      }
      String version = entry.text("version").map(Object::toString).orElse("");
      Map<String, String> dependencies = new LinkedHashMap<>();
      entry
          .obj("dependencies")
          .ifPresent(
              d ->
                  d.fields()
                      .forEach(
                          f ->
                              dependencies.put(
                                  f.key(),
                                  f.value() instanceof Value.Str s ? s.text().toString() : "")));
      String resolution = entry.text("resolution").map(Object::toString).orElse(specs.get(0));
      boolean local =
          entry.text("linkType").map(t -> t.toString().equals("soft")).orElse(false)
              || !resolution.contains("@npm:");
      entries.add(
          new Entry(nameOf(specs.get(0)), version, specs, dependencies, field.keyAt(), local));
    }
    return entries;
  }

  /** {@code @scope/pkg@^1.0.0} → {@code @scope/pkg}. */
  private static String nameOf(String spec) {
    int at = spec.indexOf('@', 1);
    return at > 0 ? spec.substring(0, at) : spec;
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }

  private static Map<String, String> manifestDependencies(Optional<SourceFile> manifest) {
    Map<String, String> direct = new LinkedHashMap<>();
    if (manifest.isEmpty()) {
      return direct;
    }
    try {
      Value root = new DocumentReader(ReadLimits.DEFAULT).parse(manifest.get()).root();
      if (root instanceof Value.Obj json) {
        for (String key : List.of("dependencies", "optionalDependencies", "devDependencies")) {
          json.obj(key)
              .ifPresent(
                  d ->
                      d.fields()
                          .forEach(
                              f ->
                                  direct.put(
                                      f.key(),
                                      f.value() instanceof Value.Str s
                                          ? s.text().toString()
                                          : "")));
        }
      }
    } catch (InputError e) {
      // an unreadable package.json only costs the direct/transitive distinction
    }
    return direct;
  }
}
