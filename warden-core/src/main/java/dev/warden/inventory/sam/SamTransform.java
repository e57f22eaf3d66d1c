package dev.warden.inventory.sam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the SAM transform that change the template before it is read: {@code Globals} merged
 * into each resource, and the resources SAM creates implicitly (a role per function without one,
 * the implicit REST and HTTP APIs) declared so that references to them resolve.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
 */
final class SamTransform {

  private static final Map<String, String> GLOBAL_SECTIONS =
      Map.of(
          "AWS::Serverless::Function", "Function",
          "AWS::Serverless::Api", "Api",
          "AWS::Serverless::HttpApi", "HttpApi",
          "AWS::Serverless::SimpleTable", "SimpleTable",
          "AWS::Serverless::StateMachine", "StateMachine",
          "AWS::Serverless::LayerVersion", "LayerVersion");

  private SamTransform() {}

  static void apply(Template template) {
    declareImplicitResources(template);
    Value.Obj globals = template.globals();
    if (globals.fields().isEmpty()) {
      return;
    }
    Map<String, TemplateResource> resources = template.resources();
    for (Map.Entry<String, TemplateResource> entry : resources.entrySet()) {
      TemplateResource resource = entry.getValue();
      String section = GLOBAL_SECTIONS.get(resource.type());
      if (section == null) {
        continue;
      }
      Optional<Value.Obj> defaults = globals.obj(section);
      if (defaults.isPresent()) {
        entry.setValue(
            resource.withProperties((Value.Obj) merge(defaults.get(), resource.properties())));
      }
    }
  }

  /** Maps merge key by key, lists add up, anything else (and intrinsics) the resource's wins. */
  static Value merge(Value global, Value local) {
    if (global instanceof Value.Obj g
        && local instanceof Value.Obj l
        && !isIntrinsic(g)
        && !isIntrinsic(l)) {
      Map<String, Value.Field> merged = new LinkedHashMap<>();
      for (Value.Field field : g.fields()) {
        merged.put(field.key(), field);
      }
      for (Value.Field field : l.fields()) {
        Value.Field inherited = merged.get(field.key());
        merged.put(
            field.key(),
            inherited == null
                ? field
                : new Value.Field(
                    field.key(), field.keyAt(), merge(inherited.value(), field.value())));
      }
      return new Value.Obj(new ArrayList<>(merged.values()), l.at());
    }
    if (global instanceof Value.Seq g && local instanceof Value.Seq l) {
      List<Value> items = new ArrayList<>(g.items());
      items.addAll(l.items());
      return new Value.Seq(items, l.at());
    }
    return local;
  }

  private static boolean isIntrinsic(Value.Obj obj) {
    if (obj.fields().size() != 1) {
      return false;
    }
    String key = obj.fields().get(0).key();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  private static void declareImplicitResources(Template template) {
    Map<String, TemplateResource> resources = template.resources();
    List<TemplateResource> added = new ArrayList<>();
    boolean restApi = false;
    boolean httpApi = false;
    SourceLocation firstRest = null;
    SourceLocation firstHttp = null;
    for (TemplateResource resource : resources.values()) {
      if (!resource.type().equals("AWS::Serverless::Function")) {
        continue;
      }
      if (!resource.properties().has("Role")) {
        added.add(implicit(resource.logicalId() + "Role", "AWS::IAM::Role", resource));
      }
      for (Value.Field event :
          resource.properties().obj("Events").map(Value.Obj::fields).orElse(List.of())) {
        Optional<Value.Obj> definition = event.value().asObj();
        String type = definition.flatMap(d -> d.get("Type")).flatMap(Value::asString).orElse("");
        Value.Obj properties =
            definition
                .flatMap(d -> d.obj("Properties"))
                .orElse(new Value.Obj(List.of(), event.keyAt()));
        if (type.equals("Api") && !properties.has("RestApiId")) {
          restApi = true;
          firstRest = firstRest == null ? event.keyAt() : firstRest;
        }
        if (type.equals("HttpApi") && !properties.has("ApiId")) {
          httpApi = true;
          firstHttp = firstHttp == null ? event.keyAt() : firstHttp;
        }
      }
    }
    for (TemplateResource resource : added) {
      resources.putIfAbsent(resource.logicalId(), resource);
    }
    if (restApi && firstRest != null) {
      resources.putIfAbsent(
          Apis.IMPLICIT_REST_API,
          implicitApi(Apis.IMPLICIT_REST_API, "AWS::Serverless::Api", firstRest));
    }
    if (httpApi && firstHttp != null) {
      resources.putIfAbsent(
          Apis.IMPLICIT_HTTP_API,
          implicitApi(Apis.IMPLICIT_HTTP_API, "AWS::Serverless::HttpApi", firstHttp));
    }
  }

  private static TemplateResource implicit(String logicalId, String type, TemplateResource owner) {
    Value.Obj empty = new Value.Obj(List.of(), owner.at());
    return new TemplateResource(logicalId, type, empty, empty, owner.condition(), owner.at());
  }

  private static TemplateResource implicitApi(String logicalId, String type, SourceLocation at) {
    Value.Obj empty = new Value.Obj(List.of(), at);
    return new TemplateResource(logicalId, type, empty, empty, Optional.empty(), at);
  }
}
