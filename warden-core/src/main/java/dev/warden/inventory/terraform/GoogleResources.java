package dev.warden.inventory.terraform;

import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Setting;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.gcp.GcloudReader;
import dev.warden.inventory.gcp.GcpFunctionSpec;
import dev.warden.inventory.gcp.GcpFunctions;
import dev.warden.inventory.gcp.ProjectBindings;
import dev.warden.inventory.terraform.TerraformPlan.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Google Cloud functions of a Terraform plan: {@code google_cloudfunctions_function} (1st gen)
 * and {@code google_cloudfunctions2_function} (2nd gen), with the IAM resources that name them
 * ({@code google_cloudfunctions*_function_iam_member|binding}, {@code
 * google_cloud_run*_service_iam_member|binding} for 2nd gen's service) and the project's ({@code
 * google_project_iam_member|binding}). A service account or member known only after apply is
 * followed to its {@code google_service_account} ({@code
 * account_id@project.iam.gserviceaccount.com}).
 */
final class GoogleResources {

  private final TerraformPlan plan;
  private final String file;

  GoogleResources(TerraformPlan plan, String file) {
    this.plan = plan;
    this.file = file;
  }

  List<ServerlessFunction> functions() {
    List<GcpFunctionSpec> specs = new ArrayList<>();
    for (Resource r : plan.ofType("google_cloudfunctions_function")) {
      specs.add(firstGen(r));
    }
    for (Resource r : plan.ofType("google_cloudfunctions2_function")) {
      specs.add(secondGen(r));
    }
    if (specs.isEmpty()) {
      return List.of();
    }
    // members and bindings add to what the project has; only a whole policy says what it holds
    boolean projectKnown = !plan.ofType("google_project_iam_policy").isEmpty();
    ProjectBindings project = ProjectBindings.of(projectBindings(), projectKnown);
    Map<String, List<GcpFunctionSpec.Binding>> named = functionBindings();
    List<ServerlessFunction> functions = new ArrayList<>();
    for (GcpFunctionSpec spec : specs) {
      String address = spec.id().substring(spec.id().indexOf('#') + 1);
      java.util.Set<GcpFunctionSpec.Binding> own = new java.util.LinkedHashSet<>();
      own.addAll(named.getOrDefault("addr:" + address, List.of()));
      own.addAll(named.getOrDefault("name:" + spec.shortName(), List.of()));
      functions.add(GcpFunctions.build(spec.withBindings(List.copyOf(own)), project));
    }
    return functions;
  }

  private GcpFunctionSpec firstGen(Resource r) {
    Value.Obj v = r.values();
    List<EnvironmentVariable> env = new ArrayList<>();
    v.obj("environment_variables").ifPresent(e -> GcloudReader.addVariables(e, env));
    secrets(v, env);
    Optional<GcpFunctionSpec.Event> event =
        block(v, "event_trigger")
            .map(
                t ->
                    new GcpFunctionSpec.Event(
                        t.get("event_type").flatMap(Value::asString).orElse(""),
                        t.text("resource"),
                        t.at()));
    return spec(
        r,
        1,
        v.get("runtime").flatMap(Value::asString),
        v.get("entry_point").flatMap(Value::asString),
        v.get("available_memory_mb").flatMap(Value::asString).flatMap(GcloudReader::integer),
        v.get("timeout").flatMap(Value::asString).flatMap(GcloudReader::integer),
        env,
        serviceAccount(r, v, r.expressions(), "service_account_email"),
        event,
        setting(v, "ingress_settings"),
        setting(v, "vpc_connector"),
        setting(v, "https_trigger_security_level"),
        code(r, v.get("source_archive_object")));
  }

  private GcpFunctionSpec secondGen(Resource r) {
    Value.Obj v = r.values();
    Value.Obj build = block(v, "build_config").orElse(new Value.Obj(List.of(), v.at()));
    Value.Obj service = block(v, "service_config").orElse(new Value.Obj(List.of(), v.at()));
    Value.Obj serviceExpressions =
        block(r.expressions(), "service_config").orElse(new Value.Obj(List.of(), v.at()));
    List<EnvironmentVariable> env = new ArrayList<>();
    service.obj("environment_variables").ifPresent(e -> GcloudReader.addVariables(e, env));
    secrets(service, env);
    Optional<GcpFunctionSpec.Event> event =
        block(v, "event_trigger")
            .map(
                t ->
                    new GcpFunctionSpec.Event(
                        t.get("event_type").flatMap(Value::asString).orElse(""),
                        t.text("pubsub_topic")
                            .or(
                                () ->
                                    t.list("event_filters").stream()
                                        .flatMap(f -> f.asObj().stream())
                                        .filter(
                                            f ->
                                                f.get("attribute")
                                                    .flatMap(Value::asString)
                                                    .orElse("")
                                                    .equals("bucket"))
                                        .findFirst()
                                        .flatMap(f -> f.text("value"))),
                        t.at()));
    return spec(
        r,
        2,
        build.get("runtime").flatMap(Value::asString),
        build.get("entry_point").flatMap(Value::asString),
        service.get("available_memory").flatMap(Value::asString).flatMap(m -> megabytes(m)),
        service.get("timeout_seconds").flatMap(Value::asString).flatMap(GcloudReader::integer),
        env,
        serviceAccount(r, service, serviceExpressions, "service_account_email"),
        event,
        setting(service, "ingress_settings"),
        setting(service, "vpc_connector"),
        Optional.empty(),
        code(r, Optional.empty()));
  }

  private GcpFunctionSpec spec(
      Resource r,
      int generation,
      Optional<String> runtime,
      Optional<String> entryPoint,
      Optional<Integer> memory,
      Optional<Integer> timeout,
      List<EnvironmentVariable> env,
      Optional<Setting<String>> serviceAccount,
      Optional<GcpFunctionSpec.Event> event,
      Optional<Setting<String>> ingress,
      Optional<Setting<String>> connector,
      Optional<Setting<String>> securityLevel,
      CodeLocation code) {
    Value.Obj v = r.values();
    String name = v.get("name").flatMap(Value::asString).orElse(r.address());
    Map<String, String> labels = new LinkedHashMap<>();
    v.obj("labels")
        .ifPresent(
            l ->
                l.fields()
                    .forEach(f -> f.value().asString().ifPresent(x -> labels.put(f.key(), x))));
    return new GcpFunctionSpec(
        file + "#" + r.address(),
        AwsResources.logicalIdOf(r.address()),
        name,
        SymbolicText.of(name),
        generation,
        v.get("project").flatMap(Value::asString),
        runtime,
        entryPoint,
        code,
        memory,
        timeout,
        env,
        v.text("kms_key_name").filter(t -> !t.isEmpty()),
        labels,
        serviceAccount,
        event,
        ingress,
        connector,
        securityLevel,
        List.of(),
        r.at());
  }

  private CodeLocation code(Resource r, Optional<Value> object) {
    return new CodeLocation.Unresolved(
        object
            .flatMap(Value::asString)
            .map(o -> "gs object " + o)
            .orElse("source in Cloud Storage"),
        r.at());
  }

  /** A service account written, or followed through its reference to a google_service_account. */
  private Optional<Setting<String>> serviceAccount(
      Resource r, Value.Obj values, Value.Obj expressions, String key) {
    Optional<Setting<String>> written = setting(values, key);
    if (written.isPresent()) {
      return written;
    }
    return emailOf(r, expressions.get(key))
        .map(e -> Setting.of(e, values.get(key).map(Value::at).orElse(r.at())));
  }

  private Optional<String> emailOf(Resource from, Optional<Value> expression) {
    if (expression.isEmpty() || !(expression.get() instanceof Value.Obj e)) {
      return Optional.empty();
    }
    for (Value reference : e.list("references")) {
      Optional<Map.Entry<Resource, String>> found =
          reference
              .asString()
              .flatMap(t -> plan.referenced(t, AwsResources.modulePrefix(from.address())));
      if (found.isPresent() && found.get().getKey().type().equals("google_service_account")) {
        Value.Obj account = found.get().getKey().values();
        Optional<String> email = account.get("email").flatMap(Value::asString);
        if (email.isPresent()) {
          return email;
        }
        Optional<String> id = account.get("account_id").flatMap(Value::asString);
        Optional<String> project = account.get("project").flatMap(Value::asString);
        if (id.isPresent()) {
          return Optional.of(
              id.get() + "@" + project.orElse("PROJECT") + ".iam.gserviceaccount.com");
        }
      }
    }
    return Optional.empty();
  }

  private List<GcpFunctionSpec.Binding> projectBindings() {
    List<GcpFunctionSpec.Binding> bindings = new ArrayList<>();
    for (String type : List.of("google_project_iam_member", "google_project_iam_binding")) {
      for (Resource r : plan.ofType(type)) {
        SymbolicText scope =
            SymbolicText.of(
                "projects/" + r.values().get("project").flatMap(Value::asString).orElse("PROJECT"));
        bindings.addAll(members(r, scope, RoleGrant.ScopeLevel.PROJECT));
      }
    }
    return bindings;
  }

  private static final List<String> FUNCTION_IAM =
      List.of(
          "google_cloudfunctions_function_iam_member",
          "google_cloudfunctions_function_iam_binding",
          "google_cloudfunctions2_function_iam_member",
          "google_cloudfunctions2_function_iam_binding",
          "google_cloud_run_service_iam_member",
          "google_cloud_run_service_iam_binding",
          "google_cloud_run_v2_service_iam_member",
          "google_cloud_run_v2_service_iam_binding");

  /**
   * The bindings of every function IAM resource, indexed by the function each names: {@code
   * name:NAME} for a name written as a value, {@code addr:ADDRESS} for a reference.
   */
  private Map<String, List<GcpFunctionSpec.Binding>> functionBindings() {
    Map<String, List<GcpFunctionSpec.Binding>> index = new java.util.HashMap<>();
    for (String type : FUNCTION_IAM) {
      for (Resource r : plan.ofType(type)) {
        List<String> keys = new ArrayList<>();
        for (String key : List.of("cloud_function", "service", "name")) {
          r.values()
              .get(key)
              .flatMap(Value::asString)
              .ifPresent(v -> keys.add("name:" + v.substring(v.lastIndexOf('/') + 1)));
          Optional<Value.Obj> expression = r.expressions().obj(key);
          if (expression.isPresent()) {
            for (Value reference : expression.get().list("references")) {
              reference
                  .asString()
                  .flatMap(t -> plan.referenced(t, AwsResources.modulePrefix(r.address())))
                  .ifPresent(found -> keys.add("addr:" + found.getKey().address()));
            }
          }
        }
        if (keys.isEmpty()) {
          continue;
        }
        SymbolicText scope = SymbolicText.of(keys.get(0).substring(keys.get(0).indexOf(':') + 1));
        List<GcpFunctionSpec.Binding> bindings = members(r, scope, RoleGrant.ScopeLevel.RESOURCE);
        for (String key : new java.util.LinkedHashSet<>(keys)) {
          index.computeIfAbsent(key, k -> new ArrayList<>()).addAll(bindings);
        }
      }
    }
    return index;
  }

  private List<GcpFunctionSpec.Binding> members(
      Resource r, SymbolicText scope, RoleGrant.ScopeLevel level) {
    Optional<String> role = r.values().get("role").flatMap(Value::asString);
    if (role.isEmpty()) {
      return List.of();
    }
    List<GcpFunctionSpec.Binding> bindings = new ArrayList<>();
    Optional<Value> member = r.values().get("member");
    if (r.type().endsWith("_member")) {
      Optional<String> text =
          member
              .flatMap(Value::asString)
              .or(() -> emailOf(r, r.expressions().get("member")).map(e -> "serviceAccount:" + e));
      text.ifPresent(
          m ->
              bindings.add(
                  new GcpFunctionSpec.Binding(role.get(), m, scope, level, at(member, r))));
    } else {
      for (Value one : r.values().list("members")) {
        one.asString()
            .ifPresent(
                m ->
                    bindings.add(
                        new GcpFunctionSpec.Binding(role.get(), m, scope, level, one.at())));
      }
    }
    return bindings;
  }

  private static SourceLocation at(Optional<Value> value, Resource r) {
    return value.map(Value::at).orElse(r.at());
  }

  private static Optional<Value.Obj> block(Value.Obj values, String key) {
    return values.list(key).stream().flatMap(v -> v.asObj().stream()).findFirst();
  }

  private static void secrets(Value.Obj values, List<EnvironmentVariable> into) {
    for (Value item : values.list("secret_environment_variables")) {
      item.asObj()
          .ifPresent(
              s ->
                  into.add(
                      new EnvironmentVariable(
                          s.get("key").flatMap(Value::asString).orElse("?"),
                          SymbolicText.symbol(
                              "secret:secrets/"
                                  + s.get("secret").flatMap(Value::asString).orElse("?")
                                  + "/versions/"
                                  + s.get("version").flatMap(Value::asString).orElse("latest")),
                          s.at())));
    }
  }

  private static Optional<Setting<String>> setting(Value.Obj values, String key) {
    return values
        .get(key)
        .flatMap(v -> v.asString().filter(s -> !s.isEmpty()).map(s -> Setting.of(s, v.at())));
  }

  private static Optional<Integer> megabytes(String text) {
    return GcloudReader.megabytesOf(text);
  }
}
