/** Azure RBAC: the bundled built-in role definitions and how their actions match operations. */
package dev.warden.iam.azure;
