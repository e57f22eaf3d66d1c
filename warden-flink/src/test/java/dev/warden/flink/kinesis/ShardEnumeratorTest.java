package dev.warden.flink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

/**
 * How the shards of a stream reach the readers: each shard to one reader, always the same; the
 * children of a resharding found by listing again and read from their first record; nothing handed
 * out twice after a restore; a bounded source telling each reader when there is no more.
 */
class ShardEnumeratorTest {

  private static final String S0 = "shardId-000000000000";
  private static final String S1 = "shardId-000000000001";
  private static final String S2 = "shardId-000000000002";

  private static void stream(String name, String... shards) {
    List<FakeKinesis.FakeShard> list = new ArrayList<>();
    for (String shard : shards) {
      list.add(new FakeKinesis.FakeShard(shard, List.of(), false));
    }
    FakeKinesis.create(name, list);
  }

  private static KinesisTrailSource.Settings settings(
      String stream, String start, boolean bounded) {
    return KinesisTrailSource.Settings.of(stream, start, bounded, FakeKinesis.clients(stream, 0));
  }

  private static MockSplitEnumeratorContext<ShardSplit> twoReaders(int... registered) {
    MockSplitEnumeratorContext<ShardSplit> context = new MockSplitEnumeratorContext<>(2);
    for (int reader : registered) {
      context.registerReader(new ReaderInfo(reader, "host"));
    }
    return context;
  }

  /** Every split handed out so far, by shard ID, and which reader got it. */
  private static Map<String, Integer> owners(MockSplitEnumeratorContext<ShardSplit> context) {
    Map<String, Integer> owners = new TreeMap<>();
    for (SplitsAssignment<ShardSplit> assignment : context.getSplitsAssignmentSequence()) {
      assignment
          .assignment()
          .forEach(
              (reader, splits) -> {
                for (ShardSplit split : splits) {
                  assertThat(owners.put(split.shardId(), reader)).as("handed out twice").isNull();
                }
              });
    }
    return owners;
  }

  private static List<ShardSplit> splits(MockSplitEnumeratorContext<ShardSplit> context) {
    List<ShardSplit> all = new ArrayList<>();
    context
        .getSplitsAssignmentSequence()
        .forEach(a -> a.assignment().values().forEach(all::addAll));
    return all;
  }

  @Test
  void anEndlessSourceFindsTheChildrenOfAReshardingAndReadsThemFromTheirFirstRecord()
      throws Throwable {
    stream("reshard-enum", S0, S1);
    MockSplitEnumeratorContext<ShardSplit> context = twoReaders(0, 1);
    ShardEnumerator enumerator =
        new ShardEnumerator(context, settings("reshard-enum", ShardSplit.LATEST, false), Set.of());
    enumerator.start();
    context.runPeriodicCallable(0);

    assertThat(owners(context)).containsOnlyKeys(S0, S1);
    assertThat(splits(context)).allMatch(split -> split.start().equals(ShardSplit.LATEST));

    stream("reshard-enum", S0, S1, S2);
    context.runPeriodicCallable(0);

    assertThat(owners(context)).containsOnlyKeys(S0, S1, S2);
    assertThat(splits(context))
        .filteredOn(split -> split.shardId().equals(S2))
        .singleElement()
        .extracting(ShardSplit::start)
        .isEqualTo(ShardSplit.TRIM_HORIZON);
    assertThat(enumerator.snapshotState(1)).containsExactly(S0, S1, S2);
    assertThat(context.hasNoMoreSplits(0)).isFalse();
  }

  @Test
  void aRestoredEnumeratorHandsOutOnlyShardsNoReaderHad() throws Throwable {
    stream("restore-enum", S0, S1, S2);
    MockSplitEnumeratorContext<ShardSplit> context = twoReaders(0, 1);
    ShardEnumerator enumerator =
        new ShardEnumerator(
            context, settings("restore-enum", ShardSplit.TRIM_HORIZON, false), Set.of(S0, S1));
    enumerator.start();
    context.runPeriodicCallable(0);

    assertThat(owners(context)).containsOnlyKeys(S2);
  }

  @Test
  void aBoundedSourceTellsEachReaderThereIsNoMoreOnceItHasItsShards() throws Throwable {
    stream("bounded-enum", S0, S1, S2);
    MockSplitEnumeratorContext<ShardSplit> context = twoReaders(0);
    ShardEnumerator enumerator =
        new ShardEnumerator(
            context, settings("bounded-enum", ShardSplit.TRIM_HORIZON, true), Set.of());
    enumerator.start();
    context.runNextOneTimeCallable();

    assertThat(context.hasNoMoreSplits(0)).isTrue();
    assertThat(context.hasNoMoreSplits(1)).isFalse();
    assertThat(owners(context)).doesNotContainValue(1);

    context.registerReader(new ReaderInfo(1, "host"));
    enumerator.addReader(1);

    assertThat(owners(context)).containsOnlyKeys(S0, S1, S2);
    assertThat(context.hasNoMoreSplits(1)).isTrue();
  }

  @Test
  void splitsGivenBackGoOnWhereTheirReaderLeftOff() throws Throwable {
    stream("back-enum", S0);
    MockSplitEnumeratorContext<ShardSplit> context = twoReaders(0, 1);
    ShardEnumerator enumerator =
        new ShardEnumerator(
            context, settings("back-enum", ShardSplit.TRIM_HORIZON, false), Set.of());
    enumerator.start();
    context.runPeriodicCallable(0);
    int owner = owners(context).get(S0);

    ShardSplit progressed = new ShardSplit(S0, ShardSplit.TRIM_HORIZON, "000000000000000000042");
    enumerator.addSplitsBack(List.of(progressed), owner);
    assertThat(enumerator.snapshotState(2)).isEmpty();
    context.runPeriodicCallable(0); // listing again does not hand it out a second time
    enumerator.addReader(owner);

    List<ShardSplit> all = splits(context);
    assertThat(all).hasSize(2).last().isEqualTo(progressed);
  }
}
