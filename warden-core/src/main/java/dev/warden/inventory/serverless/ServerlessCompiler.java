package dev.warden.inventory.serverless;

import static dev.warden.inventory.serverless.Tree.getAtt;
import static dev.warden.inventory.serverless.Tree.obj;
import static dev.warden.inventory.serverless.Tree.seq;
import static dev.warden.inventory.serverless.Tree.str;
import static dev.warden.inventory.serverless.Tree.sub;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a resolved {@code serverless.yml} into the SAM template the framework would deploy: one
 * function per {@code functions} entry (provider defaults applied, named {@code
 * service-stage-function}), the shared execution role {@code IamRoleLambdaExecution} with the
 * provider's statements, managed policies and the permissions the framework adds (logs, stream and
 * queue reads) — or one role per function with the per-function-roles plugin — the events as SAM
 * events or the resources the framework creates for them, and {@code resources} merged in.
 */
public final class ServerlessCompiler {

  /** The plugin that gives each function its own role from its {@code iamRoleStatements}. */
  public static final String PER_FUNCTION_ROLES = "serverless-iam-roles-per-function";

  private final Value.Obj config;
  private final String stage;
  private final List<InputProblem> problems;
  private final Map<String, Value.Obj> resources = new LinkedHashMap<>();
  private final SourceLocation at;
  private final String service;
  private final SymbolicText serviceName;
  private final Value.Obj provider;
  private final ServerlessRole sharedRole;
  private final Map<String, ServerlessRole> roleOfFunction = new LinkedHashMap<>();
  private final List<ServerlessRole> roles = new ArrayList<>();
  private final ServerlessEvents events;

  ServerlessCompiler(Value.Obj config, String stage, List<InputProblem> problems) {
    this.config = config;
    this.stage = stage;
    this.problems = problems;
    this.at = config.at();
    this.serviceName = serviceName(config);
    this.service = this.serviceName.concrete().orElse("service");
    this.provider = config.obj("provider").orElse(obj(at).build());
    this.sharedRole =
        new ServerlessRole(
            "IamRoleLambdaExecution",
            service + "-" + stage + "-${AWS::Region}-lambdaRole",
            provider.field("iam").map(Value.Field::keyAt).orElse(provider.at()),
            true);
    sharedRole.addStatements(providerStatements());
    sharedRole.addManagedPolicies(providerManagedPolicies());
    roles.add(sharedRole);
    this.events = new ServerlessEvents(this);
  }

  String service() {
    return service;
  }

  String stage() {
    return stage;
  }

  Value.Obj provider() {
    return provider;
  }

  Value.Obj config() {
    return config;
  }

  void problem(SourceLocation where, String message, String hint) {
    InputProblem problem = new InputProblem(where, message, hint);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  /** Adds (or, for a logical ID already made, keeps) a generated resource. */
  void resource(String logicalId, Value.Obj definition) {
    resources.putIfAbsent(logicalId, definition);
  }

  /**
   * Lets {@code principal} invoke the function (the framework's {@code AWS::Lambda::Permission}),
   * from {@code source} when given; extra keys (SourceAccount) from {@code more}.
   */
  void invokePermission(
      String logicalId,
      String function,
      String principal,
      Optional<Value> source,
      SourceLocation where) {
    Tree.Builder p =
        obj(where)
            .put("FunctionName", getAtt(function, "Arn", where))
            .put("Action", "lambda:InvokeFunction")
            .put("Principal", principal)
            .put("SourceArn", source);
    if (principal.equals("s3.amazonaws.com")) {
      p.put("SourceAccount", sub("${AWS::AccountId}", where));
    }
    resource(
        logicalId,
        obj(where)
            .put("Type", str("AWS::Lambda::Permission", where))
            .put("Properties", p.build())
            .build());
  }

  /** The template, as a SAM template. */
  Value.Obj compile() {
    Map<String, Value.Obj> functions = new LinkedHashMap<>();
    Value.Obj declared = config.obj("functions").orElse(obj(at).build());
    boolean perFunctionRoles = plugins().contains(PER_FUNCTION_ROLES);
    for (Value.Field field : declared.fields()) {
      if (!(field.value() instanceof Value.Obj function)) {
        problem(
            field.keyAt(),
            "function " + field.key() + " is " + field.value().kindName() + ", not a mapping",
            "Give it a handler (or an image) and its events.");
        continue;
      }
      functions.put(field.key(), function(field.key(), field.keyAt(), function, perFunctionRoles));
    }
    events.finish();
    for (ServerlessRole role : roles) {
      if (role.isUsed()) {
        resource(role.logicalId(), role.build(this));
      }
    }
    Tree.Builder all = obj(at);
    functions.forEach((key, definition) -> all.put(logicalIdOf(key), definition));
    resources.forEach(all::put);
    Tree.Builder template =
        obj(at)
            .put("AWSTemplateFormatVersion", "2010-09-09")
            .put("Transform", "AWS::Serverless-2016-10-31")
            .put(
                "Description",
                str(
                    "The "
                        + service
                        + " service ("
                        + stage
                        + ") of the Serverless Framework"
                        + pluginNotes(),
                    at));
    ServerlessResources.merge(this, all, template);
    template.put("Resources", all.build());
    return template.build();
  }

  // ---------------------------------------------------------------- functions

  private Value.Obj function(
      String key, SourceLocation keyAt, Value.Obj function, boolean perFunctionRoles) {
    String logicalId = logicalIdOf(key);
    String name = deployedName(key, function);
    Value functionName =
        function
            .get("name")
            .orElse(
                Tree.symbolic(serviceName.append(SymbolicText.of("-" + stage + "-" + key)), keyAt));
    Tree.Builder p = obj(function.at()).put("FunctionName", functionName);
    Optional<Value> image = function.get("image");
    if (image.isPresent()) {
      p.put("PackageType", str("Image", image.get().at()));
      image(image.get()).ifPresent(uri -> p.put("ImageUri", uri));
    } else {
      Optional<Value> handler = function.get("handler");
      if (handler.isEmpty()) {
        problem(keyAt, "function " + key + " has no handler", "Give it handler: file.function.");
      } else {
        p.put("Handler", handler.get());
      }
      p.put("CodeUri", codeUri(function));
      p.put("Runtime", setting(function, "runtime").orElse(str("nodejs20.x", keyAt)));
      setting(function, "architecture")
          .ifPresent(a -> p.put("Architectures", seq(a.at(), List.of(a))));
    }
    p.put("MemorySize", setting(function, "memorySize").orElse(new Value.Num("1024", keyAt)));
    p.put("Timeout", setting(function, "timeout").orElse(new Value.Num("6", keyAt)));
    function.get("description").ifPresent(d -> p.put("Description", d));
    environment(function).ifPresent(e -> p.put("Environment", e));
    tracing(function).ifPresent(t -> p.put("Tracing", t));
    vpc(function).ifPresent(v -> p.put("VpcConfig", v));
    setting(function, "kmsKeyArn").ifPresent(k -> p.put("KmsKeyArn", k));
    setting(function, "layers").ifPresent(l -> p.put("Layers", l));
    function.get("reservedConcurrency").ifPresent(r -> p.put("ReservedConcurrentExecutions", r));
    setting(function, "tags").ifPresent(t -> p.put("Tags", t));
    p.put("Role", role(key, keyAt, function, perFunctionRoles));
    // events after the role: they add what the framework grants the role for queues and streams
    ServerlessInvocation.configure(function, p);
    Tree.Builder samEvents = obj(function.field("events").map(Value.Field::keyAt).orElse(keyAt));
    events.read(key, logicalId, function, samEvents);
    if (!samEvents.isEmpty()) {
      p.put("Events", samEvents.build());
    }
    logGroup(logicalId, name, function, keyAt);
    return obj(keyAt)
        .put("Type", str("AWS::Serverless::Function", keyAt))
        .put("Properties", p.build())
        .build();
  }

  /** The function's name once deployed: its {@code name}, else {@code service-stage-key}. */
  String deployedName(String key, Value.Obj function) {
    return Tree.text(function.get("name"), service + "-" + stage + "-" + key);
  }

  /** A function's setting, else the provider's. */
  Optional<Value> setting(Value.Obj function, String key) {
    return function.get(key).or(() -> provider.get(key));
  }

  private Value codeUri(Value.Obj function) {
    Optional<Value> artifact =
        function
            .obj("package")
            .flatMap(p -> p.get("artifact"))
            .or(() -> config.obj("package").flatMap(p -> p.get("artifact")));
    return artifact.orElse(str(".", function.at()));
  }

  private Optional<Value> image(Value image) {
    if (image instanceof Value.Obj spec) {
      if (spec.has("uri")) {
        return spec.get("uri");
      }
      return spec.get("name").flatMap(this::ecrImage);
    }
    Optional<String> text = image.asString();
    if (text.isPresent() && !text.get().contains(".dkr.ecr.") && !text.get().contains("@sha")) {
      return ecrImage(image).or(() -> Optional.of(image));
    }
    return Optional.of(image);
  }

  /**
   * {@code provider.ecr.images.NAME.uri}, or the image built from its path (unknown until push).
   */
  private Optional<Value> ecrImage(Value name) {
    Optional<String> known = name.asString();
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Optional<Value.Obj> declared =
        provider.obj("ecr").flatMap(e -> e.obj("images")).flatMap(i -> i.obj(known.get()));
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    return declared
        .get()
        .get("uri")
        .or(
            () ->
                Optional.of(
                    Tree.symbolic(
                        dev.warden.inventory.SymbolicText.symbol("ecr image " + known.get()),
                        declared.get().at())));
  }

  private Optional<Value> environment(Value.Obj function) {
    Tree.Builder variables = null;
    for (Optional<Value.Obj> source :
        List.of(provider.obj("environment"), function.obj("environment"))) {
      if (source.isPresent()) {
        if (variables == null) {
          variables = obj(source.get().at());
        }
        for (Value.Field field : source.get().fields()) {
          variables.put(field.key(), field.value());
        }
      }
    }
    if (variables == null) {
      return Optional.empty();
    }
    Value.Obj built = variables.build();
    return Optional.of(obj(built.at()).put("Variables", built).build());
  }

  private Optional<Value> tracing(Value.Obj function) {
    Optional<Value> lambda =
        function.get("tracing").or(() -> provider.obj("tracing").flatMap(t -> t.get("lambda")));
    if (lambda.isEmpty()) {
      return Optional.empty();
    }
    String mode =
        lambda
            .get()
            .asString()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .map(s -> s.equals("true") || s.equals("active") ? "Active" : "PassThrough")
            .orElse("PassThrough");
    return Optional.of(str(mode, lambda.get().at()));
  }

  private Optional<Value> vpc(Value.Obj function) {
    Optional<Value.Obj> vpc = function.obj("vpc").or(() -> provider.obj("vpc"));
    return vpc.map(
        v ->
            obj(v.at())
                .put("SecurityGroupIds", v.get("securityGroupIds"))
                .put("SubnetIds", v.get("subnetIds"))
                .build());
  }

  private void logGroup(String logicalId, String name, Value.Obj function, SourceLocation keyAt) {
    if (function.get("disableLogs").flatMap(Value::asBoolean).orElse(false)) {
      return;
    }
    Tree.Builder p = obj(keyAt).put("LogGroupName", str("/aws/lambda/" + name, keyAt));
    setting(function, "logRetentionInDays").ifPresent(r -> p.put("RetentionInDays", r));
    resource(
        logicalId.replaceFirst("LambdaFunction$", "LogGroup"),
        obj(keyAt)
            .put("Type", str("AWS::Logs::LogGroup", keyAt))
            .put("Properties", p.build())
            .build());
  }

  // ---------------------------------------------------------------- roles

  /** The role a function runs with: its own, the provider's, a per-function one, or the shared. */
  private Value role(String key, SourceLocation keyAt, Value.Obj function, boolean perFunction) {
    Optional<Value> own = function.get("role");
    if (own.isPresent()) {
      return roleReference(own.get());
    }
    Optional<Value> providerRole = providerRole();
    List<Value> statements = function.list("iamRoleStatements");
    if (!statements.isEmpty() && !perFunction) {
      problem(
          function.field("iamRoleStatements").map(Value.Field::keyAt).orElse(keyAt),
          "iamRoleStatements on function "
              + key
              + " take effect only with the "
              + PER_FUNCTION_ROLES
              + " plugin, which is not listed; the function runs with the shared role",
          "Add the plugin, or move the statements to provider.iam.role.statements.");
    }
    if (perFunction && function.has("iamRoleStatements")) {
      String logicalId =
          logicalIdOf(key).replaceFirst("LambdaFunction$", "") + "IamRoleLambdaExecution";
      ServerlessRole role =
          new ServerlessRole(
              logicalId,
              service + "-" + stage + "-" + key + "-${AWS::Region}-lambdaRole",
              function.field("iamRoleStatements").map(Value.Field::keyAt).orElse(keyAt),
              false);
      role.use(key, function);
      role.addStatements(statements);
      if (function.get("iamRoleStatementsInherit").flatMap(Value::asBoolean).orElse(false)) {
        role.addStatements(providerStatements());
        role.addManagedPolicies(providerManagedPolicies());
      }
      roles.add(role);
      roleOfFunction.put(key, role);
      return getAtt(logicalId, "Arn", keyAt);
    }
    if (providerRole.isPresent()) {
      return roleReference(providerRole.get());
    }
    sharedRole.use(key, function);
    roleOfFunction.put(key, sharedRole);
    return getAtt(sharedRole.logicalId(), "Arn", keyAt);
  }

  /** {@code provider.iam.role} when it names a role (not when it describes the shared one). */
  private Optional<Value> providerRole() {
    Optional<Value> role = provider.obj("iam").flatMap(i -> i.get("role"));
    if (role.isPresent() && !(role.get() instanceof Value.Obj spec && !isIntrinsic(spec))) {
      return role;
    }
    return provider.get("role");
  }

  private static boolean isIntrinsic(Value.Obj value) {
    return value.fields().size() == 1
        && (value.fields().get(0).key().startsWith("Fn::")
            || value.fields().get(0).key().equals("Ref"));
  }

  /** A role given as an ARN, a role in {@code resources}, a name, or an intrinsic. */
  Value roleReference(Value role) {
    Optional<String> text = role.asString();
    if (text.isEmpty()) {
      return role;
    }
    String value = text.get();
    if (value.startsWith("arn:")) {
      return role;
    }
    if (ServerlessResources.declares(config, value)) {
      return getAtt(value, "Arn", role.at());
    }
    return sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + value, role.at());
  }

  /** The statements of the shared role's description in {@code provider}. */
  List<Value> providerStatements() {
    List<Value> statements = new ArrayList<>();
    provider
        .obj("iam")
        .flatMap(i -> i.obj("role"))
        .ifPresent(r -> statements.addAll(r.list("statements")));
    statements.addAll(provider.list("iamRoleStatements"));
    return statements;
  }

  /** The managed policies of the shared role's description in {@code provider}. */
  List<Value> providerManagedPolicies() {
    List<Value> policies = new ArrayList<>();
    provider
        .obj("iam")
        .flatMap(i -> i.obj("role"))
        .ifPresent(r -> policies.addAll(r.list("managedPolicies")));
    policies.addAll(provider.list("iamManagedPolicies"));
    return policies;
  }

  /** The shared role's permissions boundary, when the provider gives one. */
  Optional<Value> providerBoundary() {
    return provider
        .obj("iam")
        .flatMap(i -> i.obj("role"))
        .flatMap(r -> r.get("permissionsBoundary"))
        .or(() -> provider.get("rolePermissionsBoundary"));
  }

  /** The role the framework made for the function, when it made one (not for a role given). */
  Optional<ServerlessRole> roleOf(String functionKey) {
    return Optional.ofNullable(roleOfFunction.get(functionKey));
  }

  // ---------------------------------------------------------------- names

  /** What the plugins that change security do, for the app's description. */
  private static final Map<String, String> SECURITY_PLUGINS =
      Map.of(
          PER_FUNCTION_ROLES,
          "a role per function from its iamRoleStatements",
          "serverless-offline",
          "runs the API locally without its authorizers, in development only",
          "serverless-plugin-warmup",
          "adds a function that invokes the others on a schedule",
          "serverless-domain-manager",
          "puts the API behind a custom domain",
          "serverless-prune-plugin",
          "deletes old function versions",
          "serverless-plugin-canary-deployments",
          "adds CodeDeploy roles and alarms");

  private String pluginNotes() {
    List<String> notes = new ArrayList<>();
    for (String plugin : plugins()) {
      String note = SECURITY_PLUGINS.get(plugin);
      if (note != null) {
        notes.add(plugin + " (" + note + ")");
      }
    }
    return notes.isEmpty() ? "" : "; plugins that change security: " + String.join(", ", notes);
  }

  private List<String> plugins() {
    List<String> names = new ArrayList<>();
    Optional<Value> plugins = config.get("plugins");
    if (plugins.isEmpty()) {
      return names;
    }
    List<Value> list =
        plugins.get() instanceof Value.Obj o ? o.list("modules") : plugins.get().asList();
    for (Value plugin : list) {
      plugin.asString().ifPresent(names::add);
    }
    return names;
  }

  /** The service's name; partly unknown when a variable in it could not be resolved. */
  private static SymbolicText serviceName(Value.Obj config) {
    Optional<Value> service = config.get("service");
    if (service.isPresent() && service.get() instanceof Value.Obj o) {
      service = o.get("name");
    }
    return service.flatMap(Value::asText).orElse(SymbolicText.of("service"));
  }

  /** The framework's logical ID of a function: {@code my-fn} → {@code MyDashfnLambdaFunction}. */
  public static String logicalIdOf(String functionKey) {
    return capitalize(functionKey.replace("-", "Dash").replace("_", "Underscore"))
        + "LambdaFunction";
  }

  /**
   * The framework's alphanumeric form of a name, capitalized: {@code my-bucket} → {@code Mybucket}.
   */
  static String alphanumeric(String name) {
    return capitalize(name.replaceAll("[^A-Za-z0-9]", ""));
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
