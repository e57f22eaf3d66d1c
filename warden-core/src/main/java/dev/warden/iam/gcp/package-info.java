/**
 * Google Cloud IAM: the bundled catalog of predefined roles and what their permissions let a
 * function's service account do.
 */
package dev.warden.iam.gcp;
