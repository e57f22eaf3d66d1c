package dev.warden.inventory.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a value tree from JSON with Jackson's streaming parser, within the read limits. */
final class JsonReader {

  private final ReadLimits limits;
  private final JsonFactory factory;

  JsonReader(ReadLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxDocumentLength(limits.maxFileBytes())
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                    .maxNumberLength(1000)
                    .build())
            .build();
  }

  Document read(SourceFile source) {
    return read(source, 0);
  }

  /**
   * Reads JSON that starts on line {@code lineOffset + 1} of its file, as one line of a JSON Lines
   * file does: positions are reported in the file's lines.
   */
  Document read(SourceFile source, int lineOffset) {
    String file = source.displayPath();
    List<InputProblem> problems = new ArrayList<>();
    try (JsonParser parser = factory.createParser(source.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputError(
            SourceLocation.ofFile(file),
            "the file is empty",
            "An empty file is not a template; leave it out of the scan or fill it in.");
      }
      Value root = new Builder(parser, file, lineOffset, problems).value(first, 0);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new InputError(
            at(file, parser.currentTokenLocation(), lineOffset),
            "unexpected content after the end of the JSON document",
            "A JSON file holds exactly one value; remove what follows it.");
      }
      return new Document(root, problems);
    } catch (StreamConstraintsException e) {
      throw new InputError(
          at(file, e.getLocation(), lineOffset),
          "the document is over a size or depth limit: " + e.getOriginalMessage(),
          "If it is a real input, raise "
              + ReadLimits.DEPTH_OPTION
              + " or "
              + ReadLimits.FILE_SIZE_OPTION
              + ".",
          e);
    } catch (JsonProcessingException e) {
      throw new InputError(
          at(file, e.getLocation(), lineOffset),
          "JSON syntax error: " + firstLine(e.getOriginalMessage()),
          "Fix the JSON at that position (a missing comma or quote is the usual cause).",
          e);
    } catch (IOException e) {
      throw new InputError(
          SourceLocation.ofFile(file), "cannot read JSON: " + e.getMessage(), "Check the file.", e);
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static SourceLocation at(String file, @Nullable JsonLocation location, int lineOffset) {
    if (location == null || location.getLineNr() < 1) {
      return SourceLocation.ofFile(file);
    }
    return SourceLocation.of(
        file, location.getLineNr() + lineOffset, Math.max(location.getColumnNr(), 0));
  }

  private final class Builder {
    private final JsonParser parser;
    private final String file;
    private final int lineOffset;
    private final List<InputProblem> problems;
    private long nodes;

    Builder(JsonParser parser, String file, int lineOffset, List<InputProblem> problems) {
      this.parser = parser;
      this.file = file;
      this.lineOffset = lineOffset;
      this.problems = problems;
    }

    Value value(JsonToken token, int depth) throws IOException {
      SourceLocation at = at(file, parser.currentTokenLocation(), lineOffset);
      if (++nodes > limits.maxNodes()) {
        throw new InputError(
            at,
            "the document has more than " + limits.maxNodes() + " nodes",
            "If it is a real input, raise the limit with " + ReadLimits.NODES_OPTION + ".");
      }
      return switch (token) {
        case START_OBJECT -> object(at, depth);
        case START_ARRAY -> array(at, depth);
        case VALUE_STRING -> Value.Str.of(parser.getText(), at);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value.Num(parser.getText(), at);
        case VALUE_TRUE -> new Value.Bool(true, at);
        case VALUE_FALSE -> new Value.Bool(false, at);
        case VALUE_NULL -> new Value.Nil(at);
        default -> throw new InputError(at, "unexpected JSON token " + token, "Fix the JSON.");
      };
    }

    private Value array(SourceLocation at, int depth) throws IOException {
      List<Value> items = new ArrayList<>();
      JsonToken next;
      while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
        items.add(value(next, depth + 1));
      }
      return new Value.Seq(items, at);
    }

    private Value object(SourceLocation at, int depth) throws IOException {
      List<Value.Field> fields = new ArrayList<>();
      Map<String, Integer> index = null;
      JsonToken next;
      while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        SourceLocation keyAt = at(file, parser.currentTokenLocation(), lineOffset);
        Value value = value(parser.nextToken(), depth + 1);
        if (index == null && fields.size() >= 8) {
          index = new HashMap<>();
          for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).key(), i);
          }
        }
        int existing = indexOf(fields, index, key);
        Value.Field field = new Value.Field(key, keyAt, value);
        if (existing >= 0) {
          problems.add(
              new InputProblem(
                  keyAt,
                  "duplicate key '"
                      + key
                      + "' (first at line "
                      + fields.get(existing).keyAt().line()
                      + "); the last one is used",
                  "Remove one of them: CloudFormation rejects templates with duplicate keys."));
          fields.set(existing, field);
        } else {
          if (index != null) {
            index.put(key, fields.size());
          }
          fields.add(field);
        }
      }
      if (next != JsonToken.END_OBJECT) {
        throw new InputError(at, "unterminated JSON object", "Fix the JSON.");
      }
      return new Value.Obj(fields, at);
    }

    private int indexOf(
        List<Value.Field> fields, @Nullable Map<String, Integer> index, String key) {
      if (index != null) {
        return index.getOrDefault(key, -1);
      }
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).key().equals(key)) {
          return i;
        }
      }
      return -1;
    }
  }
}
