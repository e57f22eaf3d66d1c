/**
 * Google Cloud Functions (1st and 2nd gen, Cloud Run functions): the JSON of {@code gcloud
 * functions describe|list --format=json} and of {@code gcloud functions get-iam-policy} / {@code
 * gcloud projects get-iam-policy}, read into the common inventory. The Terraform resources of the
 * same functions are read by {@code dev.warden.inventory.terraform} into the same {@link
 * dev.warden.inventory.gcp.GcpFunctionSpec} and built here.
 *
 * <p>An IAM policy file belongs to the function whose name its file name starts with ({@code
 * orders.iam.json}, {@code orders-iam-policy.json}); any other IAM policy file in the scan is the
 * project's ({@code gcloud projects get-iam-policy}), and its bindings apply to every function's
 * service account and, for invoker roles, to every function.
 */
@NullMarked
package dev.warden.inventory.gcp;

import org.jspecify.annotations.NullMarked;
