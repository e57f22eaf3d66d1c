package com.acme.clickstream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Counts clicks and cart events per product; the counts go to the analytics dashboard. */
public class ClickHandler implements RequestHandler<Map<String, Object>, Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  @SuppressWarnings("unchecked")
  public Integer handleRequest(Map<String, Object> event, Context context) {
    int counted = 0;
    for (Map<String, Object> record : (List<Map<String, Object>>) event.getOrDefault("Records", List.of())) {
      Map<String, Object> kinesis = (Map<String, Object>) record.get("kinesis");
      if (kinesis == null) {
        continue;
      }
      try {
        JsonNode click = JSON.readTree(Base64.getDecoder().decode((String) kinesis.get("data")));
        counted += click.path("product").isMissingNode() ? 0 : 1;
      } catch (java.io.IOException e) {
        context.getLogger().log("unreadable click: " + e.getMessage());
      }
    }
    return counted;
  }
}
