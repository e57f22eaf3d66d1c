package dev.warden.inventory.terraform;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of a {@code terraform show -json} document — a plan ({@code planned_values}, with
 * {@code prior_state} for data sources read while planning) or a state ({@code values}) — every
 * module's, each with the expressions the configuration wrote for it: a value unknown until apply
 * ({@code role = aws_iam_role.lambda.arn}) is known by what it refers to.
 */
final class TerraformPlan {

  /** One resource instance: its address, mode, type, values and the configuration's expressions. */
  record Resource(
      String address,
      String mode,
      String type,
      Value.Obj values,
      Value.Obj expressions,
      SourceLocation at) {

    boolean isData() {
      return mode.equals("data");
    }
  }

  private static final java.util.regex.Pattern INSTANCE_KEY =
      java.util.regex.Pattern.compile("\\[[^\\]]*\\]");

  private final Map<String, Resource> resources = new LinkedHashMap<>();

  /**
   * The dot-separated parts of an address or reference, dots inside an instance key kept: {@code
   * module.m["a.b"].aws_x.y} → {@code module}, {@code m["a.b"]}, {@code aws_x}, {@code y}.
   */
  static List<String> segments(String address) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == '"' && (i == 0 || address.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']') {
        depth--;
      } else if (!quoted && depth == 0 && c == '.') {
        parts.add(address.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(address.substring(start));
    return parts;
  }

  /** {@code module.a[0].aws_x.y["k"]} → {@code module.a.aws_x.y}: the configuration's address. */
  static String withoutKeys(String address) {
    return address.indexOf('[') < 0 ? address : INSTANCE_KEY.matcher(address).replaceAll("");
  }

  private TerraformPlan() {}

  /** True when a parsed document is the JSON of a Terraform plan or state. */
  static boolean isPlan(Value document) {
    return document instanceof Value.Obj obj
        && ((obj.has("format_version")
                && (obj.has("planned_values") || obj.has("values") || obj.has("resource_changes")))
            || isRawState(obj));
  }

  /**
   * True for a {@code terraform.tfstate} file as Terraform stores it ({@code version}, {@code
   * lineage}, {@code resources} with {@code instances}), rather than as {@code terraform show
   * -json} prints it.
   */
  static boolean isRawState(Value.Obj document) {
    return document.has("lineage") && document.has("serial") && document.has("resources");
  }

  /**
   * The resources of a raw state file: each instance's {@code attributes} are its values, its
   * address built from the module, mode, type, name and index key. A state has no configuration, so
   * no expressions: every value is known after apply.
   */
  private void collectRawState(Value.Obj state) {
    Value.Obj empty = new Value.Obj(List.of(), state.at());
    for (Value item : state.list("resources")) {
      if (!(item instanceof Value.Obj resource)) {
        continue;
      }
      String module = resource.get("module").flatMap(Value::asString).map(m -> m + ".").orElse("");
      String mode = resource.get("mode").flatMap(Value::asString).orElse("managed");
      String type = resource.get("type").flatMap(Value::asString).orElse("");
      String name = resource.get("name").flatMap(Value::asString).orElse("");
      String base = module + (mode.equals("data") ? "data." : "") + type + "." + name;
      for (Value instance : resource.list("instances")) {
        if (!(instance instanceof Value.Obj one)) {
          continue;
        }
        String key =
            one.get("index_key")
                .map(
                    k ->
                        k instanceof Value.Num num
                            ? "[" + num.lexeme() + "]"
                            : "[\"" + k.asString().orElse("") + "\"]")
                .orElse("");
        String address = base + key;
        resources.put(
            address,
            new Resource(
                address, mode, type, one.obj("attributes").orElse(empty), empty, one.at()));
      }
    }
  }

  static TerraformPlan of(Value.Obj document) {
    TerraformPlan plan = new TerraformPlan();
    if (isRawState(document)) {
      plan.collectRawState(document);
      return plan;
    }
    Map<String, Value.Obj> expressions = new LinkedHashMap<>();
    document
        .obj("configuration")
        .flatMap(c -> c.obj("root_module"))
        .ifPresent(root -> collectExpressions(root, "", expressions));
    Value.Obj empty = new Value.Obj(List.of(), document.at());
    // data sources read while planning are in the prior state; managed resources are planned
    for (String section : List.of("prior_state", "planned_values", "values")) {
      Optional<Value.Obj> values =
          section.equals("prior_state")
              ? document.obj("prior_state").flatMap(p -> p.obj("values"))
              : document.obj(section);
      values
          .flatMap(v -> v.obj("root_module"))
          .ifPresent(root -> plan.collect(root, expressions, empty));
    }
    return plan;
  }

  private void collect(Value.Obj module, Map<String, Value.Obj> expressions, Value.Obj empty) {
    for (Value item : module.list("resources")) {
      if (!(item instanceof Value.Obj resource)) {
        continue;
      }
      String address = resource.get("address").flatMap(Value::asString).orElse("");
      String mode = resource.get("mode").flatMap(Value::asString).orElse("managed");
      String type = resource.get("type").flatMap(Value::asString).orElse("");
      Value.Obj values = resource.obj("values").orElse(empty);
      Resource read =
          new Resource(
              address,
              mode,
              type,
              values,
              expressions.getOrDefault(withoutKeys(address), empty),
              resource.at());
      resources.put(address, read);
    }
    for (Value child : module.list("child_modules")) {
      child.asObj().ifPresent(c -> collect(c, expressions, empty));
    }
  }

  private static void collectExpressions(
      Value.Obj module, String prefix, Map<String, Value.Obj> expressions) {
    for (Value item : module.list("resources")) {
      item.asObj()
          .ifPresent(
              resource ->
                  resource
                      .get("address")
                      .flatMap(Value::asString)
                      .ifPresent(
                          address ->
                              expressions.put(
                                  prefix + address,
                                  resource
                                      .obj("expressions")
                                      .orElse(new Value.Obj(List.of(), resource.at())))));
    }
    module
        .obj("module_calls")
        .ifPresent(
            calls -> {
              for (Value.Field call : calls.fields()) {
                call.value()
                    .asObj()
                    .flatMap(c -> c.obj("module"))
                    .ifPresent(
                        child ->
                            collectExpressions(
                                child, prefix + "module." + call.key() + ".", expressions));
              }
            });
  }

  List<Resource> all() {
    return new ArrayList<>(resources.values());
  }

  List<Resource> ofType(String type) {
    return resources.values().stream().filter(r -> r.type().equals(type) && !r.isData()).toList();
  }

  /**
   * The resource a reference names ({@code aws_iam_role.lambda.arn}, {@code
   * module.api.aws_lambda_function.f}, {@code data.aws_iam_policy_document.p.json}), with the
   * attribute it reads, when it is one of this plan's.
   */
  Optional<Map.Entry<Resource, String>> referenced(String reference, String modulePrefix) {
    List<String> candidates = List.of(modulePrefix + reference, reference);
    for (String candidate : candidates) {
      String[] parts = segments(candidate).toArray(new String[0]);
      // longest prefix that is an address; the rest is the attribute
      for (int end = parts.length; end >= 2; end--) {
        String address = String.join(".", java.util.Arrays.copyOfRange(parts, 0, end));
        Resource resource = resources.get(address);
        if (resource == null) {
          resource = resources.get(address + "[0]");
        }
        if (resource != null) {
          String attribute =
              end < parts.length
                  ? String.join(".", java.util.Arrays.copyOfRange(parts, end, parts.length))
                  : "";
          return Optional.of(Map.entry(resource, attribute));
        }
      }
    }
    return Optional.empty();
  }
}
