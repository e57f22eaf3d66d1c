/**
 * The IAM model: policy documents and the data Warden bundles about AWS identity and access
 * management (the AWS-managed policies). The policy engine grows here; it depends on no other
 * feature package.
 */
@NullMarked
package dev.warden.iam;

import org.jspecify.annotations.NullMarked;
