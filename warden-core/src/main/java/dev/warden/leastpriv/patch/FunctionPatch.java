package dev.warden.leastpriv.patch;

import dev.warden.inventory.SymbolicText;
import java.util.Map;
import java.util.Optional;

/**
 * The policy one function of a template should have.
 *
 * @param logicalId the function's logical id in the template
 * @param policy the IAM policy document, as {@code GeneratedPolicy.document()} writes it
 * @param boundary the permissions boundary of the role the function has now, kept on the new one
 * @param summary one line for the comment above the new policy ({@code 9 actions, 94% of the role
 *     cut})
 * @param deployedName the function's name once deployed, when known ({@code orders-dev-create}): in
 *     a {@code serverless.yml} its {@code service-stage} prefix is written back as {@code
 *     ${self:service}-${sls:stage}}, so that the patch holds for every stage
 */
public record FunctionPatch(
    String logicalId,
    Map<String, Object> policy,
    Optional<SymbolicText> boundary,
    String summary,
    Optional<String> deployedName) {

  public FunctionPatch(
      String logicalId,
      Map<String, Object> policy,
      Optional<SymbolicText> boundary,
      String summary) {
    this(logicalId, policy, boundary, summary, Optional.empty());
  }
}
