package dev.warden.inventory.sam;

import dev.warden.inventory.InputError;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A CloudFormation or SAM template split into its sections, not yet resolved. */
final class Template {

  static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

  private final String file;
  private final Value.Obj root;
  private final List<String> transforms;
  private final Map<String, Value.Obj> parameters;
  private final Value.Obj mappings;
  private final Map<String, Value> conditions;
  private final Map<String, TemplateResource> resources;
  private final Value.Obj globals;
  private final Value.Obj outputs;

  private Template(String file, Value.Obj root, Problems problems) {
    this.file = file;
    this.root = root;
    this.transforms = transforms(root);
    this.parameters = new LinkedHashMap<>();
    for (Value.Field field : section(root, "Parameters", problems).fields()) {
      if (field.value() instanceof Value.Obj definition) {
        parameters.put(field.key(), definition);
      } else {
        problems.add(
            field.keyAt(),
            "parameter " + field.key() + " is " + field.value().kindName() + ", not a mapping",
            "Declare parameters as mappings with at least a Type.");
      }
    }
    this.mappings = section(root, "Mappings", problems);
    this.conditions = new LinkedHashMap<>();
    for (Value.Field field : section(root, "Conditions", problems).fields()) {
      conditions.put(field.key(), field.value());
    }
    this.resources = new LinkedHashMap<>();
    for (Value.Field field : section(root, "Resources", problems).fields()) {
      resource(field, problems).ifPresent(r -> resources.put(r.logicalId(), r));
    }
    this.globals = section(root, "Globals", problems);
    this.outputs = section(root, "Outputs", problems);
  }

  /**
   * Splits a document into sections; fails when it is not a template at all (no {@code Resources}
   * mapping of typed resources).
   */
  static Template of(String file, Value document, Problems problems) {
    if (!(document instanceof Value.Obj root)) {
      throw new InputError(
          document.at(),
          "not a CloudFormation or SAM template: the document is "
              + document.kindName()
              + ", not a mapping",
          "Scan a template file (with a top-level Resources section).");
    }
    if (!(root.get("Resources").orElse(null) instanceof Value.Obj)) {
      throw new InputError(
          root.at(),
          "not a CloudFormation or SAM template: there is no Resources section",
          "Scan a template file (with a top-level Resources section), or leave this file out.");
    }
    return new Template(file, root, problems);
  }

  /** Quick test used to pick templates out of a folder: a mapping with typed resources. */
  static boolean looksLikeTemplate(Value document) {
    if (!(document instanceof Value.Obj root)) {
      return false;
    }
    if (root.has("AWSTemplateFormatVersion")) {
      return true;
    }
    Optional<Value.Obj> resources = root.obj("Resources");
    if (resources.isEmpty()) {
      return false;
    }
    for (Value.Field field : resources.get().fields()) {
      if (field.value() instanceof Value.Obj resource
          && resource.text("Type").map(t -> t.toString().contains("::")).orElse(false)) {
        return true;
      }
    }
    return resources.get().fields().isEmpty() && root.has("Transform");
  }

  private static Optional<TemplateResource> resource(Value.Field field, Problems problems) {
    if (field.key().startsWith("Fn::ForEach::")) {
      problems.add(
          field.keyAt(),
          field.key()
              + " (AWS::LanguageExtensions) is not expanded yet; the resources it generates"
              + " were not scanned",
          "Scan the processed template (`aws cloudformation get-template --template-stage Processed`),"
              + " which has the loop expanded.");
      return Optional.empty();
    }
    if (!(field.value() instanceof Value.Obj definition)) {
      problems.add(
          field.keyAt(),
          "resource " + field.key() + " is " + field.value().kindName() + ", not a mapping",
          "Declare each resource as a mapping with a Type and Properties.");
      return Optional.empty();
    }
    Optional<String> type = definition.get("Type").flatMap(Value::asString);
    if (type.isEmpty()) {
      problems.add(
          field.keyAt(),
          "resource " + field.key() + " has no Type",
          "Add the resource's Type, e.g. AWS::Serverless::Function.");
      return Optional.empty();
    }
    Value.Obj properties;
    Optional<Value> rawProperties = definition.get("Properties");
    if (rawProperties.isEmpty() || rawProperties.get() instanceof Value.Nil) {
      properties = new Value.Obj(List.of(), definition.at());
    } else if (rawProperties.get() instanceof Value.Obj obj) {
      properties = obj;
    } else {
      problems.add(
          rawProperties.get().at(),
          "the Properties of "
              + field.key()
              + " are "
              + rawProperties.get().kindName()
              + ", not a mapping",
          "Write Properties as a mapping.");
      properties = new Value.Obj(List.of(), definition.at());
    }
    Optional<String> condition = definition.get("Condition").flatMap(Value::asString);
    return Optional.of(
        new TemplateResource(
            field.key(), type.get(), definition, properties, condition, field.keyAt()));
  }

  private static Value.Obj section(Value.Obj root, String name, Problems problems) {
    Optional<Value> value = root.get(name);
    if (value.isEmpty() || value.get() instanceof Value.Nil) {
      return new Value.Obj(List.of(), root.at());
    }
    if (value.get() instanceof Value.Obj obj) {
      return obj;
    }
    problems.add(
        value.get().at(),
        "the " + name + " section is " + value.get().kindName() + ", not a mapping",
        "Write " + name + " as a mapping; it was ignored.");
    return new Value.Obj(List.of(), value.get().at());
  }

  private static List<String> transforms(Value.Obj root) {
    List<String> names = new ArrayList<>();
    for (Value item : root.list("Transform")) {
      item.asString().ifPresent(names::add);
      item.asObj().flatMap(o -> o.text("Name")).ifPresent(n -> names.add(n.toString()));
    }
    return names;
  }

  String file() {
    return file;
  }

  SourceLocation at() {
    return root.at();
  }

  boolean isSam() {
    return transforms.contains(SAM_TRANSFORM)
        || resources.values().stream().anyMatch(r -> r.type().startsWith("AWS::Serverless::"));
  }

  Optional<String> description() {
    return root.get("Description").flatMap(Value::asString);
  }

  Map<String, Value.Obj> parameters() {
    return parameters;
  }

  Value.Obj mappings() {
    return mappings;
  }

  Map<String, Value> conditions() {
    return conditions;
  }

  /** Resources in declaration order, by logical id. Mutable: the SAM transform adds to it. */
  Map<String, TemplateResource> resources() {
    return resources;
  }

  Value.Obj globals() {
    return globals;
  }

  Value.Obj outputs() {
    return outputs;
  }
}
