package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Checks real output against the JSON Schemas under {@code schemas/}, without network. */
public final class JsonSchemas {
  private static final String ID_PREFIX = "https://warden.dev/schemas/";

  private JsonSchemas() {}

  public static List<Error> validate(String schemaFile, String json) {
    // Every schema of the repository, by its $id, so that references between them resolve locally.
    Map<String, String> schemas = new HashMap<>();
    try (Stream<Path> files = Files.list(Repo.path("schemas"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
        schemas.put(ID_PREFIX + file.getFileName(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(schemas));
    Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile));
    return schema.validate(json, InputFormat.JSON);
  }

  public static void assertValid(String schemaFile, String json) {
    assertThat(validate(schemaFile, json)).as("errors against " + schemaFile).isEmpty();
  }
}
