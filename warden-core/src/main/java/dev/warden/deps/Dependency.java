package dev.warden.deps;

import dev.warden.inventory.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One package a function ships, as a lockfile or manifest declares it.
 *
 * @param name the ecosystem's package name (PyPI names PEP 503-normalised, Maven {@code
 *     group:artifact}, Go module paths)
 * @param version the exact version, when a lockfile or a pin gives one
 * @param range the declared range when no exact version is known ({@code >=2.0,<3}, {@code
 *     ^4.17.0})
 * @param direct true when the project itself asks for it, false when it comes through another
 *     package
 * @param development true for packages only needed to build or test (npm {@code dev})
 * @param path the names from the project to this package ({@code [express, body-parser, qs]})
 * @param at where the lockfile or manifest declares it
 */
public record Dependency(
    Ecosystem ecosystem,
    String name,
    Optional<String> version,
    Optional<String> range,
    boolean direct,
    boolean development,
    List<String> path,
    SourceLocation at) {

  public Dependency {
    path = List.copyOf(path);
  }

  /** {@code qs@6.5.2}, or {@code qs (>=6.0)} when only a range is known. */
  @Override
  public String toString() {
    return name + version.map(v -> "@" + v).orElse(range.map(r -> " (" + r + ")").orElse(""));
  }
}
