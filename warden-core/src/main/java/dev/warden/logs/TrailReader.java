package dev.warden.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads CloudTrail records from one input with Jackson's streaming parser, never building a tree: a
 * file as CloudTrail delivers it to S3 (one object with a {@code Records} array) or a JSON Lines
 * export (one record per line), gzipped or not (told by the content, not the name). A record that
 * is not valid JSON, or lacks its time, source or name, is skipped and reported with its line; in a
 * JSON Lines input the next line is read on, in a {@code Records} file the rest of the file is lost
 * with the broken record (it is one JSON value) and the problem says how many were read.
 */
public final class TrailReader {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  /** How far past now an event time may be before it is taken for a skewed clock. */
  private static final long FUTURE_SLACK = 3_600_000L;

  private TrailReader() {}

  /** Reads every record of {@code input}, named {@code file} in problems. */
  public static void read(
      String file,
      InputStream input,
      Consumer<TrailEvent> events,
      Consumer<TrailProblem> problems) {
    read(file, input, 1 << 16, events, problems);
  }

  /**
   * Reads every record of one message of a stream (a record, a few JSON lines, or a whole
   * CloudTrail file, gzipped or not), named {@code name} in problems.
   */
  public static void readMessage(
      String name, byte[] message, Consumer<TrailEvent> events, Consumer<TrailProblem> problems) {
    read(name, new java.io.ByteArrayInputStream(message), 1 << 12, events, problems);
  }

  private static void read(
      String file,
      InputStream input,
      int buffer,
      Consumer<TrailEvent> events,
      Consumer<TrailProblem> problems) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(input, buffer);
      buffered.mark(2);
      int first = buffered.read();
      int second = buffered.read();
      buffered.reset();
      InputStream decoded =
          first == 0x1f && second == 0x8b
              ? new BufferedInputStream(new GZIPInputStream(buffered, buffer), buffer)
              : buffered;
      // Peek at the start to tell a Records file from JSON Lines; the bytes are read again.
      BufferedInputStream content =
          decoded instanceof BufferedInputStream b ? b : new BufferedInputStream(decoded, buffer);
      content.mark(4096);
      byte[] head = content.readNBytes(4096);
      content.reset();
      String start = new String(head, StandardCharsets.UTF_8).stripLeading();
      if (start.startsWith("\uFEFF")) {
        start = start.substring(1).stripLeading();
      }
      if (start.isEmpty()) {
        return;
      }
      if (start.matches("(?s)\\{\\s*\"Records\"\\s*:.*")) {
        records(file, content, events, problems); // bytes straight to Jackson's UTF-8 parser
      } else {
        lines(
            file, new InputStreamReader(content, StandardCharsets.UTF_8), buffer, events, problems);
      }
    } catch (IOException e) {
      problems.accept(new TrailProblem(file, 0, "cannot be read: " + describe(e)));
    }
  }

  /** {@code {"Records": [ … ]}}: a broken record ends the file. */
  private static void records(
      String file,
      InputStream content,
      Consumer<TrailEvent> events,
      Consumer<TrailProblem> problems) {
    long read = 0;
    try (JsonParser parser = JSON.createParser(content)) {
      parser.nextToken(); // {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (!parser.currentName().equals("Records")) {
          parser.nextToken();
          parser.skipChildren();
          continue;
        }
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          problems.accept(
              new TrailProblem(file, line(parser), "\"Records\" is not an array: file skipped"));
          return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          long at = line(parser);
          record(parser, file, at, events, problems);
          read++;
        }
      }
    } catch (IOException e) {
      problems.accept(
          new TrailProblem(
              file,
              0,
              "broken after "
                  + read
                  + (read == 1 ? " record: " : " records: ")
                  + describe(e)
                  + "; the rest of the file is not read"));
    }
  }

  /** JSON Lines: each line its own record, a broken one skipped. */
  private static void lines(
      String file,
      Reader reader,
      int buffer,
      Consumer<TrailEvent> events,
      Consumer<TrailProblem> problems)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader, buffer);
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try (JsonParser parser = JSON.createParser(line)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          problems.accept(new TrailProblem(file, number, "not a JSON object: skipped"));
          continue;
        }
        record(parser, file, number, events, problems);
        if (parser.nextToken() != null) {
          problems.accept(
              new TrailProblem(file, number, "more than one value on the line: the rest skipped"));
        }
      } catch (IOException e) {
        problems.accept(
            new TrailProblem(file, number, "not valid JSON (" + describe(e) + "): skipped"));
      }
    }
  }

  /** One record, the parser on its START_OBJECT; leaves it on the matching END_OBJECT. */
  private static void record(
      JsonParser parser,
      String file,
      long line,
      Consumer<TrailEvent> events,
      Consumer<TrailProblem> problems)
      throws IOException {
    String id = "";
    String time = "";
    String source = "";
    String name = "";
    String region = "";
    String account = "";
    String sourceIp = "";
    String userAgent = "";
    String errorCode = "";
    String[] identity = {"", "", "", "", ""}; // type, arn, issuer arn, invokedBy, accessKeyId
    List<String> resources = new ArrayList<>();
    java.util.Map<String, String> parameters = java.util.Map.of();
    java.util.Map<String, String> response = java.util.Map.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "eventID" -> id = text(parser, value);
        case "eventTime" -> time = text(parser, value);
        case "eventSource" -> source = text(parser, value);
        case "eventName" -> name = text(parser, value);
        case "awsRegion" -> region = text(parser, value);
        case "recipientAccountId" -> account = text(parser, value);
        case "sourceIPAddress" -> sourceIp = text(parser, value);
        case "userAgent" -> userAgent = text(parser, value);
        case "errorCode" -> errorCode = text(parser, value);
        case "userIdentity" -> identity(parser, value, identity);
        case "resources" -> resources(parser, value, resources);
        case "requestParameters" -> parameters = parameters(parser, value);
        case "responseElements" -> response = response(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (source.isEmpty() || name.isEmpty() || time.isEmpty()) {
      problems.accept(
          new TrailProblem(
              file,
              line,
              "record "
                  + (id.isEmpty() ? "without eventID" : id)
                  + " lacks "
                  + (time.isEmpty() ? "eventTime" : source.isEmpty() ? "eventSource" : "eventName")
                  + ": skipped"));
      return;
    }
    long millis;
    try {
      millis = epochMillis(time);
    } catch (DateTimeParseException e) {
      problems.accept(
          new TrailProblem(
              file, line, "record " + id + " has no readable eventTime (" + time + "): skipped"));
      return;
    }
    if (millis > System.currentTimeMillis() + FUTURE_SLACK) {
      problems.accept(
          new TrailProblem(
              file,
              line,
              "record "
                  + id
                  + " has an eventTime in the future ("
                  + time
                  + "): a skewed clock; skipped"));
      return;
    }
    events.accept(
        new TrailEvent(
            id,
            millis,
            source,
            name,
            region,
            account,
            sourceIp,
            userAgent,
            errorCode,
            identity[0],
            identity[1],
            identity[2],
            identity[3],
            identity[4],
            resources,
            parameters,
            response));
  }

  private static void identity(JsonParser parser, JsonToken value, String[] identity)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (field) {
        case "type" -> identity[0] = text(parser, token);
        case "arn" -> identity[1] = text(parser, token);
        case "invokedBy" -> identity[3] = text(parser, token);
        case "accessKeyId" -> identity[4] = text(parser, token);
        case "sessionContext" -> {
          if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            break;
          }
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String inner = parser.currentName();
            JsonToken innerValue = parser.nextToken();
            if (inner.equals("sessionIssuer") && innerValue == JsonToken.START_OBJECT) {
              while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken keyValue = parser.nextToken();
                if (key.equals("arn")) {
                  identity[2] = text(parser, keyValue);
                } else {
                  parser.skipChildren();
                }
              }
            } else {
              parser.skipChildren();
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
  }

  private static void resources(JsonParser parser, JsonToken value, List<String> resources)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (field.equals("ARN") && token == JsonToken.VALUE_STRING) {
          resources.add(parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * The scalar fields at the top of {@code requestParameters} (booleans and numbers as their JSON
   * text); nested values are skipped.
   */
  private static java.util.Map<String, String> parameters(JsonParser parser, JsonToken value)
      throws IOException {
    return fields(parser, value, false);
  }

  /**
   * The scalar fields at the top of {@code responseElements}, and the access key of its {@code
   * credentials} (what {@code AssumeRole} returns) as {@value TrailEvent#ISSUED_KEY}.
   */
  private static java.util.Map<String, String> response(JsonParser parser, JsonToken value)
      throws IOException {
    return fields(parser, value, true);
  }

  private static java.util.Map<String, String> fields(
      JsonParser parser, JsonToken value, boolean credentials) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return java.util.Map.of();
    }
    java.util.Map<String, String> found = new java.util.HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (credentials && field.equals("credentials") && token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String inner = parser.currentName();
          JsonToken innerValue = parser.nextToken();
          if (inner.equals("accessKeyId") && innerValue == JsonToken.VALUE_STRING) {
            found.put(TrailEvent.ISSUED_KEY, parser.getText());
          } else {
            parser.skipChildren();
          }
        }
      } else if (token.isScalarValue() && token != JsonToken.VALUE_NULL && found.size() < 32) {
        found.put(field, parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  /**
   * An ISO 8601 time as CloudTrail writes it ({@code 2026-11-20T10:00:00Z}) read without the
   * general parser — it is the one field every record has — and any other ISO 8601 form with it.
   */
  static long epochMillis(String time) {
    if (time.length() == 20
        && time.charAt(4) == '-'
        && time.charAt(7) == '-'
        && time.charAt(10) == 'T'
        && time.charAt(13) == ':'
        && time.charAt(16) == ':'
        && time.charAt(19) == 'Z') {
      int year = digits(time, 0, 4);
      int month = digits(time, 5, 2);
      int day = digits(time, 8, 2);
      int hour = digits(time, 11, 2);
      int minute = digits(time, 14, 2);
      int second = digits(time, 17, 2);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
          && hour >= 0
          && hour < 24
          && minute >= 0
          && minute < 60
          && second >= 0
          && second < 60) {
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
      }
    }
    return OffsetDateTime.parse(time).toInstant().toEpochMilli();
  }

  /** The number written in {@code length} digits from {@code from}, or -1. */
  private static int digits(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A string value's text; other values are skipped and read as empty. */
  private static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return "";
  }

  private static long line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
