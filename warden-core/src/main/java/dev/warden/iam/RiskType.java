package dev.warden.iam;

/** What an attacker holding a permission set can do, by class; its name in reports. */
public enum RiskType {
  /** Full administrator, directly or by granting itself any policy. */
  ADMIN("admin"),
  /** A published way to gain more privileges than the set holds. */
  PRIVILEGE_ESCALATION("privilege-escalation"),
  /** Reading stored data out: objects, secrets, parameters, tables, decrypted keys. */
  DATA_EXFILTRATION("data-exfiltration"),
  /** Changing resource policies or sharing, to open resources to others. */
  RESOURCE_EXPOSURE("resource-exposure"),
  /** Obtaining credentials: access keys, passwords, tokens, other roles' sessions. */
  CREDENTIALS_EXPOSURE("credentials-exposure"),
  /** Write or permissions-management actions on every resource of a service. */
  INFRASTRUCTURE_MODIFICATION("infrastructure-modification"),
  /** Passing any role to any service. */
  PASSROLE_WILDCARD("passrole-wildcard");

  private final String wireName;

  RiskType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
