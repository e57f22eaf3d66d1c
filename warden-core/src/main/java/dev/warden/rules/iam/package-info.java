/**
 * Rules about what functions' roles allow, each reading the IAM engine's effective permissions and
 * attacker classification ({@link dev.warden.iam.PermissionAnalysis}) rather than action names.
 */
@NullMarked
package dev.warden.rules.iam;

import org.jspecify.annotations.NullMarked;
