package dev.warden.score;

import java.util.List;

/**
 * The risk of one function and why.
 *
 * @param score 0–100
 * @param exposure 0–1: who can reach the function and how freely
 * @param impact 0–1: what its role gives whoever controls it
 * @param likelihood 0–1: how much its own weaknesses help an attacker
 * @param reasons one line per factor that raised the score, strongest first
 */
public record RiskScore(
    int score,
    RiskLevel level,
    double exposure,
    double impact,
    double likelihood,
    List<String> reasons) {

  public RiskScore {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("a risk score is between 0 and 100, not " + score);
    }
    reasons = List.copyOf(reasons);
  }
}
