package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks real output against JSON Schemas without network: the schemas under {@code schemas/}, the
 * CycloneDX schema the CycloneDX library ships, and any other given by text.
 */
public final class JsonSchemas {
  private static final String ID_PREFIX = "https://warden.dev/schemas/";
  private static final String CYCLONEDX = "http://cyclonedx.org/schema/";

  private JsonSchemas() {}

  /**
   * Validates against the schema {@code id}, with {@code schemas} (by id) to resolve references.
   */
  public static Set<ValidationMessage> validate(
      SpecVersion.VersionFlag dialect, Map<String, String> schemas, String id, String json) {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            dialect, builder -> builder.schemaLoaders(loaders -> loaders.schemas(schemas)));
    return factory.getSchema(SchemaLocation.of(id)).validate(json, InputFormat.JSON);
  }

  public static Set<ValidationMessage> validate(String schemaFile, String json) {
    // Every schema of the repository, by its $id, so that references between them resolve locally.
    Map<String, String> schemas = new HashMap<>();
    try (Stream<Path> files = Files.list(Repo.path("schemas"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
        schemas.put(ID_PREFIX + file.getFileName(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return validate(SpecVersion.VersionFlag.V202012, schemas, ID_PREFIX + schemaFile, json);
  }

  public static void assertValid(String schemaFile, String json) {
    assertThat(validate(schemaFile, json)).as("errors against " + schemaFile).isEmpty();
  }

  /**
   * Checks a CycloneDX document against the 1.6 schema the CycloneDX library ships (with the SPDX
   * and JSF schemas it refers to), read from the class path.
   */
  public static void assertValidCycloneDx(String json) {
    Map<String, String> schemas = new HashMap<>();
    for (String name : List.of("bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json")) {
      try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new AssertionError(name + " is not on the class path (cyclonedx-core-java)");
        }
        schemas.put(CYCLONEDX + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(
            validate(SpecVersion.VersionFlag.V7, schemas, CYCLONEDX + "bom-1.6.schema.json", json))
        .as("errors against CycloneDX 1.6")
        .isEmpty();
  }
}
