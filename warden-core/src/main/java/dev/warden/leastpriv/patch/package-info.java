/**
 * Applies generated least-privilege policies to the template that declares the functions: a SAM
 * function gets its own generated role with the policy as its {@code Policies} (its shared {@code
 * Role} removed), a plain Lambda function a new {@code AWS::IAM::Role} of its own. YAML is edited
 * line by line so that comments and layout outside the changed blocks stay as they were; JSON is
 * rewritten through its tree. The caller decides where the result goes; nothing here writes files.
 */
@NullMarked
package dev.warden.leastpriv.patch;

import org.jspecify.annotations.NullMarked;
