package dev.warden.inventory;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a value was read from: a file path relative to the scan root (always with {@code /}), and a
 * 1-based line and column. Line 0 means the file as a whole.
 */
public record SourceLocation(String file, int line, int column)
    implements Comparable<SourceLocation> {

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::file)
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column);

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  /** The file as a whole, for problems that have no better position. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  /**
   * {@code file:line:column}, {@code file:line} or {@code file}, as editors and compilers write it.
   */
  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
