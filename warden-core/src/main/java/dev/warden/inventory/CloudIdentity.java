package dev.warden.inventory;

import java.util.List;

/**
 * Who an Azure or Google Cloud function runs as, and the roles granted to that identity. (AWS
 * functions have their {@link ExecutionRole}.)
 *
 * @param principal the service account's e-mail, or the managed identity (its resource or the
 *     function app it belongs to); symbolic where unknown before deployment
 * @param grants the role grants that name the principal, read from the same input
 * @param at where the identity is chosen (or where the function is declared when it is the
 *     platform's default)
 */
public record CloudIdentity(
    Kind kind, SymbolicText principal, List<RoleGrant> grants, SourceLocation at) {

  /** How the function gets its identity. */
  public enum Kind {
    /** A Google Cloud service account chosen for the function. */
    GCP_SERVICE_ACCOUNT("gcp-service-account"),
    /**
     * The project's default service account (Compute Engine default for 2nd gen, App Engine default
     * for 1st gen), used when none is chosen; it has the Editor role unless the organisation turned
     * the automatic grant off.
     */
    GCP_DEFAULT_SERVICE_ACCOUNT("gcp-default-service-account"),
    /** The function app's system-assigned managed identity. */
    AZURE_SYSTEM_ASSIGNED("azure-system-assigned"),
    /** One or more user-assigned managed identities. */
    AZURE_USER_ASSIGNED("azure-user-assigned"),
    /** An Azure function app without a managed identity: it can only use secrets it is given. */
    AZURE_NONE("azure-none");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public CloudIdentity {
    grants = List.copyOf(grants);
  }

  public CloudIdentity withGrants(List<RoleGrant> more) {
    return new CloudIdentity(kind, principal, more, at);
  }
}
