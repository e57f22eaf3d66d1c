package dev.warden.iam.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.iam.Decision;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PolicyEvaluator;
import dev.warden.inventory.InputError;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;

/**
 * Runs a JSON Lines simulation: each input line is a request with its policies, each output line
 * its decision, {@code {"decision": "Allowed", "matched": [...]}}, or {@code {"error": "..."}} for
 * a line that cannot be read. One bad line never stops the rest.
 */
public final class Simulator {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final IamCatalog catalog;
  private final PolicyEvaluator evaluator;
  private final Clock clock;
  private final DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);

  public Simulator(IamCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.evaluator = new PolicyEvaluator(catalog);
    this.clock = clock;
  }

  /** What a run saw: lines decided and lines in error. */
  public record Totals(int decided, int errors) {}

  /** Simulates every line of {@code in} and writes one line per input line to {@code out}. */
  public Totals run(String displayPath, BufferedReader in, Writer out) throws IOException {
    int decided = 0;
    int errors = 0;
    int lineNumber = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      String result = simulate(displayPath, lineNumber, line);
      if (result.startsWith("{\"error\"")) {
        errors++;
      } else {
        decided++;
      }
      out.write(result);
      out.write('\n');
    }
    out.flush();
    return new Totals(decided, errors);
  }

  /** The output line (without its newline) for one input line. */
  public String simulate(String displayPath, int lineNumber, String line) {
    if (line.isBlank()) {
      return error(displayPath, lineNumber, "the line is empty; each line is one JSON object");
    }
    try {
      Document document = reader.parseJsonLine(displayPath, lineNumber, line);
      SimulationInput input =
          new SimulationInputReader(catalog, clock.instant()).read(document.root());
      return decision(evaluator.evaluate(input.request(), input.policies()));
    } catch (InputError e) {
      return error(displayPath, lineNumber, e.problem() + column(e));
    } catch (BadSimulationInput e) {
      return error(displayPath, lineNumber, e.getMessage());
    }
  }

  private static String column(InputError e) {
    return e.at().column() > 0 ? " (column " + e.at().column() + ")" : "";
  }

  private static String decision(Decision decision) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("decision", decision.outcome().wireName());
          json.writeArrayFieldStart("matched");
          for (Decision.MatchedStatement matched : decision.matched()) {
            json.writeStartObject();
            json.writeStringField("policyType", matched.policyType().wireName());
            json.writeNumberField("policyIndex", matched.policyIndex());
            json.writeNumberField("statementIndex", matched.statementIndex());
            if (matched.sid().isPresent()) {
              json.writeStringField("sid", matched.sid().get());
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private static String error(String displayPath, int lineNumber, String message) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("error", displayPath + ":" + lineNumber + ": " + message);
          json.writeEndObject();
        });
  }

  private interface JsonWriting {
    void write(JsonGenerator json) throws IOException;
  }

  private static String write(JsonWriting writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
