/**
 * Findings and the vocabulary that describes them: severity, category, OWASP Serverless Top 10 id,
 * and each rule's published description ({@link dev.warden.rules.RuleInfo}). Problems met while
 * reading input become findings of {@link dev.warden.rules.InputErrors#RULE}.
 */
@NullMarked
package dev.warden.rules;

import org.jspecify.annotations.NullMarked;
