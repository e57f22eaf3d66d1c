package dev.warden.cli;

/** The exit codes every command documents in its help. */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INPUT = 3;
  static final int INTERNAL = 4;

  private ExitCodes() {}
}
