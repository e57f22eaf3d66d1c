package dev.warden.flink;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The core's usage miner, one per principal, in Flink state; each principal's usage is handed on
 * when the input ends (the final watermark), to be merged into one document.
 */
final class Mine extends KeyedProcessFunction<String, TrailEvent, PermissionUsage> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<PermissionUsage> usage;

  @Override
  public void open(OpenContext context) {
    usage =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("usage", JavaTypeInfo.mutable(PermissionUsage.class)));
  }

  @Override
  public void processElement(TrailEvent event, Context context, Collector<PermissionUsage> out)
      throws Exception {
    PermissionUsage mine = usage.value();
    if (mine == null) {
      mine = new PermissionUsage(EventActions.bundled());
      context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }
    mine.add(event);
    usage.update(mine);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<PermissionUsage> out)
      throws Exception {
    PermissionUsage mine = usage.value();
    if (mine != null) {
      out.collect(mine);
      usage.clear();
    }
  }
}
