package dev.warden.cli;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.leastpriv.GeneratedPolicy;
import dev.warden.leastpriv.patch.FunctionPatch;
import dev.warden.leastpriv.patch.TemplatePatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the least-privilege policies into the templates: a patched copy beside each template
 * ({@code template.warden.yaml}), or with {@code inPlace} the template itself after a backup copy
 * ({@code template.yaml.warden-backup}). Files are written whole to a temporary file in the same
 * folder and moved into place, so that an interrupted run never leaves a half-written template. A
 * function whose policy is incomplete is never patched.
 */
final class TemplatePatcher {

  private final Path root;
  private final boolean inPlace;
  private final Map<String, List<FunctionPatch>> byFile = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();

  TemplatePatcher(Path root, boolean inPlace) {
    this.root = root;
    this.inPlace = inPlace;
  }

  void add(ServerlessFunction function, GeneratedPolicy policy) {
    if (!policy.complete()) {
      skipped.add(
          function.logicalId()
              + ": not patched, its policy is incomplete ("
              + String.join("; ", policy.notes().stream().limit(2).toList())
              + ")");
      return;
    }
    int actions = policy.statements().values().stream().mapToInt(java.util.Set::size).sum();
    String summary =
        actions
            + (actions == 1 ? " action" : " actions")
            + " on "
            + policy.statements().size()
            + (policy.statements().size() == 1 ? " resource" : " resources")
            + "; "
            + policy.reductionPercent()
            + "% of the former role's actions cut";
    byFile
        .computeIfAbsent(function.declaredAt().file(), f -> new ArrayList<>())
        .add(
            new FunctionPatch(
                function.logicalId(),
                policy.document(),
                function.role().permissionsBoundary(),
                summary,
                function.name().concrete()));
  }

  /** Patches every template, returns what was done, one line each. */
  List<String> write() throws IOException {
    List<String> report = new ArrayList<>();
    for (Map.Entry<String, List<FunctionPatch>> entry : byFile.entrySet()) {
      Path template = root.resolve(entry.getKey());
      String text = Files.readString(template, StandardCharsets.UTF_8);
      TemplatePatch patch = TemplatePatch.of(entry.getKey(), text, entry.getValue());
      Path target = inPlace ? template : copyOf(template);
      if (!patch.patched().isEmpty()) {
        if (inPlace) {
          Files.copy(template, backupOf(template), StandardCopyOption.COPY_ATTRIBUTES);
        }
        writeAtomically(target, patch.text());
        report.add(
            "wrote "
                + root.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize())
                + ": "
                + patch.patched().size()
                + " of "
                + entry.getValue().size()
                + " functions patched ("
                + String.join(", ", patch.patched())
                + ")");
      }
      patch.notes().forEach(note -> report.add("  " + note));
    }
    skipped.forEach(note -> report.add("  " + note));
    return report;
  }

  /** {@code template.yaml} → {@code template.warden.yaml}, beside it. */
  static Path copyOf(Path template) {
    String name = template.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String copy =
        dot > 0 ? name.substring(0, dot) + ".warden" + name.substring(dot) : name + ".warden";
    return template.resolveSibling(copy);
  }

  private static Path backupOf(Path template) {
    Path backup = template.resolveSibling(template.getFileName() + ".warden-backup");
    for (int i = 2; Files.exists(backup); i++) {
      backup = template.resolveSibling(template.getFileName() + ".warden-backup." + i);
    }
    return backup;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, ".warden-", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
