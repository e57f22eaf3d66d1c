package dev.warden.rules;

/** What kind of weakness a finding is; the list is part of the report contract. */
public enum Category {
  OVER_PRIVILEGED("over-privileged"),
  PRIVILEGE_ESCALATION("privilege-escalation"),
  PUBLIC_ENTRY_POINT("public-entry-point"),
  MISSING_AUTH("missing-auth"),
  EVENT_INJECTION("event-injection"),
  VULNERABLE_DEPENDENCY("vulnerable-dependency"),
  SUPPLY_CHAIN("supply-chain"),
  SECRET_EXPOSURE("secret-exposure"),
  INSECURE_CONFIG("insecure-config"),
  DENIAL_OF_WALLET("denial-of-wallet"),
  DATA_EXPOSURE("data-exposure"),
  LOGGING_MONITORING("logging-monitoring"),
  /** Evidence of an attack in audit logs. */
  ATTACK("attack"),
  /** A file Warden could not fully read. */
  INPUT_ERROR("input-error");

  private final String wireName;

  Category(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
