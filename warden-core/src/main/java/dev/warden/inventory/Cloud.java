package dev.warden.inventory;

/** The cloud a function runs on. */
public enum Cloud {
  AWS("aws"),
  AZURE("azure"),
  GCP("gcp");

  private final String wireName;

  Cloud(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in reports: {@code aws}, {@code azure}, {@code gcp}. */
  public String wireName() {
    return wireName;
  }
}
