/**
 * Denial-of-wallet rules: what a public function can cost per hour when an attacker keeps it busy
 * (from bundled Lambda prices per architecture), public functions with no concurrency cap, and
 * public APIs with no throttling or WAF in front.
 */
@NullMarked
package dev.warden.rules.cost;

import org.jspecify.annotations.NullMarked;
