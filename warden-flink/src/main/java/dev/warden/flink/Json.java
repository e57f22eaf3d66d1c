package dev.warden.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.logs.detect.Detection;

/** Detections as the JSON lines {@code warden logs analyze} writes. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String line(Detection detection) throws JsonProcessingException {
    return MAPPER.writeValueAsString(detection.toJson());
  }

  static String document(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }
}
