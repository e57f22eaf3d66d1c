package dev.warden.report;

/** The tool's name and version as reports print them. */
public final class WardenVersion {
  public static final String NAME = "warden";
  public static final String VERSION = "0.1.0";

  private WardenVersion() {}
}
