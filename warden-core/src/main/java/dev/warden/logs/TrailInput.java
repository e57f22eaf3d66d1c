package dev.warden.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One input of audit logs: a file, or standard input ({@code -}). Folders are expanded into the log
 * files under them, recursively and in name order: {@code .json}, {@code .jsonl}, {@code .ndjson},
 * each optionally {@code .gz}.
 */
public record TrailInput(String name, Path path) {

  /** Standard input's name. */
  public static final String STDIN = "-";

  /**
   * The inputs the paths name.
   *
   * @throws IOException when a path does not exist or a folder cannot be listed
   */
  public static List<TrailInput> of(List<String> paths) throws IOException {
    List<TrailInput> inputs = new ArrayList<>();
    for (String given : paths) {
      if (given.equals(STDIN)) {
        inputs.add(new TrailInput(STDIN, Path.of(STDIN)));
        continue;
      }
      Path path = Path.of(given);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          for (Path file :
              walk.filter(Files::isRegularFile).filter(TrailInput::isLogFile).sorted().toList()) {
            inputs.add(new TrailInput(file.toString(), file));
          }
        }
      } else if (Files.isRegularFile(path)) {
        inputs.add(new TrailInput(given, path));
      } else {
        throw new java.nio.file.NoSuchFileException(given, null, "no such file or folder");
      }
    }
    return inputs;
  }

  static boolean isLogFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /** Opens the input; standard input is never closed by the caller's try. */
  public InputStream open() throws IOException {
    if (name.equals(STDIN)) {
      return new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input belongs to the process
        }
      };
    }
    return Files.newInputStream(path);
  }

  /** The size in bytes, 0 for standard input. */
  public long size() {
    try {
      return name.equals(STDIN) ? 0 : Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }
}
