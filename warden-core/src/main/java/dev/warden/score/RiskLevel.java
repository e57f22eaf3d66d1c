package dev.warden.score;

/** A score's band, as reports and the fleet summary count functions. */
public enum RiskLevel {
  NONE("none"),
  LOW("low"),
  AT_RISK("at-risk"),
  SERIOUS("serious");

  /** Lowest score of the {@code at-risk} band. */
  public static final int AT_RISK_FROM = 30;

  /** Lowest score of the {@code serious} band. */
  public static final int SERIOUS_FROM = 70;

  private final String wireName;

  RiskLevel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** {@code serious} at 70 and above, {@code at-risk} at 30, {@code low} above 0. */
  public static RiskLevel of(int score) {
    if (score >= SERIOUS_FROM) {
      return SERIOUS;
    }
    if (score >= AT_RISK_FROM) {
      return AT_RISK;
    }
    return score > 0 ? LOW : NONE;
  }

  /** True for {@code at-risk} and {@code serious}. */
  public boolean atRisk() {
    return this == AT_RISK || this == SERIOUS;
  }
}
