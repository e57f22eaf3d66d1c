package dev.warden.deps.osv;

import dev.warden.deps.DependencyFile;
import java.util.List;
import java.util.Optional;

/**
 * What a scan learnt of one function's packages: the dependency files it ships (its code folder's
 * and its local layers'), the vulnerable packages among them when an advisory database was given,
 * and why the database could not be asked, if it could not.
 */
public record PackageReview(
    List<DependencyFile> files,
    List<DependencyAudit.Vulnerable> vulnerable,
    Optional<String> problem) {

  public PackageReview {
    files = List.copyOf(files);
    vulnerable = List.copyOf(vulnerable);
  }
}
