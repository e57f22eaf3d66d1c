package dev.warden.iam;

/** The role a policy plays in a request's evaluation; its name in simulate output. */
public enum PolicyType {
  IDENTITY("identity"),
  RESOURCE("resource"),
  BOUNDARY("boundary"),
  SESSION("session"),
  SCP("scp"),
  RCP("rcp");

  private final String wireName;

  PolicyType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Resource-based policies (and RCPs) name principals; the others apply to their principal. */
  public boolean namesPrincipals() {
    return this == RESOURCE || this == RCP;
  }
}
