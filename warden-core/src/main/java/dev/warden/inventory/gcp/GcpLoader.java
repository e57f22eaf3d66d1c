package dev.warden.inventory.gcp;

import dev.warden.inventory.App;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.RoleGrant;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the gcloud files of a scan into apps once all of them are read: the functions of each
 * {@code gcloud functions describe|list} file, with the IAM policy files applied — a policy whose
 * file name starts with a function's name is that function's, any other is the project's.
 */
public final class GcpLoader {

  /** A function description file, read. */
  public record FunctionsFile(String display, List<GcpFunctionSpec> specs, SourceLocation at) {}

  /** An IAM policy file, read. */
  public record PolicyFile(String display, Value.Obj policy) {}

  private static final List<String> POLICY_SUFFIXES =
      List.of(
          ".iam-policy",
          "-iam-policy",
          "_iam_policy",
          ".iam",
          "-iam",
          "_iam",
          ".policy",
          "-policy");

  private GcpLoader() {}

  /** One app per functions file, every policy file applied; problems for policies that fit none. */
  public static List<App> build(
      List<FunctionsFile> files, List<PolicyFile> policies, List<InputProblem> problems) {
    Set<String> names = new java.util.HashSet<>();
    for (FunctionsFile file : files) {
      for (GcpFunctionSpec spec : file.specs()) {
        names.add(spec.shortName().toLowerCase(Locale.ROOT));
      }
    }
    List<PolicyFile> projectPolicies = new ArrayList<>();
    java.util.Map<String, List<PolicyFile>> functionPolicies = new java.util.HashMap<>();
    for (PolicyFile policy : policies) {
      Optional<String> function = functionNamed(policy.display(), names);
      if (function.isPresent()) {
        functionPolicies.computeIfAbsent(function.get(), k -> new ArrayList<>()).add(policy);
      } else {
        projectPolicies.add(policy);
      }
    }
    if (files.isEmpty() && !policies.isEmpty()) {
      for (PolicyFile policy : policies) {
        problems.add(
            new InputProblem(
                SourceLocation.ofFile(policy.display()),
                "IAM policy without any Google Cloud function in the scan; not used",
                "Scan it with the gcloud functions describe output of the functions it governs."));
      }
    }
    List<App> apps = new ArrayList<>();
    for (FunctionsFile file : files) {
      List<ServerlessFunction> functions = new ArrayList<>();
      Map<String, ProjectBindings> projects = new HashMap<>();
      for (GcpFunctionSpec spec : file.specs()) {
        String project = spec.project().orElse("PROJECT");
        ProjectBindings bindings =
            projects.computeIfAbsent(project, p -> projectBindings(p, projectPolicies));
        List<GcpFunctionSpec.Binding> own = new ArrayList<>(spec.bindings());
        for (PolicyFile policy :
            functionPolicies.getOrDefault(spec.shortName().toLowerCase(Locale.ROOT), List.of())) {
          own.addAll(
              GcloudReader.bindings(policy.policy(), spec.name(), RoleGrant.ScopeLevel.RESOURCE));
        }
        functions.add(GcpFunctions.build(spec.withBindings(own), bindings));
      }
      apps.add(
          new App(
              file.display(),
              "gcloud",
              Optional.of("Google Cloud functions described by gcloud"),
              functions,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              file.at()));
    }
    return apps;
  }

  /** The project policies' bindings, read once per project. */
  private static ProjectBindings projectBindings(String project, List<PolicyFile> policies) {
    List<GcpFunctionSpec.Binding> bindings = new ArrayList<>();
    for (PolicyFile policy : policies) {
      bindings.addAll(
          GcloudReader.bindings(
              policy.policy(),
              SymbolicText.of("projects/" + project),
              RoleGrant.ScopeLevel.PROJECT));
    }
    return ProjectBindings.of(bindings, !policies.isEmpty());
  }

  /** The function a policy file is named after, when its name starts with one. */
  static Optional<String> functionNamed(String display, Set<String> functions) {
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      name = name.substring(0, name.length() - ".json".length());
    }
    for (String suffix : POLICY_SUFFIXES) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        if (functions.contains(stem)) {
          return Optional.of(stem);
        }
      }
    }
    return functions.contains(name) ? Optional.of(name) : Optional.empty();
  }
}
