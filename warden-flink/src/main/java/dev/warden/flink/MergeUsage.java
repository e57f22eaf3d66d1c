package dev.warden.flink;

import dev.warden.logs.EventActions;
import dev.warden.logs.PermissionUsage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Merges every principal's usage into one document, written when the input ends. */
final class MergeUsage extends KeyedProcessFunction<Integer, PermissionUsage, String> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<PermissionUsage> merged;

  @Override
  public void open(OpenContext context) {
    merged =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("merged", JavaTypeInfo.mutable(PermissionUsage.class)));
  }

  @Override
  public void processElement(PermissionUsage usage, Context context, Collector<String> out)
      throws Exception {
    PermissionUsage all = merged.value();
    if (all == null) {
      all = new PermissionUsage(EventActions.bundled());
      context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }
    merged.update(all.merge(usage));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<String> out)
      throws Exception {
    PermissionUsage all = merged.value();
    if (all != null) {
      out.collect(Json.document(all.toJson()));
    }
  }
}
