package dev.warden.inventory.sam;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.App;
import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Layer;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads an AWS SAM or CloudFormation template, and the local templates it nests ({@code
 * AWS::Serverless::Application}, {@code AWS::CloudFormation::Stack}), into apps of the inventory.
 * Reads only inside the scan root; never fails on one bad part: problems are returned with the
 * apps, and only a file that is not a readable template at all throws {@link InputError}.
 */
public final class CloudFormationLoader {

  private final DocumentReader reader;
  private final AwsManagedPolicies managedPolicies;

  public CloudFormationLoader(DocumentReader reader, AwsManagedPolicies managedPolicies) {
    this.reader = reader;
    this.managedPolicies = managedPolicies;
  }

  /**
   * What a load produced.
   *
   * @param apps the template's app first, then those of its nested templates
   * @param nestedTemplates the files loaded as nested templates, which a folder scan must not load
   *     again on their own
   */
  public record Result(List<App> apps, List<InputProblem> problems, Set<Path> nestedTemplates) {
    public Result {
      apps = List.copyOf(apps);
      problems = List.copyOf(problems);
      nestedTemplates = Set.copyOf(nestedTemplates);
    }
  }

  /** True when a parsed document is a CloudFormation or SAM template. */
  public static boolean isTemplate(Value document) {
    return Template.looksLikeTemplate(document);
  }

  /**
   * Loads a parsed template.
   *
   * @param parameters values for template parameters, by name (like {@code --parameter-overrides});
   *     other parameters take their defaults or stay symbolic
   */
  public Result load(ScanRoot root, Path file, Document document, Map<String, String> parameters) {
    return load(root, file, document, parameters, null);
  }

  /**
   * Loads a template another tool's configuration was compiled into (a {@code serverless.yml}), its
   * app of that {@code kind}; locations are the configuration's.
   */
  public Result loadCompiled(ScanRoot root, Path file, Document compiled, String kind) {
    return load(root, file, compiled, Map.of(), kind);
  }

  private Result load(
      ScanRoot root,
      Path file,
      Document document,
      Map<String, String> parameters,
      @org.jspecify.annotations.Nullable String kind) {
    Map<String, Value> overrides = new HashMap<>();
    SourceLocation commandLine = SourceLocation.ofFile("(command line)");
    parameters.forEach((name, value) -> overrides.put(name, Value.Str.of(value, commandLine)));
    Session session = new Session(root);
    session.problems.addAll(document.problems());
    String display = root.display(file);
    session.stack.push(file.toAbsolutePath().normalize());
    try {
      Loaded loaded = session.load(file, display, document.root(), overrides, display, kind);
      session.apps.add(0, loaded.app());
    } finally {
      session.stack.pop();
    }
    return new Result(session.apps, session.problems.toList(), session.nested);
  }

  /** A template read into an app, with what resolves its outputs for a parent. */
  private record Loaded(App app, Template template, Resolver resolver) {}

  /** One load, with the nested templates it reaches. */
  private final class Session {
    final ScanRoot root;
    final Problems problems = new Problems();
    final List<App> apps = new ArrayList<>();
    final Set<Path> nested = new LinkedHashSet<>();
    final Deque<Path> stack = new ArrayDeque<>();
    final Set<String> appIds = new LinkedHashSet<>();

    Session(ScanRoot root) {
      this.root = root;
    }

    Loaded load(
        Path file,
        String display,
        Value document,
        Map<String, Value> parameters,
        String appId,
        @org.jspecify.annotations.Nullable String kind) {
      appIds.add(appId);
      Template template = Template.of(display, document, problems);
      if (template.isSam()) {
        SamTransform.apply(template);
      }
      Resolver resolver = new Resolver(template, parameters, problems);
      LoadContext context =
          new LoadContext(template, resolver, problems, file, root, managedPolicies, reader, appId);
      resolver.setIncludes((location, at) -> context.readLocalDocument(location, at));
      NestedStacks children = new NestedStacks(context);
      resolver.setNestedOutputs(children::output);

      Resources resources = new Resources(context);
      resources.readAll();
      FunctionReader functionReader = new FunctionReader(context);
      Functions functions = functionReader.draftAll();
      Apis apis = new Apis(context, functions);
      apis.readAll();
      apis.addOpenApiAuthorizers();
      new SamEvents(context, apis, resources).readAll(functions);
      apis.linkDefinitions();
      new TriggerLinks(context, functions, resources, functionReader).linkAll();
      Roles roles = new Roles(context, PolicyTemplates.bundled(), problems);
      List<ServerlessFunction> finished = new ArrayList<>();
      for (FunctionDraft draft : functions.all()) {
        finished.add(functionReader.finish(draft, roles.forFunction(draft)));
      }
      List<Layer> layers = layers(context);
      children.loadRemaining();
      App app =
          new App(
              appId,
              kind != null ? kind : template.isSam() ? "sam" : "cloudformation",
              template.description(),
              finished,
              new ArrayList<>(resources.all()),
              new ArrayList<>(apis.all()),
              layers,
              InlineSuppressions.read(context),
              template.at());
      return new Loaded(app, template, resolver);
    }

    private List<Layer> layers(LoadContext context) {
      Map<String, List<SymbolicText>> shared = new LinkedHashMap<>();
      for (TemplateResource permission : context.ofType("AWS::Lambda::LayerVersionPermission")) {
        Value.Obj p = context.properties(permission);
        Props.text(p, "LayerVersionArn")
            .flatMap(
                arn ->
                    context.referenced(
                        arn, Set.of("AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion")))
            .ifPresent(
                layer -> {
                  SymbolicText principal = Props.text(p, "Principal").orElse(SymbolicText.of("?"));
                  if (principal.toString().equals("*") && p.has("OrganizationId")) {
                    principal =
                        SymbolicText.of("organization:")
                            .append(Props.text(p, "OrganizationId").orElseThrow());
                  }
                  shared.computeIfAbsent(layer.logicalId(), k -> new ArrayList<>()).add(principal);
                });
      }
      List<Layer> layers = new ArrayList<>();
      for (TemplateResource layer :
          context.ofType("AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion")) {
        Value.Obj p = context.properties(layer);
        Optional<String> content =
            layer.type().equals("AWS::Serverless::LayerVersion")
                ? Props.string(p, "ContentUri")
                : layer
                    .definition()
                    .obj("Metadata")
                    .flatMap(m -> m.get("aws:asset:path"))
                    .flatMap(Value::asString);
        Optional<String> local =
            content
                .filter(c -> !c.startsWith("s3://"))
                .flatMap(c -> context.root().resolveInside(context.path(), c))
                .map(path -> context.root().display(path));
        layers.add(
            new Layer(
                layer.logicalId(),
                context.resolver().nameOf(layer),
                context.resolver().arnOf(layer),
                local,
                Props.strings(p, "CompatibleRuntimes"),
                shared.getOrDefault(layer.logicalId(), List.of()),
                layer.at()));
      }
      return layers;
    }

    /** The nested templates of one template, loaded when first referenced or at the end. */
    private final class NestedStacks {
      private final LoadContext parent;
      private final Map<String, Optional<Loaded>> loaded = new HashMap<>();

      NestedStacks(LoadContext parent) {
        this.parent = parent;
      }

      Optional<Value> output(String stackLogicalId, String outputName) {
        Optional<Loaded> child = child(stackLogicalId);
        if (child.isEmpty()) {
          return Optional.empty();
        }
        Optional<Value> definition =
            child.get().template().outputs().obj(outputName).flatMap(o -> o.get("Value"));
        return definition.map(d -> child.get().resolver().resolve(d));
      }

      void loadRemaining() {
        for (TemplateResource stack :
            parent.ofType("AWS::Serverless::Application", "AWS::CloudFormation::Stack")) {
          child(stack.logicalId());
        }
      }

      private Optional<Loaded> child(String logicalId) {
        if (loaded.containsKey(logicalId)) {
          return loaded.get(logicalId);
        }
        loaded.put(logicalId, Optional.empty());
        Optional<Loaded> result = parent.resource(logicalId).flatMap(this::loadChild);
        loaded.put(logicalId, result);
        return result;
      }

      private Optional<Loaded> loadChild(TemplateResource nestedStack) {
        Value.Obj p = parent.properties(nestedStack);
        boolean sam = nestedStack.type().equals("AWS::Serverless::Application");
        String key = sam ? "Location" : "TemplateURL";
        SourceLocation at = Props.at(p, key);
        Optional<Value> location = p.get(key);
        if (location.isEmpty()) {
          return Optional.empty();
        }
        if (location.get() instanceof Value.Obj application) {
          parent.problem(
              at,
              "nested application "
                  + nestedStack.logicalId()
                  + " comes from the Serverless Application Repository ("
                  + Props.text(application, "ApplicationId").map(SymbolicText::toString).orElse("?")
                  + "); it was not scanned",
              "Download the application's template and scan it too.");
          return Optional.empty();
        }
        Optional<String> reference = location.get().asString();
        if (reference.isEmpty()) {
          parent.problem(
              at,
              "the template location of "
                  + nestedStack.logicalId()
                  + " is known only at deployment",
              "Scan the nested template separately.");
          return Optional.empty();
        }
        String ref = reference.get();
        if (ref.startsWith("https://") || ref.startsWith("http://") || ref.startsWith("s3://")) {
          parent.problem(
              at,
              "nested template " + ref + " is remote; it was not scanned",
              "Scan a local copy of it.");
          return Optional.empty();
        }
        Optional<Path> file = root.resolveInside(parent.path(), ref);
        if (file.isEmpty()) {
          Path base = parent.path().toAbsolutePath().getParent();
          boolean outside = base != null && !root.isUnder(base.resolve(ref));
          parent.problem(
              at,
              outside
                  ? "nested template " + ref + " is outside the scanned folder; it was not read"
                  : "nested template " + ref + " of " + nestedStack.logicalId() + " does not exist",
              outside
                  ? "Scan a folder that holds every template."
                  : "Fix the path, or run the build that creates it.");
          return Optional.empty();
        }
        Path child = file.get();
        if (stack.contains(child)) {
          parent.problem(
              at,
              "nested templates include each other: " + cycle(child),
              "Remove the circular nesting.");
          return Optional.empty();
        }
        Map<String, Value> parameters = new HashMap<>();
        for (Value.Field field : Props.obj(p, "Parameters").fields()) {
          parameters.put(field.key(), field.value());
        }
        String display = root.display(child);
        String appId =
            appIds.contains(display)
                ? display + "@" + parent.appId() + "/" + nestedStack.logicalId()
                : display;
        nested.add(child);
        stack.push(child);
        try {
          Document document = reader.read(child, display);
          problems.addAll(document.problems());
          Loaded loaded = load(child, display, document.root(), parameters, appId, null);
          apps.add(loaded.app());
          return Optional.of(loaded);
        } catch (InputError e) {
          problems.add(e.toProblem());
          return Optional.empty();
        } finally {
          stack.pop();
        }
      }

      private String cycle(Path child) {
        List<String> names = new ArrayList<>();
        List<Path> order = new ArrayList<>(stack);
        Collections.reverse(order);
        boolean inCycle = false;
        for (Path path : order) {
          inCycle |= path.equals(child);
          if (inCycle) {
            names.add(root.display(path));
          }
        }
        names.add(root.display(child));
        return String.join(" → ", names);
      }
    }
  }
}
