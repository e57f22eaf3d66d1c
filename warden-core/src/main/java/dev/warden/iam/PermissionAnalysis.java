package dev.warden.iam;

import java.util.List;
import java.util.Optional;

/**
 * What a permission set allows and what an attacker holding it gets: the effective permissions of
 * identity policies (within a permissions boundary) and the risks they carry.
 */
public record PermissionAnalysis(
    List<EffectivePermissions.ActionGrant> allowed, List<Risk> risks, String catalog) {

  public PermissionAnalysis {
    allowed = List.copyOf(allowed);
    risks = List.copyOf(risks);
  }

  /** Analyses the policies against the catalog. */
  public static PermissionAnalysis of(
      IamCatalog catalog, List<PolicyDocument> identity, Optional<PolicyDocument> boundary) {
    EffectivePermissions permissions = new EffectivePermissions(catalog, identity, boundary);
    List<EffectivePermissions.ActionGrant> allowed = permissions.expand();
    List<Risk> risks = new PermissionRisks(catalog).classify(permissions, allowed);
    return new PermissionAnalysis(allowed, risks, catalog.describe());
  }
}
