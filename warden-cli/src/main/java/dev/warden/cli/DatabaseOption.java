package dev.warden.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the advisory database is: {@code --db FILE}, else {@code $WARDEN_DB}, else {@code
 * advisories.db} in the user's data folder ({@code $XDG_DATA_HOME/warden}, by default {@code
 * ~/.local/share/warden}).
 */
final class DatabaseOption {

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description =
          "The advisory database (default: $WARDEN_DB, else ~/.local/share/warden/advisories.db).")
  Path file;

  Path path() {
    if (file != null) {
      return file;
    }
    String configured = System.getenv("WARDEN_DB");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String data = System.getenv("XDG_DATA_HOME");
    Path base =
        data != null && !data.isBlank()
            ? Path.of(data)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("warden").resolve("advisories.db");
  }
}
