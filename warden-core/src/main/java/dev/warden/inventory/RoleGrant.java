package dev.warden.inventory;

/**
 * One role granted to a function's identity: a Google Cloud IAM binding or an Azure role
 * assignment.
 *
 * @param role the role's id: {@code roles/editor}, {@code projects/p/roles/custom}, an Azure role
 *     definition GUID or its name when only the name is known
 * @param scope the resource the grant applies to, as written (project, resource group, storage
 *     account…), symbolic where unknown
 * @param level how far the scope reaches
 * @param at the binding or assignment
 */
public record RoleGrant(String role, SymbolicText scope, ScopeLevel level, SourceLocation at) {

  /** How much a grant's scope covers, broadest first. */
  public enum ScopeLevel {
    ORGANIZATION("organization"),
    /** An Azure management group or subscription; a Google Cloud folder. */
    SUBSCRIPTION("subscription"),
    /** A Google Cloud project. */
    PROJECT("project"),
    RESOURCE_GROUP("resource-group"),
    /** One resource (a bucket, a storage account, a key vault…). */
    RESOURCE("resource"),
    UNKNOWN("unknown");

    private final String wireName;

    ScopeLevel(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** True for scopes that cover every resource of a project, subscription or resource group. */
    public boolean isBroad() {
      return this != RESOURCE && this != UNKNOWN;
    }
  }
}
