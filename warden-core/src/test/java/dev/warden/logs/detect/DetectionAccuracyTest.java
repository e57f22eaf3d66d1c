package dev.warden.logs.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.simulate.Label;
import dev.warden.logs.simulate.TrailSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precision and recall of every detector on simulated accounts: three days of a few dozen functions
 * with their normal traffic, the benign look-alikes of every attack, and labelled attacks.
 */
class DetectionAccuracyTest {

  /** How far a detection may lie outside its attack's time and still be about it. */
  private static final long SLACK = 3_600_000L;

  static TrailSimulator.Settings settings(long seed) {
    return new TrailSimulator.Settings(seed, 24, 3, 40, true);
  }

  /** Per type: detections, those about a labelled attack, labels, labels found. */
  record Score(int detections, int correct, int labels, int found) {
    double precision() {
      return detections == 0 ? 1 : correct / (double) detections;
    }

    double recall() {
      return labels == 0 ? 1 : found / (double) labels;
    }
  }

  static boolean about(Detection detection, Label label) {
    return label.types().contains(detection.type())
        && label.principal().equals(detection.principal())
        && detection.start() <= label.end() + SLACK
        && detection.end() >= label.start() - SLACK;
  }

  static Map<String, Score> score(List<Detection> detections, List<Label> labels) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String type : Detectors.types()) {
      List<Detection> ofType = detections.stream().filter(d -> d.type().equals(type)).toList();
      List<Label> expecting = labels.stream().filter(l -> l.types().contains(type)).toList();
      int correct =
          (int) ofType.stream().filter(d -> expecting.stream().anyMatch(l -> about(d, l))).count();
      int found =
          (int) expecting.stream().filter(l -> ofType.stream().anyMatch(d -> about(d, l))).count();
      scores.put(type, new Score(ofType.size(), correct, expecting.size(), found));
    }
    return scores;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 11, 2026})
  void everyInjectedAttackIsFoundAndNothingElseIsReported(long seed) {
    SimulatedAccount account = SimulatedAccount.of(settings(seed));
    List<Detection> detections = SimulatedAccount.detect(account.events(), Thresholds.defaults());

    Map<String, Score> scores = score(detections, account.labels());

    assertThat(account.labels()).hasSize(10);
    scores.forEach(
        (type, score) -> {
          assertThat(score.labels()).as("%s attacks injected", type).isPositive();
          assertThat(score.recall()).as("%s recall: %s", type, score).isEqualTo(1.0);
          assertThat(score.precision()).as("%s precision: %s", type, score).isEqualTo(1.0);
        });
  }

  @Test
  void anAccountWithOnlyNormalTrafficAndLookAlikesRaisesNothing() {
    SimulatedAccount account =
        SimulatedAccount.of(new TrailSimulator.Settings(7, 24, 3, 40, false));

    List<Detection> detections = SimulatedAccount.detect(account.events(), Thresholds.defaults());

    assertThat(account.labels()).isEmpty();
    assertThat(detections).isEmpty();
  }

  @Test
  void eventsDeliveredOutOfOrderWithinTheLatenessGiveTheSameDetections() {
    SimulatedAccount account = SimulatedAccount.of(settings(7));
    List<TrailEvent> shuffled = new ArrayList<>(account.events());
    Random random = new Random(1);
    // each event moved by up to ten minutes, as files delivered late and read side by side are
    List<long[]> keys = new ArrayList<>();
    for (int i = 0; i < shuffled.size(); i++) {
      keys.add(new long[] {shuffled.get(i).time() + random.nextInt(600_000), i});
    }
    keys.sort((a, b) -> Long.compare(a[0], b[0]));
    List<TrailEvent> delivered = new ArrayList<>();
    for (long[] key : keys) {
      delivered.add(shuffled.get((int) key[1]));
    }

    List<Detection> inOrder = SimulatedAccount.detect(account.events(), Thresholds.defaults());
    List<Detection> outOfOrder = SimulatedAccount.detect(delivered, Thresholds.defaults());

    assertThat(outOfOrder).isEqualTo(inOrder);
  }

  @Test
  void everyDetectionSaysWhyItIsNotTheBenignLookAlikeAndCarriesItsEvents() {
    SimulatedAccount account = SimulatedAccount.of(settings(7));

    List<Detection> detections = SimulatedAccount.detect(account.events(), Thresholds.defaults());

    assertThat(detections).isNotEmpty().isSortedAccordingTo(Detection.ORDER);
    for (Detection detection : detections) {
      assertThat((List<?>) detection.evidence().get("whyNotBenign"))
          .as(detection.type())
          .isNotEmpty();
      assertThat(detection.eventIds()).hasSizeBetween(1, Detection.KEPT_IDS);
      assertThat(detection.eventCount()).isGreaterThanOrEqualTo(detection.eventIds().size());
      assertThat(detection.start()).isLessThanOrEqualTo(detection.end());
      assertThat(detection.principal()).startsWith("arn:aws:iam::111122223333:");
    }
  }
}
