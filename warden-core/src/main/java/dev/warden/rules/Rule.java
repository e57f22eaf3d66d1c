package dev.warden.rules;

/**
 * A check Warden runs on every scan. What a rule inspects is the kind it implements: one function
 * ({@link FunctionRule}), one API ({@link ApiRule}) or one app ({@link AppRule}); the engine builds
 * one list per kind. Rules register themselves with {@code @AutoService(Rule.class)}.
 */
public sealed interface Rule permits FunctionRule, ApiRule, AppRule {

  /** What the rule publishes about itself. */
  RuleInfo info();
}
