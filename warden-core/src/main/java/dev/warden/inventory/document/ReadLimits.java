package dev.warden.inventory.document;

/**
 * Bounds on what one input file may cost. Input is untrusted: a YAML alias bomb or a document
 * nested a million levels deep must end with a clear error, within fixed memory and time.
 *
 * @param maxFileBytes the largest file read, in bytes ({@code --max-file-size})
 * @param maxDepth the deepest nesting of mappings and lists ({@code --max-depth})
 * @param maxNodes the most nodes a document may hold once aliases are expanded ({@code
 *     --max-nodes})
 */
public record ReadLimits(long maxFileBytes, int maxDepth, long maxNodes) {

  /** Generous for real templates (CloudFormation itself stops at 1 MB), small for attackers. */
  public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 200, 2_000_000);

  public static final String FILE_SIZE_OPTION = "--max-file-size";
  public static final String DEPTH_OPTION = "--max-depth";
  public static final String NODES_OPTION = "--max-nodes";

  public ReadLimits {
    if (maxFileBytes <= 0 || maxDepth <= 0 || maxNodes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
