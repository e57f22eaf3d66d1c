package dev.warden.leastpriv;

import dev.warden.code.ArgValue;
import dev.warden.code.CodeCall;
import dev.warden.code.FunctionCode;
import dev.warden.code.SdkActions;
import dev.warden.iam.IamAction;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.ResourceType;
import dev.warden.inventory.App;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.Resource;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The permissions a function's code needs: each SDK call's IAM actions (from {@link SdkActions}),
 * each on the resource it targets. The resource comes from the call's arguments — a literal, or an
 * environment variable whose template value names one of the app's resources (then the resource's
 * own ARN, so {@code TABLE_NAME: !Ref OrdersTable} gives the table's ARN) — filled into the ARN
 * format the IAM catalog documents for the action's resource type. What cannot be known stays a
 * wildcard in that one part ({@code arn:aws:s3:::uploads/*}), never a silent {@code *}; calls
 * Warden cannot map are listed in {@link Result#notes()} and make the result incomplete.
 */
public final class CodeNeeds {

  /** The needs, whether they cover every call, and why not. */
  public record Result(List<Need> needs, boolean complete, List<String> notes) {
    public Result {
      needs = List.copyOf(needs);
      notes = List.copyOf(notes);
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
  private static final Pattern PLACEHOLDER_ANY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern LAMBDA_FUNCTION = Pattern.compile(":function:[^:]+$");

  private final SdkActions sdk;
  private final IamCatalog catalog;

  public CodeNeeds(SdkActions sdk, IamCatalog catalog) {
    this.sdk = sdk;
    this.catalog = catalog;
  }

  public Result of(ServerlessFunction function, App app, FunctionCode code) {
    Map<String, Need> needs = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>(code.notes());
    boolean complete = code.complete();
    TemplateGrants grants = new TemplateGrants(function);
    // The same operation with the same arguments needs the same permissions: resolved once.
    Map<String, List<CodeCall>> alike = new LinkedHashMap<>();
    for (CodeCall call : code.calls()) {
      alike.computeIfAbsent(call.call() + " " + call.arguments(), k -> new ArrayList<>()).add(call);
    }
    for (List<CodeCall> calls : alike.values()) {
      CodeCall call = calls.get(0);
      SdkActions.Resolution resolution = sdk.resolve(call.call());
      if (resolution.basis() == SdkActions.Basis.UNKNOWN) {
        calls.forEach(c -> notes.add(c.at() + ": " + resolution.note()));
        complete = false;
        continue;
      }
      List<Permission> permissions = permissions(call, resolution, function, app, grants, notes);
      for (CodeCall each : calls) {
        String evidence = "code:" + each.at().file() + ":" + each.at().line();
        for (Permission permission : permissions) {
          add(needs, permission.action(), permission.arn(), evidence);
        }
      }
    }
    return new Result(new ArrayList<>(needs.values()), complete, notes);
  }

  /** One action on one resource. */
  private record Permission(String action, SymbolicText arn) {}

  /** The permissions one call needs, its KMS key uses included. */
  private List<Permission> permissions(
      CodeCall call,
      SdkActions.Resolution resolution,
      ServerlessFunction function,
      App app,
      TemplateGrants grants,
      List<String> notes) {
    List<Permission> permissions = new ArrayList<>();
    boolean multipart =
        resolution.actions().stream().anyMatch(a -> a.action().equals("s3:AbortMultipartUpload"))
            || call.call().operation().contains("Multipart")
            || call.call().operation().startsWith("UploadPart");
    List<SdkActions.ActionNeed> actions = new ArrayList<>(resolution.actions());
    actions.addAll(sdk.forParameters(call.call(), call.arguments().keySet()));
    for (SdkActions.ActionNeed need : actions) {
      Target target = resource(need, call, function, app, grants);
      for (SymbolicText arn : target.arns()) {
        permissions.add(new Permission(need.action(), arn));
        if (need.action().startsWith("lambda:Invoke")
            && LAMBDA_FUNCTION.matcher(arn.toString()).find()
            && !arn.toString().endsWith(":function:*")) {
          // A call through an alias or version is checked against the qualified ARN.
          permissions.add(new Permission(need.action(), arn.append(SymbolicText.of(":*"))));
        }
      }
      target
          .fromTemplates()
          .ifPresent(
              what ->
                  notes.add(
                      call.at()
                          + ": "
                          + what
                          + " of "
                          + need.action()
                          + " is not in the code; taken from the function's SAM policy"
                          + " templates"));
      Optional<SymbolicText> key = target.declared().flatMap(r -> EncryptionKeys.of(r, app));
      if (key.isPresent()) {
        for (String use : EncryptionKeys.use(need.action(), multipart)) {
          permissions.add(new Permission(use, key.get()));
        }
      }
    }
    return permissions;
  }

  private static void add(
      Map<String, Need> needs, String action, SymbolicText resource, String evidence) {
    String key = action + " " + resource;
    Need previous = needs.get(key);
    List<String> all = new ArrayList<>(previous == null ? List.of() : previous.evidence());
    if (!all.contains(evidence)) {
      all.add(evidence);
    }
    boolean scoped = !resource.toString().equals("*") && !resource.toString().endsWith(":*");
    needs.put(key, new Need(action, resource, all, scoped));
  }

  /**
   * The ARNs a call's action needs (more than one when the function's SAM policy templates name
   * several resources the code may mean), the app resource it names if it names one, and what the
   * templates filled in.
   */
  private record Target(
      List<SymbolicText> arns, Optional<Resource> declared, Optional<String> fromTemplates) {
    Target(SymbolicText arn, Optional<Resource> declared) {
      this(List.of(arn), declared, Optional.empty());
    }

    static Target of(SymbolicText arn) {
      return new Target(arn, Optional.empty());
    }
  }

  /** The ARN the action needs for this call. */
  private Target resource(
      SdkActions.ActionNeed need,
      CodeCall call,
      ServerlessFunction function,
      App app,
      TemplateGrants grants) {
    Optional<IamAction> action = catalog.action(need.action());
    if (action.isEmpty() || action.get().isWildcardOnly()) {
      return Target.of(SymbolicText.of("*"));
    }
    Optional<ResourceType> type = resourceType(action.get(), need);
    if (type.isEmpty()) {
      return Target.of(SymbolicText.of("*"));
    }
    // A parameter that names one of the app's resources gives that resource's ARN.
    List<String> parameters = new ArrayList<>();
    List<String> templates = new ArrayList<>(need.resources().values());
    need.arnOverride().ifPresent(templates::add);
    for (String template : templates) {
      Matcher referenced = PLACEHOLDER_ANY.matcher(template);
      while (referenced.find()) {
        if (!Set.of("Partition", "Region", "Account").contains(referenced.group(1))) {
          parameters.add(referenced.group(1));
        }
      }
    }
    for (String parameter : parameters) {
      Optional<Resource> declared =
          Optional.ofNullable(call.arguments().get(parameter))
              .flatMap(value -> declared(value, function, app, action.get().service()));
      if (declared.isPresent()) {
        SymbolicText arn = declared.get().arn();
        if (type.get().name().equals("object")) {
          Optional<SymbolicText> key = valueOf("ObjectName", need, call, function);
          arn = arn.append(SymbolicText.of("/")).append(key.orElse(SymbolicText.of("*")));
        }
        return new Target(arn, declared);
      }
    }
    Optional<SymbolicText> exact = overridden(need, call, function);
    if (exact.isPresent()) {
      return Target.of(exact.get());
    }
    String format = type.get().arnFormat();
    java.util.Set<String> unknown = new java.util.TreeSet<>();
    SymbolicText filled = fill(format, need, call, function, Map.of(), unknown);
    if (!unknown.isEmpty()) {
      // What the code leaves open, the function's SAM policy templates may name.
      List<SymbolicText> named = new ArrayList<>();
      for (Map<String, SymbolicText> values : grants.values(need.action(), format)) {
        if (values.keySet().containsAll(unknown)) {
          Map<String, SymbolicText> overrides = new LinkedHashMap<>();
          unknown.forEach(u -> overrides.put(u, values.get(u)));
          named.add(fill(format, need, call, function, overrides, new java.util.TreeSet<>()));
        }
      }
      if (!named.isEmpty()) {
        return new Target(named, Optional.empty(), Optional.of(String.join(", ", unknown)));
      }
    }
    return Target.of(filled);
  }

  /**
   * The resource type the call targets: of the action's types, the one whose ARN placeholders the
   * SDK table maps most of ({@code object} for GetObject's BucketName and ObjectName, not {@code
   * accesspointobject}); ties go to a type AWS marks required, then to the first.
   */
  private Optional<ResourceType> resourceType(IamAction action, SdkActions.ActionNeed need) {
    ResourceType best = null;
    int bestScore = -1;
    for (IamAction.ActionResource resource : action.resourceTypes()) {
      Optional<ResourceType> type =
          catalog.service(action.service()).flatMap(s -> s.resourceType(resource.name()));
      if (type.isEmpty()) {
        continue;
      }
      int score = 0;
      Matcher matcher = PLACEHOLDER.matcher(type.get().arnFormat());
      while (matcher.find()) {
        if (need.resources().containsKey(matcher.group(1))) {
          score += 2;
        }
      }
      score += resource.required() ? 1 : 0;
      if (score > bestScore) {
        best = type.get();
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The catalog's ARN format with each placeholder filled, or {@code *} where unknown. */
  private SymbolicText fill(
      String format,
      SdkActions.ActionNeed need,
      CodeCall call,
      ServerlessFunction function,
      Map<String, SymbolicText> overrides,
      java.util.Set<String> unknown) {
    List<SymbolicText> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(format);
    int last = 0;
    while (matcher.find()) {
      parts.add(SymbolicText.of(format.substring(last, matcher.start())));
      String name = matcher.group(1);
      parts.add(
          switch (name) {
            case "Partition" -> SymbolicText.of("aws");
            case "Region" -> SymbolicText.symbol("AWS::Region");
            case "Account" -> SymbolicText.symbol("AWS::AccountId");
            default -> {
              Optional<SymbolicText> known =
                  Optional.ofNullable(overrides.get(name))
                      .or(() -> valueOf(name, need, call, function));
              if (known.isEmpty() || known.get().toString().equals("*")) {
                unknown.add(name); // the table's "*" says the same: the code does not tell
              }
              SymbolicText value = known.orElse(SymbolicText.of("*"));
              yield name.endsWith("WithoutLeadingSlash") ? withoutLeadingSlash(value) : value;
            }
          });
      last = matcher.end();
    }
    parts.add(SymbolicText.of(format.substring(last)));
    return SymbolicText.concat(parts);
  }

  /** {@code /acme/token} as an SSM parameter's ARN writes it: {@code acme/token}. */
  private static SymbolicText withoutLeadingSlash(SymbolicText value) {
    List<SymbolicText.Part> parts = new ArrayList<>(value.parts());
    if (!parts.isEmpty()
        && parts.get(0) instanceof SymbolicText.Literal first
        && first.text().startsWith("/")) {
      parts.set(0, new SymbolicText.Literal(first.text().substring(1)));
    }
    return SymbolicText.ofParts(parts);
  }

  /** The value of an ARN placeholder, when the table maps it to a parameter the code passes. */
  private Optional<SymbolicText> valueOf(
      String placeholder, SdkActions.ActionNeed need, CodeCall call, ServerlessFunction function) {
    String template = need.resources().get(placeholder);
    if (template == null) {
      return Optional.empty();
    }
    return SdkTemplates.apply(template, p -> argument(p, call, function), p -> Optional.empty());
  }

  private static Optional<SymbolicText> argument(
      String parameter, CodeCall call, ServerlessFunction function) {
    return Optional.ofNullable(call.arguments().get(parameter)).flatMap(v -> text(v, function));
  }

  /**
   * The table's whole ARN for the call ({@code secret:%%regex%${SecretId}%...%%}), when it gives
   * one and the call passes what it needs. A secret named (not given by ARN) gets the six random
   * characters Secrets Manager appends to the name.
   */
  private static Optional<SymbolicText> overridden(
      SdkActions.ActionNeed need, CodeCall call, ServerlessFunction function) {
    if (need.arnOverride().isEmpty() || need.arnOverride().get().contains("%%iftruthy%")) {
      return Optional.empty();
    }
    Optional<SymbolicText> arn =
        SdkTemplates.apply(
            need.arnOverride().get(),
            p -> argument(p, call, function),
            p ->
                switch (p) {
                  case "Partition" -> Optional.of(SymbolicText.of("aws"));
                  case "Region" -> Optional.of(SymbolicText.symbol("AWS::Region"));
                  case "Account" -> Optional.of(SymbolicText.symbol("AWS::AccountId"));
                  default -> Optional.empty();
                });
    if (arn.isPresent()
        && need.action().startsWith("secretsmanager:")
        && arn.get().toString().contains(":secret:")) {
      boolean byArn =
          argument("SecretId", call, function)
              .map(v -> v.toString().startsWith("arn:"))
              .orElse(true);
      if (!byArn) {
        return Optional.of(arn.get().append(SymbolicText.of("-??????")));
      }
    }
    return arn;
  }

  private static Optional<SymbolicText> text(ArgValue value, ServerlessFunction function) {
    if (value instanceof ArgValue.Literal literal) {
      return Optional.of(SymbolicText.of(literal.text()));
    }
    if (value instanceof ArgValue.EnvVar env) {
      return function.environment().stream()
          .filter(v -> v.name().equals(env.name()))
          .map(EnvironmentVariable::value)
          .findFirst();
    }
    if (value instanceof ArgValue.Concat concat) {
      List<SymbolicText> parts = new ArrayList<>();
      for (ArgValue part : concat.parts()) {
        parts.add(text(part, function).orElse(SymbolicText.of("*")));
      }
      return Optional.of(SymbolicText.concat(parts));
    }
    return Optional.empty();
  }

  /** The app resource an argument names: by the symbol of its logical id, its name or its ARN. */
  private Optional<Resource> declared(
      ArgValue value, ServerlessFunction function, App app, String service) {
    Optional<SymbolicText> text = text(value, function);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String rendered = text.get().toString();
    List<String> symbols = text.get().symbols();
    for (Indexed indexed : index(app)) {
      if (!indexed.service().equals(service)) {
        continue;
      }
      String id = indexed.resource().logicalId();
      boolean bySymbol = symbols.stream().anyMatch(s -> s.equals(id) || s.startsWith(id + "."));
      String name = indexed.name();
      if (bySymbol
          || rendered.equals(name)
          || rendered.equals(indexed.arn())
          || (!name.isEmpty() && rendered.endsWith("/" + name))) {
        return Optional.of(indexed.resource());
      }
    }
    return Optional.empty();
  }

  /** An app resource with what matching a call against it needs, computed once per app. */
  private record Indexed(Resource resource, String service, String name, String arn) {}

  private record AppIndex(App app, List<Indexed> resources) {}

  /** The index of the app last asked about: functions are analysed app by app. */
  private volatile @Nullable AppIndex last;

  @SuppressWarnings("ReferenceEquality") // the same app object, not an equal one: cheap to check
  private List<Indexed> index(App app) {
    AppIndex cached = last;
    if (cached != null && cached.app() == app) {
      return cached.resources();
    }
    List<Indexed> resources = new ArrayList<>();
    for (Resource resource : app.resources()) {
      resources.add(
          new Indexed(
              resource, service(resource), resource.name().toString(), resource.arn().toString()));
    }
    last = new AppIndex(app, List.copyOf(resources));
    return resources;
  }

  /** The IAM service of a resource: from its ARN, else from its template type. */
  private static String service(Resource resource) {
    String arn = resource.arn().toString();
    if (arn.startsWith("arn:")) {
      String[] parts = arn.split(":", 4);
      if (parts.length > 2 && !parts[2].isEmpty() && !parts[2].contains("${")) {
        return parts[2];
      }
    }
    String type = resource.type().startsWith("AWS::") ? resource.type().substring(5) : "";
    for (Map.Entry<String, String> alias : TYPE_SERVICES.entrySet()) {
      if (type.startsWith(alias.getKey() + "::") || type.equals(alias.getKey())) {
        return alias.getValue();
      }
    }
    int end = type.indexOf("::");
    return end > 0 ? type.substring(0, end).toLowerCase(java.util.Locale.ROOT) : "";
  }

  /** Template types whose service is not their lower-cased middle name. */
  private static final Map<String, String> TYPE_SERVICES =
      Map.of(
          "Serverless::Function", "lambda",
          "Serverless::SimpleTable", "dynamodb",
          "Serverless::StateMachine", "states",
          "StepFunctions", "states",
          "Cognito", "cognito-idp",
          "Serverless::HttpApi", "execute-api",
          "Serverless::Api", "execute-api");
}
