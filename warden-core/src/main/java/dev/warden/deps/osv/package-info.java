/**
 * OSV advisories (the format of osv.dev and the GitHub Advisory Database) and whether a package
 * version is affected: the schema's range evaluation (introduced, fixed, last_affected, limit) on
 * each ecosystem's own version ordering, explicit version lists, withdrawn records, and the
 * smallest version that fixes them.
 */
@NullMarked
package dev.warden.deps.osv;

import org.jspecify.annotations.NullMarked;
