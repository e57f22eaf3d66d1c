package dev.warden.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One application: what a template (with its nested templates), a Serverless service, a Terraform
 * plan or a live account holds.
 *
 * @param id the file it was read from, relative to the scan root (or an account id)
 * @param format the input format ({@code cloudformation}, {@code sam}, {@code serverless}…)
 * @param description the template's description, when it has one
 * @param suppressions the suppressions written in the definition (template Metadata)
 */
public record App(
    String id,
    String format,
    Optional<String> description,
    List<ServerlessFunction> functions,
    List<Resource> resources,
    List<Api> apis,
    List<Layer> layers,
    List<InlineSuppression> suppressions,
    SourceLocation at) {

  public App {
    suppressions = List.copyOf(suppressions);
    functions = List.copyOf(functions);
    resources = List.copyOf(resources);
    apis = List.copyOf(apis);
    layers = List.copyOf(layers);
  }

  /** An entry point: a function with one of its triggers. */
  public record EntryPoint(ServerlessFunction function, Trigger trigger) {}

  /** Every trigger of every function, public ones first, in declaration order otherwise. */
  public List<EntryPoint> entryPoints() {
    List<EntryPoint> publicOnes = new ArrayList<>();
    List<EntryPoint> internal = new ArrayList<>();
    for (ServerlessFunction function : functions) {
      for (Trigger trigger : function.triggers()) {
        (trigger.isPublic() ? publicOnes : internal).add(new EntryPoint(function, trigger));
      }
    }
    publicOnes.addAll(internal);
    return publicOnes;
  }

  public Optional<Resource> resource(String logicalId) {
    return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }

  public Optional<Api> api(String logicalId) {
    return apis.stream().filter(a -> a.logicalId().equals(logicalId)).findFirst();
  }
}
