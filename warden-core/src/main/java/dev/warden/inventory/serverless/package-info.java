/**
 * The Serverless Framework: {@code serverless.yml} (v3 and v4) with its variables resolved ({@link
 * dev.warden.inventory.serverless.ServerlessVariables}) and compiled — as the framework itself does
 * — into the SAM template it stands for ({@link
 * dev.warden.inventory.serverless.ServerlessCompiler}), which the CloudFormation loader reads into
 * the inventory. Every generated node keeps the location of what it came from in {@code
 * serverless.yml}, so findings point there.
 */
@NullMarked
package dev.warden.inventory.serverless;

import org.jspecify.annotations.NullMarked;
