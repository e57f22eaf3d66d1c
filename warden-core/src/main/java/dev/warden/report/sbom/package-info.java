/** Software bills of materials: the packages each function ships, as CycloneDX documents. */
@NullMarked
package dev.warden.report.sbom;

import org.jspecify.annotations.NullMarked;
