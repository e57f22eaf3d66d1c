package dev.warden.inventory.serverless;

import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code resources} of a {@code serverless.yml}: CloudFormation written by hand (one mapping,
 * or a list of them — often {@code ${file(…)}} includes), merged into the compiled template. A
 * resource with the logical ID of one the framework made extends it: its properties replace the
 * made ones key by key, as the framework does.
 */
final class ServerlessResources {

  private static final List<String> SECTIONS =
      List.of("Parameters", "Conditions", "Mappings", "Outputs");

  private ServerlessResources() {}

  /** The {@code resources} mappings, a lone one as a list of one. */
  private static List<Value.Obj> parts(Value.Obj config) {
    List<Value.Obj> parts = new ArrayList<>();
    for (Value part : config.list("resources")) {
      part.asObj().ifPresent(parts::add);
    }
    return parts;
  }

  /** True when {@code resources} declares a resource of this logical ID. */
  static boolean declares(Value.Obj config, String logicalId) {
    return parts(config).stream()
        .anyMatch(part -> part.obj("Resources").map(r -> r.has(logicalId)).orElse(false));
  }

  static void merge(ServerlessCompiler compiler, Tree.Builder resources, Tree.Builder template) {
    Value.Obj made = resources.build();
    for (Value.Obj part : parts(compiler.config())) {
      for (Value.Field field : part.obj("Resources").map(Value.Obj::fields).orElse(List.of())) {
        java.util.Optional<Value> existing = made.get(field.key());
        if (existing.isPresent()
            && existing.get() instanceof Value.Obj generated
            && field.value() instanceof Value.Obj extension) {
          resources.put(field.key(), extend(generated, extension));
        } else {
          resources.put(field.key(), field.value());
        }
      }
      for (String section : SECTIONS) {
        part.obj(section)
            .ifPresent(
                s -> {
                  Tree.Builder merged = Tree.obj(s.at());
                  for (Value.Field f : s.fields()) {
                    merged.put(f.key(), f.value());
                  }
                  template.put(section, merged.build());
                });
      }
      for (Value.Field field : part.fields()) {
        if (!field.key().equals("Resources")
            && !SECTIONS.contains(field.key())
            && !field.key().equals("Description")
            && !field.key().equals("extensions")) {
          compiler.problem(
              field.keyAt(),
              "resources." + field.key() + " is not a CloudFormation section; not read",
              "Use Resources, Outputs, Conditions, Mappings or Parameters.");
        }
      }
    }
  }

  /** A made resource with the properties (and other keys) of a hand-written one laid over it. */
  private static Value.Obj extend(Value.Obj generated, Value.Obj extension) {
    Tree.Builder result = Tree.obj(extension.at());
    for (Value.Field field : generated.fields()) {
      result.put(field.key(), field.value());
    }
    for (Value.Field field : extension.fields()) {
      if (field.key().equals("Properties")
          && field.value() instanceof Value.Obj mine
          && generated.obj("Properties").isPresent()) {
        Tree.Builder properties = Tree.obj(mine.at());
        for (Value.Field f : generated.obj("Properties").orElseThrow().fields()) {
          properties.put(f.key(), f.value());
        }
        for (Value.Field f : mine.fields()) {
          properties.put(f.key(), f.value());
        }
        result.put("Properties", properties.build());
      } else {
        result.put(field.key(), field.value());
      }
    }
    return result.build();
  }
}
