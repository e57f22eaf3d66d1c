/**
 * The risk score of each function (0–100) and the fleet summary. A score combines the function's
 * exposure (who can reach it, through which trigger, with what authentication), the impact of its
 * role (what an attacker holding it gets, and how many functions share it) and the likelihood its
 * own weaknesses give an attacker (secrets, vulnerable code and dependencies, risky configuration).
 * docs/risk-score.md explains the model with worked examples.
 */
@NullMarked
package dev.warden.score;

import org.jspecify.annotations.NullMarked;
