package dev.warden.iam;

/** How AWS classes an action in its service authorization reference. */
public enum AccessLevel {
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  PERMISSIONS_MANAGEMENT("Permissions management"),
  TAGGING("Tagging");

  private final String title;

  AccessLevel(String title) {
    this.title = title;
  }

  /** The name AWS uses: {@code Permissions management}. */
  public String title() {
    return title;
  }

  static AccessLevel ofCode(char code) {
    return switch (code) {
      case 'L' -> LIST;
      case 'R' -> READ;
      case 'W' -> WRITE;
      case 'P' -> PERMISSIONS_MANAGEMENT;
      case 'T' -> TAGGING;
      default -> throw new IllegalArgumentException("unknown access level code " + code);
    };
  }
}
