package dev.warden.flink.kinesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Lists the stream's shards and hands each new one to a reader (always the same reader for a shard:
 * its ID's hash modulo the parallelism). Shards of the first listing start where the job was told;
 * shards found later are children of a resharding and start at their first record, so nothing
 * written after the job started is missed. A bounded source lists once.
 */
final class ShardEnumerator implements SplitEnumerator<ShardSplit, Set<String>> {

  private static final Logger LOG = LoggerFactory.getLogger(ShardEnumerator.class);

  private final SplitEnumeratorContext<ShardSplit> context;
  private final KinesisTrailSource.Settings settings;
  private final Set<String> assigned;
  private final Map<Integer, List<ShardSplit>> pending = new HashMap<>();
  private @Nullable KinesisClient client;
  private boolean listed;

  ShardEnumerator(
      SplitEnumeratorContext<ShardSplit> context,
      KinesisTrailSource.Settings settings,
      Set<String> assigned) {
    this.context = context;
    this.settings = settings;
    this.assigned = new TreeSet<>(assigned);
  }

  @Override
  public void start() {
    if (settings.bounded()) {
      context.callAsync(this::listShards, this::handOut);
    } else {
      context.callAsync(this::listShards, this::handOut, 0, settings.discoveryMillis());
    }
  }

  /** Every shard of the stream the stream still keeps, in ID order (parents before children). */
  private List<String> listShards() {
    if (client == null) {
      client = settings.clients().get();
    }
    List<String> shards = new ArrayList<>();
    String next = null;
    do {
      ListShardsRequest.Builder request = ListShardsRequest.builder();
      if (next == null) {
        settings.stream().into(request);
      } else {
        request.nextToken(next);
      }
      ListShardsResponse response = client.listShards(request.build());
      response.shards().stream().map(Shard::shardId).forEach(shards::add);
      next = response.nextToken();
    } while (next != null);
    shards.sort(null);
    return shards;
  }

  private void handOut(@Nullable List<String> shards, @Nullable Throwable error) {
    if (error != null || shards == null) {
      if (settings.bounded() || !listed) {
        throw new FlinkRuntimeException(
            "cannot list the shards of Kinesis stream " + settings.stream(), error);
      }
      LOG.warn(
          "cannot list the shards of Kinesis stream {}; trying again", settings.stream(), error);
      return;
    }
    Set<String> waiting = new TreeSet<>();
    pending.values().forEach(list -> list.forEach(split -> waiting.add(split.shardId())));
    for (String shard : shards) {
      if (!assigned.contains(shard) && !waiting.contains(shard)) {
        String start = listed ? ShardSplit.TRIM_HORIZON : settings.start();
        pending
            .computeIfAbsent(owner(shard), owner -> new ArrayList<>())
            .add(new ShardSplit(shard, start, null));
      }
    }
    listed = true;
    context.registeredReaders().keySet().forEach(this::assignPending);
  }

  private int owner(String shard) {
    return Math.floorMod(shard.hashCode(), context.currentParallelism());
  }

  private void assignPending(int reader) {
    List<ShardSplit> splits = pending.remove(reader);
    if (splits != null && context.registeredReaders().containsKey(reader)) {
      context.assignSplits(
          new org.apache.flink.api.connector.source.SplitsAssignment<>(Map.of(reader, splits)));
      splits.forEach(split -> assigned.add(split.shardId()));
    } else if (splits != null) {
      pending.put(reader, splits);
    }
    if (settings.bounded() && listed && !pending.containsKey(reader)) {
      context.signalNoMoreSplits(reader);
    }
  }

  @Override
  public void handleSplitRequest(int subtask, @Nullable String requesterHostname) {
    // splits are pushed to their readers, never asked for
  }

  @Override
  public void addSplitsBack(List<ShardSplit> splits, int subtask) {
    // a failed reader's splits since the last checkpoint, with their progress; back when it returns
    pending.computeIfAbsent(subtask, s -> new ArrayList<>()).addAll(splits);
    splits.forEach(split -> assigned.remove(split.shardId()));
  }

  @Override
  public void addReader(int subtask) {
    if (listed) {
      assignPending(subtask);
    }
  }

  @Override
  public Set<String> snapshotState(long checkpointId) {
    return new TreeSet<>(assigned);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
