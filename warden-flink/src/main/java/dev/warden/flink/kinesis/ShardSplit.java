package dev.warden.flink.kinesis;

import org.apache.flink.api.connector.source.SourceSplit;
import org.jspecify.annotations.Nullable;

/**
 * One shard of the stream, and where to go on reading it: after the last sequence number read, or —
 * when none was — at {@code start} ({@code TRIM_HORIZON}, the oldest record kept, or {@code
 * LATEST}, what comes from now on).
 */
public record ShardSplit(String shardId, String start, @Nullable String after)
    implements SourceSplit {

  /** The oldest record the stream keeps. */
  public static final String TRIM_HORIZON = "TRIM_HORIZON";

  /** Only what arrives after the reader starts. */
  public static final String LATEST = "LATEST";

  @Override
  public String splitId() {
    return shardId;
  }

  /** The same shard, read up to and including {@code sequence}. */
  ShardSplit readTo(String sequence) {
    return new ShardSplit(shardId, start, sequence);
  }
}
