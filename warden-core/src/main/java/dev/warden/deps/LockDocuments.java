package dev.warden.deps;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the JSON and YAML lockfile readers share: parsing, and shortest requirement paths. */
final class LockDocuments {

  private LockDocuments() {}

  /**
   * The lockfile's top-level mapping; a syntax error, or anything but a mapping, is a problem (with
   * its line) and gives nothing.
   */
  static Optional<Value.Obj> mapping(SourceFile file, List<InputProblem> problems, String hint) {
    try {
      Value root = new DocumentReader(ReadLimits.DEFAULT).parse(file).root();
      if (root instanceof Value.Obj mapping) {
        return Optional.of(mapping);
      }
      problems.add(new InputProblem(root.at(), file.displayPath() + " is not a mapping", hint));
    } catch (InputError e) {
      problems.add(e.toProblem());
    }
    return Optional.empty();
  }

  /**
   * The shortest chain of names from the project to each node: {@code roots} are the project's own
   * dependencies (node, its name), {@code edges} a node's dependencies the same way.
   */
  static <N> Map<N, List<String>> shortestPaths(
      Map<N, String> roots, Function<N, Map<N, String>> edges) {
    Map<N, List<String>> paths = new LinkedHashMap<>();
    Deque<N> queue = new ArrayDeque<>();
    roots.forEach(
        (node, name) -> {
          if (!paths.containsKey(node)) {
            paths.put(node, List.of(name));
            queue.add(node);
          }
        });
    while (!queue.isEmpty()) {
      N from = queue.poll();
      edges
          .apply(from)
          .forEach(
              (node, name) -> {
                if (!paths.containsKey(node)) {
                  List<String> path = new ArrayList<>(paths.get(from));
                  path.add(name);
                  paths.put(node, List.copyOf(path));
                  queue.add(node);
                }
              });
    }
    return paths;
  }
}
