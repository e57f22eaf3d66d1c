package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.App;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.scan.InventoryLoader;
import dev.warden.scan.ScanRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An inventory loaded from files written for one test, with the lookups tests need. Write the
 * template (and any files beside it) into a {@code @TempDir}, then ask about functions by logical
 * id.
 */
public record Loaded(Inventory inventory) {

  /** Writes {@code template.yaml} into the folder and loads the folder. */
  public static Loaded template(Path folder, String yaml) {
    write(folder, "template.yaml", yaml);
    return folder(folder);
  }

  public static Loaded folder(Path folder) {
    return folder(folder, Map.of());
  }

  public static Loaded folder(Path folder, Map<String, String> parameters) {
    return new Loaded(
        new InventoryLoader(
                new ScanRequest(
                    List.of(folder), parameters, dev.warden.inventory.document.ReadLimits.DEFAULT))
            .load());
  }

  public static Path write(Path folder, String name, String content) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public App app() {
    assertThat(inventory.apps()).as("apps").isNotEmpty();
    return inventory.apps().get(0);
  }

  public ServerlessFunction function(String logicalId) {
    return inventory
        .functions()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no function "
                        + logicalId
                        + " in "
                        + inventory.functions().map(ServerlessFunction::logicalId).toList()));
  }

  public List<Trigger> triggers(String logicalId) {
    return function(logicalId).triggers();
  }

  public Trigger onlyTrigger(String logicalId) {
    List<Trigger> triggers = triggers(logicalId);
    assertThat(triggers).as("triggers of " + logicalId).hasSize(1);
    return triggers.get(0);
  }

  public Resource resource(String logicalId) {
    return app()
        .resource(logicalId)
        .orElseThrow(() -> new AssertionError("no resource " + logicalId));
  }

  public List<InputProblem> problems() {
    return inventory.problems();
  }

  public List<String> problemMessages() {
    return inventory.problems().stream().map(InputProblem::message).toList();
  }
}
