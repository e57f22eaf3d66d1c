package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response as the AWS CLI prints it: members by their model names ({@code FunctionName},
 * {@code items}, {@code logGroups}), absent members left out, timestamps in ISO 8601, blobs in
 * base64. What {@code warden scan} reads from a snapshot is therefore exactly what a user's own
 * {@code aws … --output json} export holds.
 */
final class SdkJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkJson() {}

  static ObjectNode of(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = value(field.getValueOrDefault(pojo));
      if (value != null) {
        node.set(field.memberName(), value);
      }
    }
    return node;
  }

  /**
   * The pages of a listing as one document: the first page's members, the list member of every page
   * concatenated, the paging tokens dropped.
   */
  static ObjectNode merged(List<? extends SdkPojo> pages, String listMember, String... tokens) {
    return merged(pages, List.of(listMember), List.of(tokens));
  }

  /** {@link #merged(List, String, String...)} for a listing with several list members. */
  static ObjectNode merged(
      List<? extends SdkPojo> pages, List<String> listMembers, List<String> tokens) {
    List<ObjectNode> documents = pages.stream().map(SdkJson::of).toList();
    ObjectNode merged = documents.isEmpty() ? NODES.objectNode() : documents.get(0).deepCopy();
    for (String listMember : listMembers) {
      ArrayNode all = NODES.arrayNode();
      for (ObjectNode page : documents) {
        JsonNode items = page.get(listMember);
        if (items != null && items.isArray()) {
          all.addAll((ArrayNode) items);
        }
      }
      merged.set(listMember, all);
    }
    for (String token : tokens) {
      merged.remove(token);
    }
    return merged;
  }

  private static @Nullable JsonNode value(@Nullable Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList<?>
        || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      return of(pojo);
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : items) {
        JsonNode node = value(item);
        array.add(node == null ? NODES.nullNode() : node);
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        JsonNode node = value(entry.getValue());
        object.set(String.valueOf(entry.getKey()), node == null ? NODES.nullNode() : node);
      }
      return object;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(instant.toString());
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }
    return NODES.textNode(value.toString());
  }
}
