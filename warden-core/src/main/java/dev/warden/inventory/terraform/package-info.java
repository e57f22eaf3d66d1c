/**
 * Terraform: the JSON of {@code terraform show -json} for a plan or a state, its resources read
 * with the references of its configuration ({@link dev.warden.inventory.terraform.TerraformPlan})
 * and compiled into the CloudFormation resources they stand for ({@link
 * dev.warden.inventory.terraform.AwsResources}), which the CloudFormation loader reads into the
 * inventory. Locations are the plan file's.
 */
@NullMarked
package dev.warden.inventory.terraform;

import org.jspecify.annotations.NullMarked;
