package dev.warden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** Checks real output against the JSON Schemas under {@code schemas/}. */
public final class JsonSchemas {
  private JsonSchemas() {}

  public static List<Error> validate(String schemaFile, String json) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(
                    resolvers ->
                        resolvers.mapPrefix(
                            "https://warden.dev/schemas/",
                            Repo.path("schemas").toUri().toString())));
    Schema schema =
        registry.getSchema(SchemaLocation.of("https://warden.dev/schemas/" + schemaFile));
    return schema.validate(json, InputFormat.JSON);
  }

  public static void assertValid(String schemaFile, String json) {
    assertThat(validate(schemaFile, json)).as("errors against " + schemaFile).isEmpty();
  }
}
