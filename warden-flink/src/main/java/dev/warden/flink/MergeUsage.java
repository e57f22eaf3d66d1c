package dev.warden.flink;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Merges every principal's usage of one window (the key: the window's start) into one document,
 * handed on when the watermark passes the window's end — by then every principal's part has come,
 * since each was sent before the watermark that passed the end.
 */
final class MergeUsage extends KeyedProcessFunction<Long, UsageWindow, UsageWindow> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<UsageWindow> merged;

  @Override
  public void open(OpenContext context) {
    merged =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("merged", JavaTypeInfo.mutable(UsageWindow.class)));
  }

  @Override
  public void processElement(UsageWindow part, Context context, Collector<UsageWindow> out)
      throws Exception {
    UsageWindow all = merged.value();
    if (all == null) {
      all = new UsageWindow(part.start(), part.end(), new PermissionUsage(EventActions.bundled()));
      context.timerService().registerEventTimeTimer(part.end());
    }
    all.usage().merge(part.usage());
    merged.update(all);
  }

  @Override
  public void onTimer(long end, OnTimerContext context, Collector<UsageWindow> out)
      throws Exception {
    UsageWindow all = merged.value();
    if (all != null) {
      out.collect(all);
      merged.clear();
    }
  }
}
