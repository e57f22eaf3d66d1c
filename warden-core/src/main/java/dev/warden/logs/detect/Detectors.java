package dev.warden.logs.detect;

import java.util.List;

/** The detectors Warden runs, in the order they are documented. */
public final class Detectors {

  private Detectors() {}

  /** Every detector, with these thresholds. */
  public static List<Detector<?>> all(Thresholds thresholds) {
    return List.of(
        new GroundhogDay(thresholds),
        new CredentialExfiltration(thresholds),
        new PrivilegeEscalation(thresholds),
        new Recon(thresholds),
        new NewApi(thresholds),
        new DenialOfWallet(thresholds));
  }

  /** The detection types, in the same order. */
  public static List<String> types() {
    return all(Thresholds.defaults()).stream().map(Detector::type).toList();
  }
}
