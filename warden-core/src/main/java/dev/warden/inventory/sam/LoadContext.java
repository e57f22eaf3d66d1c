package dev.warden.inventory.sam;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.InputError;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the parts of one template's load share: the template, its resolver, the problems
 * found, where the file is, and lookups from references to the resources they name.
 */
final class LoadContext {

  private final Template template;
  private final Resolver resolver;
  private final Problems problems;
  private final Path path;
  private final ScanRoot root;
  private final AwsManagedPolicies managedPolicies;
  private final DocumentReader reader;
  private final String appId;
  private final Map<String, Value.Obj> resolved = new HashMap<>();
  private final Map<String, Boolean> exists = new HashMap<>();
  private final Map<String, Map<String, String>> renderedByType = new HashMap<>();
  private @Nullable Map<String, List<TemplateResource>> byType;
  private final Map<String, Integer> positions = new HashMap<>();

  LoadContext(
      Template template,
      Resolver resolver,
      Problems problems,
      Path path,
      ScanRoot root,
      AwsManagedPolicies managedPolicies,
      DocumentReader reader,
      String appId) {
    this.template = template;
    this.reader = reader;
    this.appId = appId;
    this.resolver = resolver;
    this.problems = problems;
    this.path = path;
    this.root = root;
    this.managedPolicies = managedPolicies;
  }

  Template template() {
    return template;
  }

  Resolver resolver() {
    return resolver;
  }

  String file() {
    return template.file();
  }

  /** The id of the app this template becomes: its path, qualified when loaded more than once. */
  String appId() {
    return appId;
  }

  /**
   * Reads a YAML or JSON file that the template refers to ({@code DefinitionUri}, {@code
   * AWS::Include}), when it is inside the scan root; otherwise reports why not.
   */
  Optional<Value> readLocalDocument(String reference, SourceLocation at) {
    if (reference.startsWith("s3://")
        || reference.startsWith("http://")
        || reference.startsWith("https://")) {
      problem(
          at,
          reference + " is not a local file; its content was not read",
          "Scan a copy of it with the template.");
      return Optional.empty();
    }
    Optional<Path> file = root.resolveInside(path, reference);
    if (file.isEmpty()) {
      problem(
          at,
          "cannot read " + reference + ": it does not exist inside the scanned folder",
          "Check the path.");
      return Optional.empty();
    }
    try {
      Document document = reader.read(file.get(), root.display(file.get()));
      problems.addAll(document.problems());
      return Optional.of(document.root());
    } catch (InputError e) {
      problems.add(e.toProblem());
      return Optional.empty();
    }
  }

  Path path() {
    return path;
  }

  ScanRoot root() {
    return root;
  }

  AwsManagedPolicies managedPolicies() {
    return managedPolicies;
  }

  void problem(SourceLocation at, String message, String hint) {
    problems.add(at, message, hint);
  }

  /** The resource's properties with every intrinsic resolved (computed once). */
  Value.Obj properties(TemplateResource resource) {
    Value.Obj known = resolved.get(resource.logicalId());
    if (known != null) {
      return known;
    }
    Value value = resolver.resolve(resource.properties());
    Value.Obj properties =
        value instanceof Value.Obj obj ? obj : new Value.Obj(List.of(), resource.at());
    resolved.put(resource.logicalId(), properties);
    return properties;
  }

  /** False only when the resource's condition is known to be false. */
  boolean exists(TemplateResource resource) {
    return exists.computeIfAbsent(
        resource.logicalId(),
        id ->
            resource
                .condition()
                .map(c -> resolver.condition(c, resource.at()).possible())
                .orElse(true));
  }

  /** The resources of these types that may exist, in declaration order. */
  List<TemplateResource> ofType(String... types) {
    if (byType == null) {
      byType = new HashMap<>();
      int position = 0;
      for (TemplateResource resource : template.resources().values()) {
        byType.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
        positions.put(resource.logicalId(), position++);
      }
    }
    List<TemplateResource> found = new ArrayList<>();
    for (String type : types) {
      for (TemplateResource resource : byType.getOrDefault(type, List.of())) {
        if (exists(resource)) {
          found.add(resource);
        }
      }
    }
    if (types.length > 1) {
      found.sort(Comparator.comparingInt(r -> positions.get(r.logicalId())));
    }
    return found;
  }

  Optional<TemplateResource> resource(String logicalId) {
    return Optional.ofNullable(template.resources().get(logicalId));
  }

  /**
   * The resource of one of these types that a reference names: by a symbol of its logical id
   * ({@code ${OrdersQueue}}, {@code ${OrdersQueue.Arn}}) or by its known name or ARN.
   */
  Optional<TemplateResource> referenced(SymbolicText reference, Set<String> types) {
    for (String symbol : reference.symbols()) {
      int dot = symbol.indexOf('.');
      String logicalId = dot < 0 ? symbol : symbol.substring(0, dot);
      TemplateResource resource = template.resources().get(logicalId);
      if (resource != null && types.contains(resource.type())) {
        return Optional.of(resource);
      }
    }
    Optional<TemplateResource> owner =
        resolver
            .ownerOf(reference)
            .map(id -> template.resources().get(id))
            .filter(r -> types.contains(r.type()));
    if (owner.isPresent()) {
      return owner;
    }
    String rendered = reference.toString();
    for (String type : types) {
      String logicalId = renderedIndex(type).get(rendered);
      if (logicalId != null) {
        return Optional.ofNullable(template.resources().get(logicalId));
      }
    }
    return Optional.empty();
  }

  /**
   * The resources of one type by the text of their name, ARN and {@code Ref} value, built when a
   * reference to that type first cannot be traced by symbol or identity.
   */
  private Map<String, String> renderedIndex(String type) {
    Map<String, String> index = renderedByType.get(type);
    if (index != null) {
      return index;
    }
    Map<String, String> built = new HashMap<>();
    if (ResourceTypes.of(type).isPresent()) {
      for (TemplateResource resource : ofType(type)) {
        SymbolicText name = resolver.nameOf(resource);
        if (!name.equals(SymbolicText.symbol(resource.logicalId()))) {
          built.putIfAbsent(name.toString(), resource.logicalId());
        }
        built.putIfAbsent(resolver.arnOf(resource).toString(), resource.logicalId());
        built.putIfAbsent(
            resolver.refOfResource(resource, resource.at()).toString(), resource.logicalId());
      }
    }
    renderedByType.put(type, built);
    return built;
  }
}
