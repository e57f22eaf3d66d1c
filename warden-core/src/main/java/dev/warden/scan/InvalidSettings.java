package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import java.util.List;

/**
 * A settings file the user gave (a {@code .warden.yml}, a baseline report) cannot be used: the
 * command line prints each problem with its file and line and exits with code 2, before scanning.
 */
public final class InvalidSettings extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  public InvalidSettings(String message, List<InputProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<InputProblem> problems() {
    return problems;
  }
}
