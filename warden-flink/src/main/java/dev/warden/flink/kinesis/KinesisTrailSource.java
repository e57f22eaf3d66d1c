package dev.warden.flink.kinesis;

import dev.warden.flink.TrailItem;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * CloudTrail records from an Amazon Kinesis data stream (CloudTrail sent there by EventBridge or a
 * Lambda, or any producer of records): every shard, resharding included, read by the job's readers
 * with the last sequence number of each shard in Flink's checkpoints. Bounded, it reads each shard
 * until it has caught up with the stream, then ends (a backfill).
 */
public final class KinesisTrailSource implements Source<TrailItem, ShardSplit, Set<String>> {

  private static final long serialVersionUID = 1L;

  /**
   * What to read and how.
   *
   * @param stream the stream's name or ARN
   * @param start where shards of the first listing start: {@link ShardSplit#TRIM_HORIZON} or {@link
   *     ShardSplit#LATEST}
   * @param bounded end once every shard has caught up
   * @param discoveryMillis how often an endless source lists the shards again
   * @param pollMillis how long a reader waits when a round of its shards brought nothing
   * @param clients makes the Kinesis client where it runs
   */
  public record Settings(
      StreamName stream,
      String start,
      boolean bounded,
      long discoveryMillis,
      long pollMillis,
      KinesisClients clients)
      implements java.io.Serializable {

    /** The defaults: new shards looked for every 30 s, an idle round waits 200 ms. */
    public static Settings of(
        String stream, String start, boolean bounded, KinesisClients clients) {
      if (!start.equals(ShardSplit.TRIM_HORIZON) && !start.equals(ShardSplit.LATEST)) {
        throw new IllegalArgumentException(
            "a Kinesis stream is read from TRIM_HORIZON or LATEST, not " + start);
      }
      return new Settings(new StreamName(stream), start, bounded, 30_000L, 200L, clients);
    }
  }

  private final Settings settings;

  public KinesisTrailSource(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Boundedness getBoundedness() {
    return settings.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<TrailItem, ShardSplit> createReader(SourceReaderContext context) {
    return new ShardReader(settings, context);
  }

  @Override
  public SplitEnumerator<ShardSplit, Set<String>> createEnumerator(
      SplitEnumeratorContext<ShardSplit> context) {
    return new ShardEnumerator(context, settings, new TreeSet<>());
  }

  @Override
  public SplitEnumerator<ShardSplit, Set<String>> restoreEnumerator(
      SplitEnumeratorContext<ShardSplit> context, Set<String> assigned) {
    return new ShardEnumerator(context, settings, assigned);
  }

  @Override
  public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
    return new ShardSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Set<String>> getEnumeratorCheckpointSerializer() {
    return new AssignedShardsSerializer();
  }
}
