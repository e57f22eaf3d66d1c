/**
 * Rules for Google Cloud functions: who may invoke them (IAM and ingress), the service account they
 * run as and the roles granted to it (basic and broad roles, escalation permissions resolved from
 * the bundled predefined-role catalog), network and key settings.
 */
@NullMarked
package dev.warden.rules.gcp;

import org.jspecify.annotations.NullMarked;
