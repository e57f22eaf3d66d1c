package dev.warden.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.warden.iam.BundledData;
import java.io.IOException;
import java.io.Writer;

/** What every JSON output of Warden shares: its layout and the dates of the bundled data. */
final class JsonOutput {

  // The writer belongs to the caller (it may be standard output): never close it.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonOutput() {}

  /** A generator that writes two-space indented JSON, {@code "key": value}. */
  static JsonGenerator open(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    json.setPrettyPrinter(
        new DefaultPrettyPrinter()
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    return json;
  }

  /** {@code "data": [{"name", "source", "date"}]}: the bundled data an output rests on. */
  static void data(JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("data");
    for (BundledData data : BundledData.all()) {
      json.writeStartObject();
      json.writeStringField("name", data.name());
      json.writeStringField("source", data.source());
      json.writeStringField("date", data.date().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
