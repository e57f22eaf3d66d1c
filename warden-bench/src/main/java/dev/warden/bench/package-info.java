/** JMH benchmarks and the deterministic input generators they run on. */
@NullMarked
package dev.warden.bench;

import org.jspecify.annotations.NullMarked;
