package dev.warden.inventory.document;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Value;
import java.util.List;

/** A file read into a value tree, with what was wrong in it but not fatal (duplicate keys…). */
public record Document(Value root, List<InputProblem> problems) {
  public Document {
    problems = List.copyOf(problems);
  }
}
