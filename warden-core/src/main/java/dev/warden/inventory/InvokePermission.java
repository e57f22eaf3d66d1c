package dev.warden.inventory;

import java.util.Optional;

/**
 * One statement of a function's resource-based policy: who else may invoke it ({@code
 * AWS::Lambda::Permission}, and the permissions SAM adds for event sources).
 *
 * @param principal a service ({@code s3.amazonaws.com}), an account, an ARN or {@code *}
 * @param functionUrlAuthType for {@code lambda:InvokeFunctionUrl}, the auth type the permission is
 *     limited to
 */
public record InvokePermission(
    String action,
    SymbolicText principal,
    Optional<SymbolicText> sourceArn,
    Optional<SymbolicText> sourceAccount,
    Optional<SymbolicText> principalOrgId,
    Optional<String> functionUrlAuthType,
    SourceLocation at) {}
