package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Detector;
import dev.warden.logs.detect.Detectors;
import dev.warden.logs.detect.KeyFeed;
import dev.warden.logs.detect.Thresholds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One detector's state machine for one key, as Flink state: events wait in state until the
 * watermark passes them (an event-time timer at their time), then are fed in time order with the
 * core's {@link KeyFeed}, and the detector's next wake-up becomes another timer. Events that come
 * behind the watermark are late: counted once per event and left out, as in the local engine.
 */
final class Detect extends KeyedProcessFunction<String, Routed, Detection> {

  private static final long serialVersionUID = 1L;

  static final String LATE = "warden.late";

  private final Thresholds thresholds;
  private transient List<Detector<?>> detectors;
  private transient ValueState<Serializable> state;
  private transient MapState<Long, ArrayList<TrailEvent>> waiting;
  private transient LongCounter late;

  Detect(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext context) {
    detectors = Detectors.all(thresholds);
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("state", JavaTypeInfo.mutable(Serializable.class)));
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting",
                    Types.LONG,
                    JavaTypeInfo.mutable(
                        (Class<ArrayList<TrailEvent>>) (Class<?>) ArrayList.class)));
    late = new LongCounter();
    getRuntimeContext().addAccumulator(LATE, late);
  }

  @Override
  public void processElement(Routed routed, Context context, Collector<Detection> out)
      throws Exception {
    TrailEvent event = Objects.requireNonNull(routed.event);
    if (event.time() <= context.timerService().currentWatermark()) {
      if (routed.first) {
        late.add(1L);
      }
      return;
    }
    ArrayList<TrailEvent> at = waiting.get(event.time());
    if (at == null) {
      at = new ArrayList<>();
    }
    at.add(event);
    waiting.put(event.time(), at);
    context.timerService().registerEventTimeTimer(event.time());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<Detection> out)
      throws Exception {
    String key = context.getCurrentKey();
    int slash = key.indexOf('/');
    Detector<Serializable> detector =
        KeyFeed.typed(detectors.get(Integer.parseInt(key.substring(0, slash))));
    List<TrailEvent> due = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (Iterator<Map.Entry<Long, ArrayList<TrailEvent>>> it = waiting.iterator(); it.hasNext(); ) {
      Map.Entry<Long, ArrayList<TrailEvent>> entry = it.next();
      if (entry.getKey() <= timestamp) {
        due.addAll(entry.getValue());
        times.add(entry.getKey());
      }
    }
    for (Long time : times) {
      waiting.remove(time);
    }
    due.sort(KeyFeed.ORDER);
    Serializable current = state.value();
    if (current == null) {
      current = detector.newState(key.substring(slash + 1));
    }
    long wake = KeyFeed.feed(detector, current, due, timestamp, out::collect);
    if (detector.idle(current) && waiting.isEmpty()) {
      state.clear();
    } else {
      state.update(current);
    }
    if (wake != Detector.NEVER) {
      context.timerService().registerEventTimeTimer(wake);
    }
  }
}
