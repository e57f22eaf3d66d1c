package dev.warden.inventory.sam;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what a load found wrong but could read past, once each. */
final class Problems {
  private final Set<InputProblem> problems = new LinkedHashSet<>();

  void add(SourceLocation at, String message, String hint) {
    problems.add(new InputProblem(at, message, hint));
  }

  void add(InputProblem problem) {
    problems.add(problem);
  }

  void addAll(List<InputProblem> more) {
    problems.addAll(more);
  }

  int size() {
    return problems.size();
  }

  List<InputProblem> toList() {
    return new ArrayList<>(problems);
  }
}
