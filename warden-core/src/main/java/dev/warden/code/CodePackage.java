package dev.warden.code;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A deployment package ({@code .zip}, {@code .jar}) read in place: its entries are checked first —
 * no name with {@code ..} or a leading slash, at most {@link #MAX_ENTRIES} entries and {@link
 * #MAX_TOTAL_BYTES} declared uncompressed — and then opened as a read-only file system, so that the
 * module graph is walked inside it without extracting anything. Each file is still read with a byte
 * limit ({@link FunctionCode}), whatever size its entry declares.
 */
public final class CodePackage implements AutoCloseable {

  static final int MAX_ENTRIES = 50_000;
  static final long MAX_TOTAL_BYTES = 1L << 30;

  /** An absolute name, a drive letter, or a {@code ..} segment. */
  private static final java.util.regex.Pattern OUTSIDE =
      java.util.regex.Pattern.compile("(?s)/.*|[A-Za-z]:.*|(.*/)?\\.\\.(/.*)?");

  private final FileSystem files;

  private CodePackage(FileSystem files) {
    this.files = files;
  }

  public static boolean isPackage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".zip") || name.endsWith(".jar");
  }

  /** Opens the package, or says why it is refused ({@code display} names it in the message). */
  public static Opened open(Path archive, String display) {
    Optional<String> refusal = check(archive, display);
    if (refusal.isPresent()) {
      return new Opened(Optional.empty(), refusal);
    }
    try {
      URI uri = URI.create("jar:" + archive.toUri());
      FileSystem system = FileSystems.newFileSystem(uri, Map.of("create", "false"));
      return new Opened(Optional.of(new CodePackage(system)), Optional.empty());
    } catch (IOException | RuntimeException e) {
      return new Opened(
          Optional.empty(), Optional.of(display + " cannot be opened as a package: " + e));
    }
  }

  /** A package that opened, or why not. */
  public record Opened(Optional<CodePackage> code, Optional<String> refusal) {}

  public Path root() {
    return files.getPath("/");
  }

  private static Optional<String> check(Path archive, String display) {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      int count = 0;
      long total = 0;
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName().replace('\\', '/');
        if (OUTSIDE.matcher(name).matches()) {
          return Optional.of(
              display + " has an entry that points outside the package (" + name + "): not read");
        }
        if (++count > MAX_ENTRIES) {
          return Optional.of(display + " has more than " + MAX_ENTRIES + " entries: not read");
        }
        total += Math.max(0, entry.getSize());
        if (total > MAX_TOTAL_BYTES) {
          return Optional.of(
              display + " unpacks to more than " + (MAX_TOTAL_BYTES >> 20) + " MiB: not read");
        }
      }
      return Optional.empty();
    } catch (ZipException e) {
      return Optional.of(display + " is not a valid zip archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      return Optional.of(display + " cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      // read-only: nothing was written that could be lost
    }
  }
}
