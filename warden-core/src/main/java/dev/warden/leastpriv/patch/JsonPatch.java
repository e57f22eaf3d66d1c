package dev.warden.leastpriv.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Patches a JSON template through its tree (JSON has no comments to keep): the order of keys stays,
 * the layout becomes two-space indentation.
 */
final class JsonPatch {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPatch() {}

  static TemplatePatch apply(SourceFile source, List<FunctionPatch> functions) {
    JsonNode root;
    try {
      root = JSON.readTree(source.text());
    } catch (JsonProcessingException e) {
      return new TemplatePatch(
          source.text(),
          List.of(),
          List.of(
              source.displayPath() + ": not valid JSON, not patched: " + e.getOriginalMessage()));
    }
    List<String> patched = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (root.has("service") && root.has("functions")) {
      return new TemplatePatch(
          source.text(),
          List.of(),
          List.of(
              source.displayPath()
                  + ": a serverless.json is not patched; give each function the statements of"
                  + " `warden policy --function NAME` as iamRoleStatements"));
    }
    if (!(root.get("Resources") instanceof ObjectNode resources)) {
      return new TemplatePatch(
          source.text(), List.of(), List.of(source.displayPath() + ": no Resources to patch"));
    }
    for (FunctionPatch function : functions) {
      if (!(resources.get(function.logicalId()) instanceof ObjectNode resource)
          || !(resource.get("Properties") instanceof ObjectNode properties)) {
        notes.add(function.logicalId() + ": no Properties object in " + source.displayPath());
        continue;
      }
      String type = resource.path("Type").asText();
      if (!type.equals("AWS::Serverless::Function") && !type.equals("AWS::Lambda::Function")) {
        notes.add(function.logicalId() + ": not a function of " + source.displayPath());
        continue;
      }
      if (type.equals("AWS::Serverless::Function")) {
        properties.remove("Role");
        ArrayNode policies = NODES.arrayNode().add(document(function.policy()));
        properties.set("Policies", policies);
        if (function.boundary().isPresent() && !properties.has("PermissionsBoundary")) {
          properties.set("PermissionsBoundary", text(function.boundary().get().toString()));
        }
      } else {
        if (!properties.has("Role")) {
          notes.add(function.logicalId() + ": a Lambda function without a Role; not patched");
          continue;
        }
        String roleId = function.logicalId() + "WardenRole";
        for (int i = 2; resources.has(roleId); i++) {
          roleId = function.logicalId() + "WardenRole" + i;
        }
        properties.set(
            "Role", NODES.objectNode().set("Fn::GetAtt", NODES.arrayNode().add(roleId).add("Arn")));
        resources.set(roleId, role(function, resource.get("Condition")));
      }
      patched.add(function.logicalId());
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new TemplatePatch(
          JSON.writer(printer).writeValueAsString(root) + "\n", patched, notes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  private static ObjectNode role(FunctionPatch function, JsonNode condition) {
    ObjectNode trust = NODES.objectNode();
    trust.put("Version", "2012-10-17");
    ObjectNode assume = NODES.objectNode();
    assume.put("Effect", "Allow");
    assume.set("Principal", NODES.objectNode().put("Service", "lambda.amazonaws.com"));
    assume.put("Action", "sts:AssumeRole");
    trust.set("Statement", NODES.arrayNode().add(assume));
    ObjectNode properties = NODES.objectNode();
    properties.set("AssumeRolePolicyDocument", trust);
    function.boundary().ifPresent(b -> properties.set("PermissionsBoundary", text(b.toString())));
    ObjectNode inline = NODES.objectNode();
    inline.put("PolicyName", "least-privilege");
    inline.set("PolicyDocument", document(function.policy()));
    properties.set("Policies", NODES.arrayNode().add(inline));
    ObjectNode role = NODES.objectNode();
    role.put("Type", "AWS::IAM::Role");
    if (condition != null) {
      role.set("Condition", condition);
    }
    role.set("Properties", properties);
    return role;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode document(Map<String, Object> policy) {
    ObjectNode document = NODES.objectNode();
    document.put("Version", "2012-10-17");
    ArrayNode statements = document.putArray("Statement");
    for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
      ObjectNode json = statements.addObject();
      json.put("Sid", String.valueOf(statement.get("Sid")));
      json.put("Effect", "Allow");
      ArrayNode actions = json.putArray("Action");
      ((List<Object>) statement.get("Action")).forEach(a -> actions.add(String.valueOf(a)));
      json.set("Resource", text(String.valueOf(statement.get("Resource"))));
    }
    return document;
  }

  /** A string, or {@code {"Fn::Sub": ...}} when it holds template values. */
  private static JsonNode text(String value) {
    return value.contains("${") ? NODES.objectNode().put("Fn::Sub", value) : NODES.textNode(value);
  }
}
