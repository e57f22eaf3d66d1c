package dev.warden.inventory;

/** Where a function's code is. */
public sealed interface CodeLocation {

  SourceLocation at();

  /** A file or folder inside the scan root, as a path relative to it with {@code /}. */
  record LocalPath(String path, SourceLocation at) implements CodeLocation {}

  /** A deployment package in S3. */
  record S3Object(SymbolicText bucket, SymbolicText key, SourceLocation at)
      implements CodeLocation {}

  /**
   * Source written into the template itself (SAM {@code InlineCode}, CloudFormation {@code
   * ZipFile}).
   */
  record Inline(String code, SourceLocation at) implements CodeLocation {}

  /** A container image. */
  record Image(SymbolicText uri, SourceLocation at) implements CodeLocation {}

  /** A location Warden cannot follow (unknown until deployment, outside the scan root, missing). */
  record Unresolved(String description, SourceLocation at) implements CodeLocation {}
}
