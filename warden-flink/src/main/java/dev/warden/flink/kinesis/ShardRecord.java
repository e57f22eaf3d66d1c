package dev.warden.flink.kinesis;

/** One Kinesis record as its poller fetched it: the shard, its sequence number and its bytes. */
final class ShardRecord {

  final String shardId;
  final String sequence;
  final byte[] data;

  ShardRecord(String shardId, String sequence, byte[] data) {
    this.shardId = shardId;
    this.sequence = sequence;
    this.data = data;
  }
}
