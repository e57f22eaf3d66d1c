/**
 * The inventory model: every serverless function Warden knows of, whatever it was declared in, with
 * its entry points (triggers), its identity (execution role and policies) and the resources around
 * it. Immutable records; every value keeps the {@link dev.warden.inventory.SourceLocation} it was
 * read from. Loaders for each input format live in subpackages and produce only these types.
 */
@NullMarked
package dev.warden.inventory;

import org.jspecify.annotations.NullMarked;
