/**
 * Rules about the packages functions ship: known vulnerabilities (matched offline against the
 * advisory database), known-malicious packages, unpinned manifests, look-alike names of popular
 * packages, and suspicious code in installed packages.
 */
@NullMarked
package dev.warden.rules.dependencies;

import org.jspecify.annotations.NullMarked;
