/**
 * DependencyFile and the supply chain: the packages each function ships and how their versions
 * order. Each ecosystem's ordering is the one its advisories are written against: npm SemVer 2.0
 * precedence (never npm's range logic, which hides prereleases), PEP 440 for PyPI, Maven's
 * ComparableVersion, Go module versions (SemVer with a leading {@code v}, pseudo-versions as
 * prereleases).
 */
@NullMarked
package dev.warden.deps;

import org.jspecify.annotations.NullMarked;
