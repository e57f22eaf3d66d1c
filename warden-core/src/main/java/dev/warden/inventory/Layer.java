package dev.warden.inventory;

import java.util.List;
import java.util.Optional;

/**
 * A Lambda layer declared in the app.
 *
 * @param contentPath the layer's content folder inside the scan root, when it is local
 * @param sharedWith principals other accounts may use it as ({@code *}: everybody)
 */
public record Layer(
    String logicalId,
    SymbolicText name,
    SymbolicText arn,
    Optional<String> contentPath,
    List<String> compatibleRuntimes,
    List<SymbolicText> sharedWith,
    SourceLocation at) {
  public Layer {
    compatibleRuntimes = List.copyOf(compatibleRuntimes);
    sharedWith = List.copyOf(sharedWith);
  }
}
