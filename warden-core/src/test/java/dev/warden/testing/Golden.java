package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: normalised output checked into the repository. Regenerate them with {@code ./mvnw
 * test -Dwarden.updateGolden=true} and review the diff like code.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("warden.updateGolden", "false"));
  }

  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden).as("golden file (create it with -Dwarden.updateGolden=true)").exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertThat(actual)
          .as("output against " + golden + " (regenerate with -Dwarden.updateGolden=true)")
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
