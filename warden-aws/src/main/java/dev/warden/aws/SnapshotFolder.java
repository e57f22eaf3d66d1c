package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a collection writes. Every file is written whole (a temporary file moved into place),
 * so a file that exists is a finished answer; {@value #IN_PROGRESS} marks a collection that has not
 * finished. Run again on such a folder, the collector reads back what is there and asks AWS only
 * for the rest. A folder with a {@code manifest.json} is a finished snapshot and is never written
 * into; a folder with other files is refused, so no user file is ever replaced.
 */
final class SnapshotFolder {

  static final String IN_PROGRESS = ".warden-collect-in-progress";
  static final String MANIFEST = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final String ABSENT = "absent ";

  private final Path root;
  private final boolean resumed;
  private final java.util.Set<String> absent = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private SnapshotFolder(Path root, boolean resumed) {
    this.root = root;
    this.resumed = resumed;
    if (resumed) {
      try {
        for (String line : Files.readAllLines(root.resolve(IN_PROGRESS))) {
          if (line.startsWith(ABSENT)) {
            absent.add(line.substring(ABSENT.length()));
          }
        }
      } catch (IOException e) {
        // an unreadable marker only means asking again
      }
    }
  }

  /** Opens (or creates) the output folder; refuses one that holds anything but a collection. */
  static SnapshotFolder open(Path root) {
    try {
      if (Files.exists(root) && !Files.isDirectory(root)) {
        throw new CollectException(
            root + " is a file, not a folder", "Give --output a new or empty folder.");
      }
      if (Files.isDirectory(root)) {
        if (Files.exists(root.resolve(MANIFEST))) {
          throw new CollectException(
              root + " already holds a finished snapshot (" + MANIFEST + ")",
              "Collect into a new folder; `warden diff` compares the reports of two snapshots.");
        }
        if (Files.exists(root.resolve(IN_PROGRESS))) {
          return new SnapshotFolder(root, true);
        }
        try (Stream<Path> entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw new CollectException(
                root + " is not empty and is not an interrupted collection",
                "Give --output a new or empty folder; Warden never writes among other files.");
          }
        }
      }
      Files.createDirectories(root);
      Files.writeString(root.resolve(IN_PROGRESS), "warden collect aws\n");
      return new SnapshotFolder(root, false);
    } catch (IOException e) {
      throw new CollectException(
          "cannot write to " + root + ": " + e.getMessage(), "Check the folder's permissions.", e);
    }
  }

  Path root() {
    return root;
  }

  /** True when an earlier, interrupted run left answers in this folder. */
  boolean resumed() {
    return resumed;
  }

  /** The answer an earlier run stored at this path, when there is one. */
  Optional<JsonNode> stored(String relative) {
    Path file = root.resolve(relative);
    if (!resumed || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      return Optional.empty(); // unreadable: asked again and replaced
    }
  }

  /**
   * True when an earlier, interrupted run was told there is nothing at this path (a function
   * without a resource policy): not asked again.
   */
  boolean knownAbsent(String relative) {
    return absent.contains(relative);
  }

  /** Notes in the in-progress marker that AWS has nothing for this path. */
  synchronized void absent(String relative) {
    if (absent.add(relative)) {
      try {
        Files.writeString(
            root.resolve(IN_PROGRESS),
            ABSENT + relative + "\n",
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  boolean exists(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  void write(String relative, JsonNode document) {
    try {
      write(relative, JSON.writeValueAsBytes(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String relative, byte[] content) {
    try {
      write(relative, new java.io.ByteArrayInputStream(content), Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams {@code content} into the file (through a temporary file, so only a whole answer ever
   * has the name); more than {@code maxBytes} fails and leaves nothing.
   */
  void write(String relative, java.io.InputStream content, long maxBytes) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".part-", ".tmp");
    try {
      try (java.io.OutputStream out =
          new LimitedOutput(Files.newOutputStream(temporary), maxBytes)) {
        content.transferTo(out);
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Passes bytes on until a limit, then refuses them. */
  private static final class LimitedOutput extends java.io.FilterOutputStream {
    private final long limit;
    private long written;

    LimitedOutput(java.io.OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      written += length;
      if (written > limit) {
        throw new IOException("larger than " + limit / (1024 * 1024) + " MiB");
      }
      out.write(bytes, offset, length);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  /** Writes the manifest, which makes the snapshot finished. */
  void finish(JsonNode manifest) {
    write(MANIFEST, manifest);
    try {
      Files.deleteIfExists(root.resolve(IN_PROGRESS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
