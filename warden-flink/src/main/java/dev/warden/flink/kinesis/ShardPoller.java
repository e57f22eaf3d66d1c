package dev.warden.flink.kinesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Polls the shards of one reader in turn with GetRecords. A shard is finished when Kinesis says it
 * ends (a closed parent of a resharding, read to its end) or — for a bounded source — when it has
 * caught up with the stream. Throttling skips the shard for a round; an expired iterator is asked
 * for again after the last record read. When a round brings nothing, the poller waits {@link
 * KinesisTrailSource.Settings#pollMillis()} (Kinesis allows five reads a second per shard).
 */
final class ShardPoller implements SplitReader<ShardRecord, ShardSplit> {

  /** Records per GetRecords call (Kinesis allows 10,000). */
  static final int LIMIT = 1_000;

  /** Where a shard is: its split (with the last sequence read) and the iterator to read on. */
  private static final class Position {
    ShardSplit split;
    @Nullable String iterator;

    Position(ShardSplit split) {
      this.split = split;
    }
  }

  private final KinesisTrailSource.Settings settings;
  private final Map<String, Position> shards = new LinkedHashMap<>();
  private final Object pause = new Object();
  private volatile boolean woken;
  private @Nullable KinesisClient client;

  ShardPoller(KinesisTrailSource.Settings settings) {
    this.settings = settings;
  }

  @Override
  public RecordsWithSplitIds<ShardRecord> fetch() {
    KinesisClient kinesis = client();
    RecordsBySplits.Builder<ShardRecord> fetched = new RecordsBySplits.Builder<>();
    boolean progress = false;
    for (Position position : new ArrayList<>(shards.values())) {
      if (woken) {
        break;
      }
      String shard = position.split.shardId();
      GetRecordsResponse response;
      try {
        if (position.iterator == null) {
          position.iterator = iterator(kinesis, position.split);
        }
        response =
            kinesis.getRecords(
                GetRecordsRequest.builder().shardIterator(position.iterator).limit(LIMIT).build());
      } catch (ExpiredIteratorException e) {
        position.iterator = null; // asked for again, after the last record read
        continue;
      } catch (ProvisionedThroughputExceededException e) {
        continue; // this shard's turn is over for this round
      }
      for (Record record : response.records()) {
        fetched.add(
            shard, new ShardRecord(shard, record.sequenceNumber(), record.data().asByteArray()));
        position.split = position.split.readTo(record.sequenceNumber());
        progress = true;
      }
      position.iterator = response.nextShardIterator();
      Long behind = response.millisBehindLatest();
      boolean caughtUp =
          settings.bounded() && response.records().isEmpty() && (behind == null || behind == 0);
      if (position.iterator == null || caughtUp) {
        fetched.addFinishedSplit(shard);
        shards.remove(shard);
        progress = true;
      }
    }
    if (!progress) {
      idle();
    }
    woken = false;
    return fetched.build();
  }

  /** Waits a poll interval, or until woken. */
  private void idle() {
    long until = System.nanoTime() + settings.pollMillis() * 1_000_000L;
    synchronized (pause) {
      long left;
      while (!woken && (left = until - System.nanoTime()) > 0) {
        try {
          pause.wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private String iterator(KinesisClient kinesis, ShardSplit split) {
    GetShardIteratorRequest.Builder request =
        settings.stream().into(GetShardIteratorRequest.builder()).shardId(split.shardId());
    String after = split.after();
    if (after != null) {
      request
          .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
          .startingSequenceNumber(after);
    } else {
      request.shardIteratorType(ShardIteratorType.fromValue(split.start()));
    }
    return kinesis.getShardIterator(request.build()).shardIterator();
  }

  private KinesisClient client() {
    if (client == null) {
      client = settings.clients().get();
    }
    return client;
  }

  @Override
  public void handleSplitsChanges(SplitsChange<ShardSplit> changes) {
    if (changes instanceof SplitsAddition<ShardSplit> added) {
      for (ShardSplit split : added.splits()) {
        shards.put(split.shardId(), new Position(split));
      }
    }
  }

  @Override
  public void wakeUp() {
    woken = true;
    synchronized (pause) {
      pause.notifyAll();
    }
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
