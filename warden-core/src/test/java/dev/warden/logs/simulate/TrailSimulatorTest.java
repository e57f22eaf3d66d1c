package dev.warden.logs.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulator is reproducible, and injects only the attacks its days can hold. */
class TrailSimulatorTest {

  private static String jsonLines(TrailSimulator.Settings settings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TrailSimulator(settings).writeJsonLines(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
    TrailSimulator.Settings settings = new TrailSimulator.Settings(3, 10, 1, 10, false);

    String first = jsonLines(settings);

    assertThat(jsonLines(settings)).isEqualTo(first);
    assertThat(jsonLines(new TrailSimulator.Settings(4, 10, 1, 10, false))).isNotEqualTo(first);
    assertThat(first.lines().findFirst().orElseThrow())
        .as("keys in the order CloudTrail writes them, whatever the JVM")
        .contains("\"credentials\":{\"accessKeyId\":");
  }

  @Test
  void attacksComeAfterTheFirstDayAndOnlyWithinTheSimulatedDays() {
    assertThat(new TrailSimulator(new TrailSimulator.Settings(7, 8, 1, 10, true)).labels())
        .isEmpty();
    assertThat(new TrailSimulator(new TrailSimulator.Settings(7, 8, 2, 10, true)).labels())
        .hasSize(5)
        .allMatch(l -> l.start() >= TrailSimulator.START.toEpochMilli() + 24 * 3_600_000L);
    assertThat(new TrailSimulator(new TrailSimulator.Settings(7, 8, 3, 10, true)).labels())
        .hasSize(10)
        .flatExtracting(Label::types)
        .contains(
            "groundhog-day",
            "credential-exfiltration",
            "privilege-escalation",
            "recon",
            "new-api",
            "denial-of-wallet");
  }
}
