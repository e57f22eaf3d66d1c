package dev.warden.leastpriv.patch;

import dev.warden.inventory.document.SourceFile;
import java.util.List;

/** The patched text of one template, and what could not be patched and why. */
public record TemplatePatch(String text, List<String> patched, List<String> notes) {

  public TemplatePatch {
    patched = List.copyOf(patched);
    notes = List.copyOf(notes);
  }

  /**
   * Applies the policies to the functions of a template ({@code displayPath} names it in notes);
   * JSON when the name ends in {@code .json} or the text starts with a brace, YAML otherwise.
   */
  public static TemplatePatch of(String displayPath, String text, List<FunctionPatch> functions) {
    SourceFile source = new SourceFile(displayPath, text);
    boolean json = source.extension().equals("json") || text.stripLeading().startsWith("{");
    return json ? JsonPatch.apply(source, functions) : YamlPatch.apply(source, functions);
  }
}
