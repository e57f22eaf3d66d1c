/**
 * Reads YAML and JSON files into located {@link dev.warden.inventory.Value} trees, within fixed
 * limits: file size, nesting depth and the number of nodes after YAML aliases are expanded. Every
 * loader reads its input through {@link dev.warden.inventory.document.DocumentReader}; what it
 * cannot read becomes an {@link dev.warden.inventory.InputError} with file, line and column.
 */
@NullMarked
package dev.warden.inventory.document;

import org.jspecify.annotations.NullMarked;
