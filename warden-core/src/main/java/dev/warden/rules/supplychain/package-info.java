/**
 * Rules about where a function's code comes from: layers published by other accounts, and public
 * functions that accept code nobody signed.
 */
@NullMarked
package dev.warden.rules.supplychain;

import org.jspecify.annotations.NullMarked;
