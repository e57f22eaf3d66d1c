package dev.warden.logs.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes simulated records as CloudTrail does, field for field. */
final class RecordWriter {

  static final String ACCOUNT = "111122223333";
  static final String REGION = "eu-west-1";

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private RecordWriter() {}

  static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = JSON.createGenerator(out);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return generator;
  }

  static void write(JsonGenerator g, SimulatedRecord r) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventVersion", "1.09");
    g.writeObjectFieldStart("userIdentity");
    g.writeStringField("type", r.identityType);
    if (!r.principalId.isEmpty()) {
      g.writeStringField("principalId", r.principalId);
    }
    if (!r.identityArn.isEmpty()) {
      g.writeStringField("arn", r.identityArn);
      g.writeStringField("accountId", ACCOUNT);
    }
    if (!r.accessKeyId.isEmpty()) {
      g.writeStringField("accessKeyId", r.accessKeyId);
    }
    if (!r.userName.isEmpty()) {
      g.writeStringField("userName", r.userName);
    }
    if (!r.issuerArn.isEmpty()) {
      g.writeObjectFieldStart("sessionContext");
      g.writeObjectFieldStart("sessionIssuer");
      g.writeStringField("type", "Role");
      g.writeStringField(
          "principalId", r.principalId.substring(0, Math.max(0, r.principalId.indexOf(':'))));
      g.writeStringField("arn", r.issuerArn);
      g.writeStringField("accountId", ACCOUNT);
      g.writeStringField("userName", r.issuerArn.substring(r.issuerArn.lastIndexOf('/') + 1));
      g.writeEndObject();
      g.writeObjectFieldStart("attributes");
      g.writeStringField("creationDate", TIME.format(Instant.ofEpochMilli(r.time - 60_000)));
      g.writeStringField("mfaAuthenticated", "false");
      g.writeEndObject();
      g.writeEndObject();
    }
    if (!r.invokedBy.isEmpty()) {
      g.writeStringField("invokedBy", r.invokedBy);
    }
    g.writeEndObject();
    g.writeStringField("eventTime", TIME.format(Instant.ofEpochMilli(r.time)));
    g.writeStringField("eventSource", r.source);
    g.writeStringField("eventName", r.name);
    g.writeStringField("awsRegion", REGION);
    g.writeStringField("sourceIPAddress", r.sourceIp);
    g.writeStringField("userAgent", r.userAgent);
    if (!r.errorCode.isEmpty()) {
      g.writeStringField("errorCode", r.errorCode);
      g.writeStringField("errorMessage", "User is not authorized to perform this operation");
    }
    g.writeFieldName("requestParameters");
    if (r.request.isEmpty()) {
      g.writeNull();
    } else {
      writeMap(g, r.request);
    }
    g.writeFieldName("responseElements");
    if (r.response.isEmpty() && r.credentials == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      if (r.credentials != null) {
        g.writeFieldName("credentials");
        writeMap(g, r.credentials);
      }
      for (Map.Entry<String, Object> entry : r.response.entrySet()) {
        g.writeFieldName(entry.getKey());
        value(g, entry.getValue());
      }
      g.writeEndObject();
    }
    g.writeStringField("requestID", r.id.substring(0, 8) + "-req-" + r.id.substring(24));
    g.writeStringField("eventID", r.id);
    g.writeBooleanField("readOnly", r.readOnly);
    if (!r.resources.isEmpty()) {
      g.writeArrayFieldStart("resources");
      for (String[] resource : r.resources) {
        g.writeStartObject();
        g.writeStringField("accountId", ACCOUNT);
        g.writeStringField("type", resource[0]);
        g.writeStringField("ARN", resource[1]);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeStringField("eventType", "AwsApiCall");
    g.writeBooleanField("managementEvent", !r.data);
    g.writeStringField("recipientAccountId", ACCOUNT);
    g.writeStringField("eventCategory", r.data ? "Data" : "Management");
    g.writeEndObject();
  }

  private static void writeMap(JsonGenerator g, Map<String, Object> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      g.writeFieldName(entry.getKey());
      value(g, entry.getValue());
    }
    g.writeEndObject();
  }

  @SuppressWarnings("unchecked")
  private static void value(JsonGenerator g, Object value) throws IOException {
    if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof Boolean bool) {
      g.writeBoolean(bool);
    } else if (value instanceof Number number) {
      g.writeNumber(number.longValue());
    } else if (value instanceof Map<?, ?> map) {
      writeMap(g, (Map<String, Object>) map);
    } else {
      g.writeNull();
    }
  }
}
