package dev.warden.logs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.testing.Repo;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thresholds are read and checked by name, and docs/detections.md lists each as the code has it.
 */
class ThresholdsDocTest {

  @Test
  void theDocumentedTableIsTheCodesThresholdsWithTheirDefaultsAndReasons() throws Exception {
    String whole = Files.readString(Repo.path("docs/detections.md"));
    String doc =
        whole.substring(whole.indexOf("## Thresholds"), whole.indexOf("## How it is tested"));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| ([^|]+) \\| (.+) \\|$").matcher(doc);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1) + "=" + row.group(2).trim() + " " + row.group(3).trim());
    }
    List<String> defined = new ArrayList<>();
    for (Thresholds.Definition definition : Thresholds.DEFINITIONS) {
      defined.add(definition.name() + "=" + definition.defaultValue() + " " + definition.reason());
    }
    assertThat(documented).containsExactlyElementsOf(defined);
  }

  @Test
  void valuesAreReadInTheirUnitAndWrongOnesAreNamed() {
    Thresholds thresholds =
        Thresholds.defaults().with("recon.window", "90s").with("denial-of-wallet.factor", "2.5");

    assertThat(thresholds.millis("recon.window")).isEqualTo(90_000);
    assertThat(thresholds.millis("lateness")).isEqualTo(15 * 60_000);
    assertThat(thresholds.ratio("denial-of-wallet.factor")).isEqualTo(2.5);
    assertThat(thresholds.count("groundhog-day.min-repeats")).isEqualTo(6);
    assertThat(Thresholds.defaults().with("new-api.baseline", "7d").millis("new-api.baseline"))
        .isEqualTo(7 * 24 * 3_600_000L);
    assertThatThrownBy(() -> thresholds.with("recon.min-calls", "many"))
        .hasMessage("recon.min-calls takes a whole number, not 'many'");
    assertThatThrownBy(() -> thresholds.with("recon.window", "0m"))
        .hasMessage("recon.window must be more than 0, not 0m");
    assertThatThrownBy(() -> thresholds.with("recon.windw", "5m"))
        .hasMessageContaining("no threshold named 'recon.windw'");
  }

  @Test
  void aThresholdChangesWhatIsFound() {
    SimulatedAccount account = SimulatedAccount.of(DetectionAccuracyTest.settings(7));

    List<Detection> strict =
        SimulatedAccount.detect(
            account.events(), Thresholds.defaults().with("groundhog-day.min-repeats", "30"));

    assertThat(strict).extracting(Detection::type).doesNotContain("groundhog-day");
  }
}
