package dev.warden.flink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.Test;

/**
 * How a reader goes through its shards: from where the last checkpoint left off, to the end of a
 * closed shard, until caught up when bounded, past throttling and expired iterators without losing
 * or repeating a record.
 */
class ShardPollerTest {

  private static List<byte[]> records(int count) {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(("record " + i).getBytes(StandardCharsets.UTF_8));
    }
    return records;
  }

  private static ShardPoller poller(String stream, boolean bounded, int throttleEvery) {
    return new ShardPoller(
        new KinesisTrailSource.Settings(
            new StreamName(stream),
            ShardSplit.TRIM_HORIZON,
            bounded,
            30_000L,
            10L,
            FakeKinesis.clients(stream, throttleEvery)));
  }

  /** What one fetch gave: "shard:sequence" per record, and the finished shards. */
  private record Fetched(List<String> records, Set<String> finished) {}

  private static Fetched fetch(ShardPoller poller) {
    RecordsWithSplitIds<ShardRecord> fetched = poller.fetch();
    List<String> records = new ArrayList<>();
    for (String split = fetched.nextSplit(); split != null; split = fetched.nextSplit()) {
      for (ShardRecord r = fetched.nextRecordFromSplit(); r != null; ) {
        records.add(r.shardId + ":" + Integer.parseInt(r.sequence));
        r = fetched.nextRecordFromSplit();
      }
    }
    return new Fetched(records, fetched.finishedSplits());
  }

  @Test
  void aRestoredShardGoesOnAfterTheLastRecordReadAndABoundedOneEndsWhenCaughtUp() {
    FakeKinesis.create(
        "resume", List.of(new FakeKinesis.FakeShard("shardId-0", records(5), false)));
    ShardPoller poller = poller("resume", true, 0);
    poller.handleSplitsChanges(
        new SplitsAddition<>(
            List.of(
                new ShardSplit("shardId-0", ShardSplit.TRIM_HORIZON, FakeKinesis.sequence(1)))));

    assertThat(fetch(poller))
        .isEqualTo(new Fetched(List.of("shardId-0:2", "shardId-0:3", "shardId-0:4"), Set.of()));
    assertThat(fetch(poller)).isEqualTo(new Fetched(List.of(), Set.of("shardId-0")));
  }

  @Test
  void aClosedShardEndsAtItsLastRecordAnOpenOneIsPolledOnWhenTheSourceIsEndless() {
    FakeKinesis.create(
        "reshard",
        List.of(
            new FakeKinesis.FakeShard("shardId-0", records(2), true),
            new FakeKinesis.FakeShard("shardId-1", records(1), false)));
    ShardPoller poller = poller("reshard", false, 0);
    poller.handleSplitsChanges(
        new SplitsAddition<>(
            List.of(
                new ShardSplit("shardId-0", ShardSplit.TRIM_HORIZON, null),
                new ShardSplit("shardId-1", ShardSplit.TRIM_HORIZON, null))));

    assertThat(fetch(poller))
        .isEqualTo(
            new Fetched(List.of("shardId-0:0", "shardId-0:1", "shardId-1:0"), Set.of("shardId-0")));
    assertThat(fetch(poller)).isEqualTo(new Fetched(List.of(), Set.of()));
    assertThat(fetch(poller)).isEqualTo(new Fetched(List.of(), Set.of()));
  }

  @Test
  void throttlingAndExpiredIteratorsNeitherLoseNorRepeatARecord() {
    List<byte[]> many = records(ShardPoller.LIMIT * 3 + 7);
    FakeKinesis.create("busy", List.of(new FakeKinesis.FakeShard("shardId-0", many, false)));
    ShardPoller poller = poller("busy", true, 3);
    poller.handleSplitsChanges(
        new SplitsAddition<>(List.of(new ShardSplit("shardId-0", ShardSplit.TRIM_HORIZON, null))));

    List<String> read = new ArrayList<>();
    Set<String> finished = Set.of();
    for (int round = 0; round < 20 && finished.isEmpty(); round++) {
      if (round == 2) {
        FakeKinesis.expireNextRead("busy");
      }
      Fetched fetched = fetch(poller);
      read.addAll(fetched.records());
      finished = fetched.finished();
    }

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < many.size(); i++) {
      expected.add("shardId-0:" + i);
    }
    assertThat(read).isEqualTo(expected);
    assertThat(finished).containsExactly("shardId-0");
  }

  @Test
  void splitsSurviveCheckpointsWithWhereTheyWere() throws Exception {
    ShardSplitSerializer serializer = new ShardSplitSerializer();
    for (ShardSplit split :
        List.of(
            new ShardSplit("shardId-000000000007", ShardSplit.LATEST, null),
            new ShardSplit("shardId-000000000007", ShardSplit.TRIM_HORIZON, "4960000000000001"))) {
      assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)))
          .isEqualTo(split);
    }
    AssignedShardsSerializer shards = new AssignedShardsSerializer();
    Set<String> assigned = new java.util.TreeSet<>(Set.of("shardId-1", "shardId-2"));
    assertThat(shards.deserialize(shards.getVersion(), shards.serialize(assigned)))
        .isEqualTo(assigned);
  }
}
