package dev.warden.iam;

import dev.warden.inventory.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * An IAM policy, compiled: its statements in order. Policy variables count only in version {@code
 * 2012-10-17}; a policy without a Version is read as {@code 2008-10-17}, as AWS does.
 */
public record PolicyDocument(
    Optional<String> version, Optional<String> id, List<Statement> statements, SourceLocation at) {

  public static final String CURRENT_VERSION = "2012-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }
}
