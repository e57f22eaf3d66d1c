package dev.warden.flink.kinesis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Kinesis in memory, for tests, answering as the service does where the source relies on it: shards
 * listed one per page (a later page names only its token, never the stream), iterators by position,
 * AFTER_SEQUENCE_NUMBER and the other starts, a closed shard's last page without a next iterator,
 * {@code millisBehindLatest}, and — to be survived — every {@code throttleEvery}th read throttled,
 * and the next read of a stream failing with an expired iterator when a test says so.
 */
public final class FakeKinesis implements KinesisClient {

  /** One shard: its records, and whether it was closed by a resharding. */
  public record FakeShard(String id, List<byte[]> records, boolean closed) {}

  private static final Map<String, List<FakeShard>> STREAMS = new ConcurrentHashMap<>();
  private static final Set<String> EXPIRING = ConcurrentHashMap.newKeySet();

  private final String name;
  private final int throttleEvery;
  private final AtomicLong reads = new AtomicLong();

  /** Creates (or replaces) the stream {@code name}. */
  public static void create(String name, List<FakeShard> shards) {
    STREAMS.put(name, List.copyOf(shards));
  }

  /** Clients of the stream {@code name}, made where the job runs. */
  public static KinesisClients clients(String name, int throttleEvery) {
    return () -> new FakeKinesis(name, throttleEvery);
  }

  /** The next read of the stream {@code name} finds its iterator expired. */
  public static void expireNextRead(String name) {
    EXPIRING.add(name);
  }

  public FakeKinesis(String name, int throttleEvery) {
    this.name = name;
    this.throttleEvery = throttleEvery;
  }

  @Override
  public ListShardsResponse listShards(ListShardsRequest request) {
    int from = 0;
    if (request.nextToken() != null) {
      if (request.streamName() != null || request.streamARN() != null) {
        throw InvalidArgumentException.builder()
            .message("NextToken and StreamName cannot be provided together")
            .build();
      }
      from = Integer.parseInt(request.nextToken());
    }
    List<FakeShard> shards = STREAMS.get(name);
    FakeShard shard = shards.get(from);
    return ListShardsResponse.builder()
        .shards(Shard.builder().shardId(shard.id()).build())
        .nextToken(from + 1 < shards.size() ? String.valueOf(from + 1) : null)
        .build();
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    FakeShard shard = shard(request.shardId());
    int position =
        switch (request.shardIteratorType()) {
          case TRIM_HORIZON -> 0;
          case LATEST -> shard.records().size();
          case AFTER_SEQUENCE_NUMBER -> Integer.parseInt(request.startingSequenceNumber()) + 1;
          case AT_SEQUENCE_NUMBER -> Integer.parseInt(request.startingSequenceNumber());
          default -> throw new UnsupportedOperationException(request.shardIteratorTypeAsString());
        };
    return GetShardIteratorResponse.builder().shardIterator(iterator(shard, position)).build();
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    if (throttleEvery > 0 && reads.incrementAndGet() % throttleEvery == 0) {
      throw ProvisionedThroughputExceededException.builder().message("slow down").build();
    }
    if (EXPIRING.remove(name)) {
      throw ExpiredIteratorException.builder().message("Iterator expired").build();
    }
    String iterator = request.shardIterator();
    int bar = iterator.indexOf('|');
    FakeShard shard = shard(iterator.substring(0, bar));
    int from = Integer.parseInt(iterator.substring(bar + 1));
    int to = Math.min(shard.records().size(), from + request.limit());
    List<Record> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(
          Record.builder()
              .sequenceNumber(sequence(i))
              .data(SdkBytes.fromByteArray(shard.records().get(i)))
              .approximateArrivalTimestamp(Instant.EPOCH)
              .partitionKey("k")
              .build());
    }
    boolean ended = shard.closed() && to == shard.records().size();
    return GetRecordsResponse.builder()
        .records(records)
        .nextShardIterator(ended ? null : iterator(shard, to))
        .millisBehindLatest(to < shard.records().size() ? 60_000L : 0L)
        .build();
  }

  static String sequence(int index) {
    return String.format("%021d", index);
  }

  private static String iterator(FakeShard shard, int position) {
    return shard.id() + "|" + position;
  }

  private FakeShard shard(String id) {
    return STREAMS.get(name).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Override
  public String serviceName() {
    return "kinesis";
  }

  @Override
  public void close() {}
}
