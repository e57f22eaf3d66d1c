package dev.warden.inventory.gcp;

import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON {@code gcloud functions describe|list --format=json} writes — the 1st gen (v1 API)
 * shape with {@code httpsTrigger}/{@code eventTrigger} at the top, and the 2nd gen (v2 API) shape
 * with {@code buildConfig} and {@code serviceConfig} — and IAM policies ({@code bindings} of {@code
 * role} and {@code members}).
 */
public final class GcloudReader {

  private static final Pattern FUNCTION_NAME =
      Pattern.compile("projects/([^/]+)/locations/([^/]+)/functions/([^/]+)");
  private static final Pattern MEMORY = Pattern.compile("(\\d+)\\s*([KMGT]i?)?B?");

  private GcloudReader() {}

  /** True for one function's description or a list of them. */
  public static boolean isFunctions(Value document) {
    if (document instanceof Value.Seq seq) {
      return !seq.items().isEmpty() && seq.items().stream().allMatch(GcloudReader::isFunction);
    }
    return isFunction(document);
  }

  private static boolean isFunction(Value value) {
    if (!(value instanceof Value.Obj obj)) {
      return false;
    }
    Optional<String> name = obj.get("name").flatMap(Value::asString);
    return name.isPresent()
        && FUNCTION_NAME.matcher(name.get()).matches()
        && (obj.has("runtime")
            || obj.has("buildConfig")
            || obj.has("serviceConfig")
            || obj.has("entryPoint")
            || obj.has("httpsTrigger")
            || obj.has("eventTrigger"));
  }

  /** True for an IAM policy: {@code bindings} of {@code role} and {@code members}. */
  public static boolean isIamPolicy(Value document) {
    if (!(document instanceof Value.Obj obj) || obj.has("name") || obj.has("Resources")) {
      return false;
    }
    List<Value> bindings = obj.list("bindings");
    return !bindings.isEmpty()
        && bindings.stream()
            .allMatch(b -> b instanceof Value.Obj o && o.has("role") && o.has("members"));
  }

  /** True when the first bytes of a file look like gcloud output for functions or IAM. */
  public static boolean looksLikeGcloud(String head) {
    return (head.contains("\"name\"") && head.contains("/functions/"))
        || (head.contains("\"bindings\"") && head.contains("\"members\""));
  }

  /** The functions described in a document, with problems for what cannot be read. */
  public static List<GcpFunctionSpec> functions(
      Value document, String file, List<InputProblem> problems) {
    List<Value> items = document instanceof Value.Seq seq ? seq.items() : List.of(document);
    List<GcpFunctionSpec> specs = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof Value.Obj obj) {
        specs.add(function(obj, file, problems));
      }
    }
    return specs;
  }

  /** The bindings of an IAM policy, each member on its own, set on {@code scope}. */
  public static List<GcpFunctionSpec.Binding> bindings(
      Value.Obj policy, SymbolicText scope, RoleGrant.ScopeLevel level) {
    List<GcpFunctionSpec.Binding> bindings = new ArrayList<>();
    for (Value item : policy.list("bindings")) {
      if (!(item instanceof Value.Obj binding)) {
        continue;
      }
      Optional<String> role = binding.get("role").flatMap(Value::asString);
      if (role.isEmpty()) {
        continue;
      }
      String condition =
          binding.obj("condition").flatMap(c -> c.get("title")).flatMap(Value::asString).orElse("");
      for (Value member : binding.list("members")) {
        member
            .asString()
            .ifPresent(
                m ->
                    bindings.add(
                        new GcpFunctionSpec.Binding(
                            role.get(),
                            m,
                            condition.isEmpty()
                                ? scope
                                : scope.append(SymbolicText.of(" (if " + condition + ")")),
                            level,
                            member.at())));
      }
    }
    return bindings;
  }

  private static GcpFunctionSpec function(Value.Obj f, String file, List<InputProblem> problems) {
    String fullName = f.get("name").flatMap(Value::asString).orElse("");
    Matcher name = FUNCTION_NAME.matcher(fullName);
    String project = "";
    String shortName = fullName;
    if (name.matches()) {
      project = name.group(1);
      shortName = name.group(3);
    }
    boolean v2 = f.has("buildConfig") || f.has("serviceConfig");
    Value.Obj empty = new Value.Obj(List.of(), f.at());
    Value.Obj build = f.obj("buildConfig").orElse(empty);
    Value.Obj service = f.obj("serviceConfig").orElse(empty);
    int generation =
        v2
            ? f.get("environment").flatMap(Value::asString).orElse("GEN_2").equals("GEN_1") ? 1 : 2
            : 1;
    Value.Obj runtimeFrom = v2 ? build : f;
    Value.Obj settings = v2 ? service : f;
    List<EnvironmentVariable> environment = new ArrayList<>();
    settings.obj("environmentVariables").ifPresent(env -> addVariables(env, environment));
    for (Value secret : settings.list("secretEnvironmentVariables")) {
      secret.asObj().ifPresent(s -> environment.add(secretVariable(s)));
    }
    Optional<Integer> memory =
        v2
            ? service
                .get("availableMemory")
                .flatMap(Value::asString)
                .flatMap(GcloudReader::megabytesOf)
            : f.get("availableMemoryMb").flatMap(Value::asString).flatMap(GcloudReader::integer);
    Optional<Integer> timeout =
        v2
            ? service.get("timeoutSeconds").flatMap(Value::asString).flatMap(GcloudReader::integer)
            : f.get("timeout")
                .flatMap(Value::asString)
                .map(t -> t.replace("s", ""))
                .flatMap(GcloudReader::integer);
    Optional<GcpFunctionSpec.Event> event =
        f.obj("eventTrigger").map(trigger -> event(trigger, problems, file));
    if (!v2 && event.isEmpty() && !f.has("httpsTrigger")) {
      problems.add(
          new InputProblem(
              f.at(),
              "function " + shortName + " has neither httpsTrigger nor eventTrigger",
              "Describe it with gcloud functions describe NAME --format=json; the output was"
                  + " probably cut."));
    }
    Optional<Setting<String>> securityLevel =
        setting(v2 ? service : f.obj("httpsTrigger").orElse(empty), "securityLevel");
    Map<String, String> labels = new LinkedHashMap<>();
    f.obj("labels")
        .ifPresent(
            l ->
                l.fields()
                    .forEach(x -> x.value().asString().ifPresent(v -> labels.put(x.key(), v))));
    return new GcpFunctionSpec(
        file + "#" + shortName,
        shortName,
        shortName,
        SymbolicText.of(shortName),
        generation,
        project.isEmpty() ? Optional.empty() : Optional.of(project),
        runtimeFrom.get("runtime").flatMap(Value::asString),
        runtimeFrom.get("entryPoint").flatMap(Value::asString),
        code(f, build, file),
        memory,
        timeout,
        environment,
        f.text("kmsKeyName"),
        labels,
        setting(settings, "serviceAccountEmail"),
        event,
        setting(settings, "ingressSettings"),
        setting(settings, "vpcConnector"),
        securityLevel,
        List.of(),
        f.at());
  }

  private static GcpFunctionSpec.Event event(
      Value.Obj trigger, List<InputProblem> problems, String file) {
    String type = trigger.get("eventType").flatMap(Value::asString).orElse("");
    if (type.isEmpty()) {
      problems.add(
          new InputProblem(
              trigger.at(),
              "eventTrigger without an eventType in " + file,
              "Check the gcloud output; the trigger's kind is unknown."));
    }
    Optional<SymbolicText> resource =
        trigger
            .text("resource")
            .or(() -> trigger.text("pubsubTopic"))
            .or(
                () ->
                    trigger.list("eventFilters").stream()
                        .flatMap(v -> v.asObj().stream())
                        .filter(
                            o ->
                                o.get("attribute")
                                    .flatMap(Value::asString)
                                    .orElse("")
                                    .equals("bucket"))
                        .findFirst()
                        .flatMap(o -> o.text("value")));
    return new GcpFunctionSpec.Event(type, resource, trigger.at());
  }

  private static CodeLocation code(Value.Obj f, Value.Obj build, String file) {
    Optional<Value.Obj> storage = build.obj("source").flatMap(s -> s.obj("storageSource"));
    if (storage.isPresent()) {
      return new CodeLocation.Unresolved(
          "gs://"
              + storage.get().get("bucket").flatMap(Value::asString).orElse("?")
              + "/"
              + storage.get().get("object").flatMap(Value::asString).orElse("?"),
          storage.get().at());
    }
    return f.get("sourceArchiveUrl")
        .<CodeLocation>map(
            v -> new CodeLocation.Unresolved(v.asString().orElse("source archive"), v.at()))
        .orElse(new CodeLocation.Unresolved("deployed source (not in " + file + ")", f.at()));
  }

  /** Each field of an environment map as a variable, with where its name and value are. */
  public static void addVariables(Value.Obj env, List<EnvironmentVariable> into) {
    for (Value.Field field : env.fields()) {
      field
          .value()
          .asText()
          .ifPresent(
              value ->
                  into.add(
                      new EnvironmentVariable(
                          field.key(), value, field.keyAt(), field.value().at())));
    }
  }

  private static EnvironmentVariable secretVariable(Value.Obj secret) {
    String key = secret.get("key").flatMap(Value::asString).orElse("?");
    String reference =
        "secret:"
            + secret
                .get("projectId")
                .flatMap(Value::asString)
                .map(p -> "projects/" + p + "/")
                .orElse("")
            + "secrets/"
            + secret.get("secret").flatMap(Value::asString).orElse("?")
            + "/versions/"
            + secret.get("version").flatMap(Value::asString).orElse("latest");
    return new EnvironmentVariable(key, SymbolicText.symbol(reference), secret.at());
  }

  static Optional<Setting<String>> setting(Value.Obj obj, String key) {
    return obj.get(key).flatMap(v -> v.asString().map(s -> Setting.of(s, v.at())));
  }

  public static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Megabytes from {@code 256M}, {@code 512Mi}, {@code 1Gi}, {@code 2G} or a plain number. */
  public static Optional<Integer> megabytesOf(String text) {
    Matcher m = MEMORY.matcher(text.trim().toUpperCase(Locale.ROOT).replace("I", "i"));
    if (!m.matches()) {
      return Optional.empty();
    }
    long number = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "M" : m.group(2).substring(0, 1);
    long mb =
        switch (unit) {
          case "K" -> number / 1024;
          case "G" -> number * 1024;
          case "T" -> number * 1024 * 1024;
          default -> number;
        };
    return mb > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) mb);
  }
}
