package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.detect.Detector;
import dev.warden.logs.detect.Detectors;
import dev.warden.logs.detect.Thresholds;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Sends each event to every (detector, key) it concerns, as the local engine does. */
final class Route extends RichFlatMapFunction<TrailEvent, Routed> {

  private static final long serialVersionUID = 1L;

  private final Thresholds thresholds;
  private transient List<Detector<?>> detectors;

  Route(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Override
  public void open(OpenContext context) {
    detectors = Detectors.all(thresholds);
  }

  @Override
  public void flatMap(TrailEvent event, Collector<Routed> out) {
    boolean first = true;
    for (int d = 0; d < detectors.size(); d++) {
      for (String key : detectors.get(d).keys(event)) {
        out.collect(new Routed(d, key, event, first));
        first = false;
      }
    }
  }
}
