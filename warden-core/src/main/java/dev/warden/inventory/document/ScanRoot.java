package dev.warden.inventory.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder a scan may read. Paths in reports are relative to it, and nothing outside it is read:
 * a reference that leaves it (through {@code ..} or a symbolic link) is refused.
 */
public final class ScanRoot {

  private final Path root;
  private final Path realRoot;
  private final Map<Path, Boolean> contained = new ConcurrentHashMap<>();

  private ScanRoot(Path root, Path realRoot) {
    this.root = root;
    this.realRoot = realRoot;
  }

  /** The root for a scanned path: the folder itself, or the folder holding a scanned file. */
  public static ScanRoot of(Path scanned) throws IOException {
    Path absolute = scanned.toAbsolutePath().normalize();
    Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    if (folder == null) {
      folder = absolute;
    }
    return new ScanRoot(folder, folder.toRealPath());
  }

  /** A root at an explicit folder, for several scanned paths under one common ancestor. */
  public static ScanRoot at(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    return new ScanRoot(absolute, absolute.toRealPath());
  }

  public Path path() {
    return root;
  }

  /** The path relative to the root, with {@code /}, as shown in reports. */
  public String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path relative = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    String text = relative.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /**
   * Resolves {@code reference} against the folder of {@code from}, and returns it only when it
   * exists inside the root once symbolic links are followed.
   */
  public Optional<Path> resolveInside(Path from, String reference) {
    Path base = Files.isDirectory(from) ? from : from.toAbsolutePath().getParent();
    if (base == null) {
      return Optional.empty();
    }
    Path candidate = base.resolve(reference).toAbsolutePath().normalize();
    return contains(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /**
   * True when the path exists and its real location is inside the root. Answers are remembered: a
   * template's functions often share one code folder.
   */
  public boolean contains(Path path) {
    return contained.computeIfAbsent(path, this::isReallyInside);
  }

  private boolean isReallyInside(Path path) {
    try {
      return path.toRealPath().startsWith(realRoot);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** True when the path, once normalised, is under the root, whether or not it exists. */
  public boolean isUnder(Path path) {
    return path.toAbsolutePath().normalize().startsWith(root);
  }
}
