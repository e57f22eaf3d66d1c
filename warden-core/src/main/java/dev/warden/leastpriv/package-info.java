/**
 * Least privilege: the permissions a function needs, from the AWS calls of its code (with the
 * resources they target, scoped to the app's resources wherever the template defines them), and, as
 * later issues land, from observed usage; then the policy that grants exactly those.
 */
@NullMarked
package dev.warden.leastpriv;

import org.jspecify.annotations.NullMarked;
