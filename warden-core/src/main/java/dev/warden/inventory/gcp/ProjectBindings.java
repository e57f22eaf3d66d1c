package dev.warden.inventory.gcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bindings set on a project, indexed once for all its functions: by member (to find a service
 * account's roles) and the invoker bindings (which apply to every function).
 *
 * @param known true when the project's whole IAM policy was read (gcloud projects get-iam-policy, a
 *     Terraform google_project_iam_policy): then the default service account has exactly the roles
 *     listed; otherwise it is taken to have the Editor role Google grants it
 */
public record ProjectBindings(
    Map<String, List<GcpFunctionSpec.Binding>> byMember,
    List<GcpFunctionSpec.Binding> invokers,
    boolean known) {

  public static final ProjectBindings NONE = of(List.of(), false);

  public static ProjectBindings of(List<GcpFunctionSpec.Binding> bindings, boolean known) {
    Map<String, List<GcpFunctionSpec.Binding>> byMember = new HashMap<>();
    List<GcpFunctionSpec.Binding> invokers = new ArrayList<>();
    for (GcpFunctionSpec.Binding binding : bindings) {
      byMember
          .computeIfAbsent(binding.member().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(binding);
      if (GcpFunctions.INVOKER_ROLES.contains(binding.role())) {
        invokers.add(binding);
      }
    }
    return new ProjectBindings(byMember, invokers, known);
  }

  /** The bindings naming a member ({@code serviceAccount:x@p.iam.gserviceaccount.com}). */
  public List<GcpFunctionSpec.Binding> of(String member) {
    return byMember.getOrDefault(member.toLowerCase(Locale.ROOT), List.of());
  }
}
