package dev.warden.deps;

import dev.warden.inventory.InputProblem;
import java.util.List;

/**
 * What one lockfile or manifest says: its packages, whether their versions are locked (a lockfile,
 * or a manifest that pins every one), what could not be read, and notes (packages that cannot be
 * matched, such as local links or VCS sources).
 */
public record DependencyFile(
    String file,
    Ecosystem ecosystem,
    boolean locked,
    List<Dependency> packages,
    List<InputProblem> problems,
    List<String> notes) {

  public DependencyFile {
    packages = List.copyOf(packages);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }
}
