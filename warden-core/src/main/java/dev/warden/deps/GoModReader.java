package dev.warden.deps;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code go.mod}: the modules it requires (since Go 1.17 every module the build needs, the indirect
 * ones marked {@code // indirect}), with {@code replace} (a module replaced by another version or
 * module is that one; by a local folder, not matchable) and {@code exclude} honoured. {@code
 * go.sum} lists more versions than are built and is not needed.
 */
public final class GoModReader {

  private GoModReader() {}

  private record Line(String text, boolean indirect, SourceLocation at) {}

  public static DependencyFile read(SourceFile file) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, List<Line>> blocks = new HashMap<>();
    String[] lines = file.text().split("\r?\n", -1);
    String block = null;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int comment = raw.indexOf("//");
      boolean indirect = comment >= 0 && raw.substring(comment).contains("indirect");
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
      SourceLocation at = new SourceLocation(file.displayPath(), i + 1, 1);
      if (line.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (line.equals(")")) {
          block = null;
        } else {
          blocks.computeIfAbsent(block, k -> new ArrayList<>()).add(new Line(line, indirect, at));
        }
        continue;
      }
      String[] words = line.split("\\s+", 2);
      if (words.length == 2 && words[1].equals("(")) {
        block = words[0];
      } else if (words.length == 2) {
        blocks
            .computeIfAbsent(words[0], k -> new ArrayList<>())
            .add(new Line(words[1], indirect, at));
      }
    }
    Map<String, String[]> replaced = new HashMap<>();
    for (Line replace : blocks.getOrDefault("replace", List.of())) {
      String[] sides = replace.text().split("=>", -1);
      if (sides.length != 2) {
        problems.add(
            new InputProblem(
                replace.at(), "a replace needs one =>", "Write: replace old [v] => new [v]"));
        continue;
      }
      replaced.put(sides[0].strip().split("\\s+", -1)[0], sides[1].strip().split("\\s+", -1));
    }
    Set<String> excluded = new HashSet<>();
    for (Line exclude : blocks.getOrDefault("exclude", List.of())) {
      excluded.add(exclude.text().replaceAll("\\s+", "@"));
    }
    List<Dependency> packages = new ArrayList<>();
    for (Line require : blocks.getOrDefault("require", List.of())) {
      String[] words = require.text().split("\\s+", -1);
      if (words.length != 2 || !GoVersion.isValid(words[1])) {
        problems.add(
            new InputProblem(
                require.at(),
                "not a requirement: " + require.text(),
                "Write: require module/path v1.2.3"));
        continue;
      }
      String module = words[0];
      String version = words[1];
      if (excluded.contains(module + "@" + version)) {
        continue;
      }
      String[] replacement = replaced.get(module);
      if (replacement != null) {
        if (replacement.length == 1) {
          notes.add(
              require.at()
                  + ": "
                  + module
                  + " is replaced by the local folder "
                  + replacement[0]
                  + ": not matched");
          continue;
        }
        module = replacement[0];
        version = replacement[1];
      }
      packages.add(
          new Dependency(
              Ecosystem.GO,
              module,
              Optional.of(version.startsWith("v") ? version.substring(1) : version),
              Optional.empty(),
              !require.indirect(),
              false,
              List.of(module),
              require.at()));
    }
    return new DependencyFile(file.displayPath(), Ecosystem.GO, true, packages, problems, notes);
  }
}
