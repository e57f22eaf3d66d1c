package dev.warden.logs;

/**
 * A record or file that could not be read: where (file and line, 0 when the whole file), and why.
 */
public record TrailProblem(String file, long line, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
