package dev.warden.iam;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** Reads a gzipped JSON data set bundled beside a class into a record, unknown fields ignored. */
public final class BundledJson {

  private BundledJson() {}

  public static <T> T read(Class<?> owner, String resource, Class<T> type) {
    try (InputStream raw = owner.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("bundled " + resource + " is missing from the build");
      }
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(new GZIPInputStream(raw), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + resource, e);
    }
  }
}
