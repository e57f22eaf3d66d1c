/**
 * Live AWS accounts from what the AWS CLI (or the API) returns, whatever the files are named:
 * {@code aws lambda list-functions}, {@code get-function}, {@code get-function-configuration},
 * {@code get-policy} and {@code aws iam get-account-authorization-details}. The exports of one
 * folder are compiled together into the CloudFormation the CloudFormation loader reads, so every
 * rule, score and report works on them; findings point at the export files' lines.
 */
@NullMarked
package dev.warden.inventory.snapshot;

import org.jspecify.annotations.NullMarked;
