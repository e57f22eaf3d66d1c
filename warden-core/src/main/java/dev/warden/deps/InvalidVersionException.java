package dev.warden.deps;

/** A version string that its ecosystem's ordering cannot read. */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String ecosystem, String version) {
    super("not a " + ecosystem + " version: \"" + version + "\"");
  }
}
