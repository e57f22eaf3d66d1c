package dev.warden.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, for tests that read the demo app, the schemas or golden files. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String configured = System.getProperty("warden.repoRoot");
    if (configured != null && !configured.isBlank() && Files.exists(Path.of(configured, "mvnw"))) {
      return Path.of(configured);
    }
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.exists(here.resolve("mvnw"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException(
          "cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
    return here;
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Copies a folder of the repository ({@code examples/acme-shop}) into {@code to}. */
  public static void copy(String relative, Path to) {
    Path from = path(relative);
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
