package dev.warden.deps;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pnpm-lock.yaml}, lockfile versions 5 ({@code /name/1.2.3} keys), 6 ({@code /name@1.2.3})
 * and 9 ({@code name@1.2.3}, dependencies under {@code snapshots}, the project under {@code
 * importers}). The project's own dependencies are the direct ones; paths follow each package's
 * dependencies. Peer-dependency suffixes ({@code 1.2.3(react@18.2.0)}) are not part of the version;
 * {@code link:} and {@code file:} versions are noted, not matched.
 */
public final class PnpmLockReader {

  private record Node(String name, String version, SourceLocation at, boolean dev) {}

  private PnpmLockReader() {}

  public static DependencyFile read(SourceFile lockfile) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<Value.Obj> parsed =
        LockDocuments.mapping(lockfile, problems, "Regenerate the lockfile with pnpm install.");
    if (parsed.isEmpty()) {
      return new DependencyFile(
          lockfile.displayPath(), Ecosystem.NPM, true, List.of(), problems, notes);
    }
    Value.Obj lock = parsed.get();
    // The project's dependencies: under importers."." (v9, and v6 workspaces) or at the top.
    Value.Obj project = lock.obj("importers").flatMap(i -> i.obj(".")).orElse(lock);
    Map<String, String> direct = new LinkedHashMap<>();
    for (String key : List.of("dependencies", "optionalDependencies", "devDependencies")) {
      project
          .obj(key)
          .ifPresent(d -> d.fields().forEach(f -> direct.put(f.key(), version(f.value()))));
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, Map<String, String>> edges = new LinkedHashMap<>();
    for (Value.Field field : lock.obj("packages").map(Value.Obj::fields).orElse(List.of())) {
      Optional<String[]> id = id(field.key());
      if (id.isEmpty()) {
        notes.add(field.key() + " is not a registry package: not matched");
        continue;
      }
      boolean dev =
          field.value() instanceof Value.Obj entry
              && entry.get("dev").filter(v -> v instanceof Value.Bool b && b.value()).isPresent();
      String key = id.get()[0] + "@" + id.get()[1];
      nodes.put(key, new Node(id.get()[0], id.get()[1], field.keyAt(), dev));
      edges.put(key, dependencies(field.value()));
    }
    for (Value.Field field : lock.obj("snapshots").map(Value.Obj::fields).orElse(List.of())) {
      id(field.key()).ifPresent(id -> edges.put(id[0] + "@" + id[1], dependencies(field.value())));
    }
    Map<String, String> roots = new LinkedHashMap<>();
    for (Map.Entry<String, String> dependency : direct.entrySet()) {
      String key = dependency.getKey() + "@" + peerless(dependency.getValue());
      if (nodes.containsKey(key)) {
        roots.putIfAbsent(key, dependency.getKey());
      } else if (dependency.getValue().startsWith("link:")
          || dependency.getValue().startsWith("file:")) {
        notes.add(dependency.getKey() + " is " + dependency.getValue() + ": not matched");
      }
    }
    Map<String, List<String>> paths =
        LockDocuments.shortestPaths(
            roots,
            from -> {
              Map<String, String> next = new LinkedHashMap<>();
              edges
                  .getOrDefault(from, Map.of())
                  .forEach(
                      (name, version) -> {
                        String key = name + "@" + peerless(version);
                        if (nodes.containsKey(key)) {
                          next.putIfAbsent(key, name);
                        }
                      });
              return next;
            });
    List<Dependency> packages = new ArrayList<>();
    for (Map.Entry<String, Node> node : nodes.entrySet()) {
      Node n = node.getValue();
      if (!SemVer.isValid(n.version())) {
        notes.add(n.name() + "@" + n.version() + " is not a registry version: not matched");
        continue;
      }
      List<String> path = paths.getOrDefault(node.getKey(), List.of(n.name()));
      packages.add(
          new Dependency(
              Ecosystem.NPM,
              n.name(),
              Optional.of(n.version()),
              Optional.empty(),
              path.size() == 1 && direct.containsKey(n.name()),
              n.dev(),
              path,
              n.at()));
    }
    return new DependencyFile(
        lockfile.displayPath(), Ecosystem.NPM, true, packages, problems, notes);
  }

  /** {@code /a/1.0.0}, {@code /@s/a@1.0.0(peer@2)}, {@code a@1.0.0}: name and version. */
  private static Optional<String[]> id(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    k = peerless(k);
    int at = k.indexOf('@', 1);
    if (at > 0) {
      return Optional.of(new String[] {k.substring(0, at), k.substring(at + 1)});
    }
    int slash = k.lastIndexOf('/');
    if (slash > 0) {
      return Optional.of(new String[] {k.substring(0, slash), k.substring(slash + 1)});
    }
    return Optional.empty();
  }

  private static String peerless(String version) {
    int open = version.indexOf('(');
    String v = open >= 0 ? version.substring(0, open) : version;
    int underscore = v.indexOf('_'); // v5 writes peers after an underscore
    return underscore >= 0 ? v.substring(0, underscore) : v;
  }

  private static String version(Value value) {
    if (value instanceof Value.Obj entry) {
      return entry.text("version").map(Object::toString).orElse("");
    }
    return value instanceof Value.Str s ? s.text().toString() : "";
  }

  private static Map<String, String> dependencies(Value value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Value.Obj entry) {
      for (String key : List.of("dependencies", "optionalDependencies")) {
        entry
            .obj(key)
            .ifPresent(d -> d.fields().forEach(f -> out.put(f.key(), version(f.value()))));
      }
    }
    return out;
  }
}
