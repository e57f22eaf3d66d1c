/**
 * Loads AWS SAM and CloudFormation templates (YAML or JSON, nested templates included) into the
 * inventory: intrinsic functions resolved to known or symbolic values, SAM's transform applied the
 * way AWS documents it (globals, generated roles, policy templates, implicit APIs, event sources),
 * and every trigger, role and resource linked to its functions.
 */
@NullMarked
package dev.warden.inventory.sam;

import org.jspecify.annotations.NullMarked;
