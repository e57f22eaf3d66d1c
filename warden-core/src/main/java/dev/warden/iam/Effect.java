package dev.warden.iam;

/** Whether a statement allows or denies. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String title;

  Effect(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
