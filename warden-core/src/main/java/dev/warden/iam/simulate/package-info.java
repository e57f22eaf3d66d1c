/**
 * The batch entry point to the policy evaluator: one JSON request per line in, one decision per
 * line out, as {@code warden iam simulate} and the differential tests use it.
 */
@NullMarked
package dev.warden.iam.simulate;

import org.jspecify.annotations.NullMarked;
