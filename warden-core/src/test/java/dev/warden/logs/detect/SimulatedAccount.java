package dev.warden.logs.detect;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.TrailReader;
import dev.warden.logs.simulate.Label;
import dev.warden.logs.simulate.TrailSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A simulated account's trail, read back as events, with its labels; built once per settings. */
record SimulatedAccount(List<TrailEvent> events, List<Label> labels) {

  private static final java.util.Map<TrailSimulator.Settings, SimulatedAccount> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  static SimulatedAccount of(TrailSimulator.Settings settings) {
    return CACHE.computeIfAbsent(settings, SimulatedAccount::simulate);
  }

  private static SimulatedAccount simulate(TrailSimulator.Settings settings) {
    TrailSimulator simulator = new TrailSimulator(settings);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      simulator.writeJsonLines(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<TrailEvent> events = new ArrayList<>();
    List<TrailProblem> problems = new ArrayList<>();
    TrailReader.read(
        "simulated.jsonl",
        new ByteArrayInputStream(bytes.toByteArray()),
        events::add,
        problems::add);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the simulator wrote unreadable records: " + problems);
    }
    return new SimulatedAccount(List.copyOf(events), simulator.labels());
  }

  /** Runs the local engine over the events, in the given order. */
  static List<Detection> detect(List<TrailEvent> events, Thresholds thresholds) {
    LocalDetection engine = LocalDetection.of(thresholds);
    events.forEach(engine::add);
    return engine.finish();
  }
}
