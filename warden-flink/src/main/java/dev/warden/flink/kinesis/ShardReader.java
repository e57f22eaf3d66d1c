package dev.warden.flink.kinesis;

import dev.warden.flink.TrailItem;
import dev.warden.logs.TrailReader;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * A reader of some of the stream's shards: one thread polls them ({@link ShardPoller}), and each
 * record is read with the core's reader — one CloudTrail record, a few JSON lines or a whole
 * delivered file, gzipped or not; a record that cannot be read becomes a problem named {@code
 * stream/shard@sequence}. The split's state is the last sequence number handed on.
 */
@SuppressWarnings("try") // Flink's SourceReaderBase.close() declares Exception, not ours to change
final class ShardReader
    extends SingleThreadMultiplexSourceReaderBase<
        ShardRecord, TrailItem, ShardSplit, ShardSplit[]> {

  ShardReader(KinesisTrailSource.Settings settings, SourceReaderContext context) {
    super(
        () -> new ShardPoller(settings),
        (record, output, state) -> {
          TrailReader.readMessage(
              settings.stream() + "/" + record.shardId + "@" + record.sequence,
              record.data,
              event -> output.collect(TrailItem.of(event)),
              problem -> output.collect(TrailItem.of(problem)));
          state[0] = state[0].readTo(record.sequence);
        },
        new Configuration(),
        context);
  }

  @Override
  public void start() {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, ShardSplit[]> finished) {
    // a finished shard is read to its end: nothing to keep
  }

  @Override
  protected ShardSplit[] initializedState(ShardSplit split) {
    return new ShardSplit[] {split};
  }

  @Override
  protected ShardSplit toSplitType(String splitId, ShardSplit[] state) {
    return state[0];
  }
}
