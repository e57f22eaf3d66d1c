package dev.warden.inventory.document;

import java.nio.file.Path;

/** Reads YAML or JSON input files into value trees within {@link ReadLimits}. */
public final class DocumentReader {

  private final ReadLimits limits;
  private final YamlReader yaml;
  private final JsonReader json;

  public DocumentReader(ReadLimits limits) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
    this.json = new JsonReader(limits);
  }

  /** Reads and parses a file; JSON when it is named {@code .json} or starts with a brace. */
  public Document read(Path file, String displayPath) {
    return parse(SourceFile.read(file, displayPath, limits));
  }

  public Document parse(SourceFile source) {
    return isJson(source) ? json.read(source) : yaml.read(source);
  }

  /**
   * Parses one line of a JSON Lines file (line numbers from 1); positions are reported at that line
   * of {@code displayPath}.
   */
  public Document parseJsonLine(String displayPath, int lineNumber, String text) {
    return json.read(new SourceFile(displayPath, text), lineNumber - 1);
  }

  private static boolean isJson(SourceFile source) {
    if (source.extension().equals("json")) {
      return true;
    }
    String text = source.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' && !source.extension().equals("yaml") && !source.extension().equals("yml");
      }
    }
    return false;
  }
}
