package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops the copies of an event delivered twice, keyed by event ID: an ID is remembered until event
 * time has moved {@code window} past it, so state stays bounded. Events without an ID pass.
 */
final class Dedup extends KeyedProcessFunction<String, TrailEvent, TrailEvent> {

  private static final long serialVersionUID = 1L;

  static final String DUPLICATES = "warden.duplicates";

  private final long window;
  private transient ValueState<Boolean> seen;
  private transient LongCounter duplicates;

  Dedup(long window) {
    this.window = window;
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.BOOLEAN));
    duplicates = new LongCounter();
    getRuntimeContext().addAccumulator(DUPLICATES, duplicates);
  }

  @Override
  public void processElement(TrailEvent event, Context context, Collector<TrailEvent> out)
      throws Exception {
    if (event.id().isEmpty()) {
      out.collect(event);
      return;
    }
    if (seen.value() != null) {
      duplicates.add(1L);
      return;
    }
    seen.update(true);
    context.timerService().registerEventTimeTimer(Math.max(event.time(), 0) + window);
    out.collect(event);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<TrailEvent> out) {
    seen.clear();
  }
}
