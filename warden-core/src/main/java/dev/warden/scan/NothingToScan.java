package dev.warden.scan;

import dev.warden.inventory.InputProblem;
import java.util.List;

/**
 * No input could be loaded at all: every path was unreadable, or held nothing Warden reads. The
 * command line prints the problems and exits with code 3.
 */
public final class NothingToScan extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  public NothingToScan(String message, List<InputProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<InputProblem> problems() {
    return problems;
  }
}
