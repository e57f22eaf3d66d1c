package dev.warden.flink;

import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailInput;
import dev.warden.logs.TrailScan;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Thresholds;
import dev.warden.logs.detect.TrailAnalysis;
import dev.warden.logs.simulate.TrailSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stream tests publish: a simulated account's three days of CloudTrail (every kind of
 * attack) as JSON lines in event time, with one record cut short and one delivered twice — and what
 * the local engine finds in the same lines read from a file.
 */
final class StreamedTrail {

  final List<String> lines;
  final TrailAnalysis.Result local;

  private StreamedTrail(List<String> lines, TrailAnalysis.Result local) {
    this.lines = lines;
    this.local = local;
  }

  static StreamedTrail simulate(Path folder) throws Exception {
    ByteArrayOutputStream simulated = new ByteArrayOutputStream();
    new TrailSimulator(new TrailSimulator.Settings(11, 16, 3, 30, true)).writeJsonLines(simulated);
    List<String> lines =
        new ArrayList<>(List.of(simulated.toString(StandardCharsets.UTF_8).split("\n")));
    lines.add(lines.size() / 2, "{\"eventVersion\": \"1.08\", \"eventTime\": "); // cut short
    lines.add(lines.size() / 3, lines.get(lines.size() / 3)); // delivered twice
    Path trail = folder.resolve("trail.jsonl");
    Files.write(trail, lines);
    TrailAnalysis.Result local =
        TrailAnalysis.run(
            TrailInput.of(List.of(trail.toString())),
            2,
            TrailFilter.all(),
            Thresholds.defaults(),
            true,
            TrailScan.Progress.NONE);
    return new StreamedTrail(List.copyOf(lines), local);
  }

  /** The local engine's detections as the job writes them: one JSON line each. */
  List<String> detectionLines() throws Exception {
    List<String> expected = new ArrayList<>();
    for (Detection detection : local.detections()) {
      expected.add(Json.line(detection));
    }
    return expected;
  }

  /** The local engine's usage as the job writes it for a whole input. */
  String usageDocument() throws Exception {
    return Json.document(
        new UsageWindow(0, UsageWindow.END_OF_INPUT, local.usage().orElseThrow()).toJson());
  }
}
