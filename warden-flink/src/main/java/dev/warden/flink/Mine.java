package dev.warden.flink;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The core's usage miner, one per principal and window of event time, in Flink state; each window's
 * usage is handed on when the watermark passes the window's end (for the whole input: when the
 * input ends), to be merged with the other principals'. Events that arrive after their window was
 * handed on are counted ({@value #LATE}), not mined: a window is written once.
 */
final class Mine extends KeyedProcessFunction<String, TrailEvent, UsageWindow> {

  private static final long serialVersionUID = 1L;

  static final String LATE = "warden.usageLate";

  private final long window;
  private transient MapState<Long, PermissionUsage> usage;
  private transient LongCounter late;

  /** Mines per window of {@code window} milliseconds, or {@link UsageWindow#WHOLE_INPUT}. */
  Mine(long window) {
    this.window = window;
  }

  @Override
  public void open(OpenContext context) {
    usage =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "usage", Types.LONG, JavaTypeInfo.mutable(PermissionUsage.class)));
    late = new LongCounter();
    getRuntimeContext().addAccumulator(LATE, late);
  }

  @Override
  public void processElement(TrailEvent event, Context context, Collector<UsageWindow> out)
      throws Exception {
    long start = UsageWindow.startOf(event.time(), window);
    long end = UsageWindow.endOf(start, window);
    if (end <= context.timerService().currentWatermark()) {
      late.add(1L);
      return;
    }
    PermissionUsage mine = usage.get(start);
    if (mine == null) {
      mine = new PermissionUsage(EventActions.bundled());
      context.timerService().registerEventTimeTimer(end);
    }
    mine.add(event);
    usage.put(start, mine);
  }

  @Override
  public void onTimer(long end, OnTimerContext context, Collector<UsageWindow> out)
      throws Exception {
    long start = UsageWindow.startOfEnd(end, window);
    PermissionUsage mine = usage.get(start);
    if (mine != null) {
      out.collect(new UsageWindow(start, end, mine));
      usage.remove(start);
    }
  }
}
