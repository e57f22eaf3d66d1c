package dev.warden.inventory;

/** How a function's code is packaged. */
public enum PackageType {
  ZIP("zip"),
  IMAGE("image");

  private final String wireName;

  PackageType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
