package dev.warden.inventory.document;

import dev.warden.inventory.InputError;
import dev.warden.inventory.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of one input file and the path it is shown under (relative to the scan root).
 *
 * @param displayPath the path used in every location that points into this file
 */
public record SourceFile(String displayPath, String text) {

  /** Reads a UTF-8 file, refusing files over the size limit before reading them. */
  public static SourceFile read(Path file, String displayPath, ReadLimits limits) {
    SourceLocation where = SourceLocation.ofFile(displayPath);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw tooLarge(where, size, limits);
      }
      try (InputStream in = Files.newInputStream(file)) {
        // Read one byte past the limit: the file may have grown since it was measured.
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limits.maxFileBytes() + 1));
      }
      if (bytes.length > limits.maxFileBytes()) {
        throw tooLarge(where, bytes.length, limits);
      }
    } catch (NoSuchFileException e) {
      throw new InputError(where, "file not found", "Check the path.", e);
    } catch (IOException e) {
      throw new InputError(
          where,
          "cannot read the file: " + e.getMessage(),
          "Check that the file exists and is readable.",
          e);
    }
    return new SourceFile(displayPath, decode(bytes, where));
  }

  /** Decodes UTF-8 strictly (a byte-order mark is dropped), as CloudFormation requires. */
  public static String decode(byte[] bytes, SourceLocation where) {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputError(
          where,
          "the file is not UTF-8 text",
          "Templates must be UTF-8; re-save the file as UTF-8, or leave binary files out of the"
              + " scan.",
          e);
    }
  }

  private static InputError tooLarge(SourceLocation where, long size, ReadLimits limits) {
    return new InputError(
        where,
        String.format(
            Locale.ROOT,
            "the file is %s, over the limit of %s",
            humanSize(size),
            humanSize(limits.maxFileBytes())),
        "If it really is an input to scan, raise the limit with "
            + ReadLimits.FILE_SIZE_OPTION
            + " (in MiB).");
  }

  static String humanSize(long bytes) {
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
    }
    return bytes + " bytes";
  }

  /** The file name's extension in lower case, without the dot. */
  public String extension() {
    int slash = displayPath.lastIndexOf('/');
    int dot = displayPath.lastIndexOf('.');
    return dot > slash ? displayPath.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
