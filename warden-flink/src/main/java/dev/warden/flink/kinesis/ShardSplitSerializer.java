package dev.warden.flink.kinesis;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** A shard split in checkpoints: its ID, start and last sequence number read. */
final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(ShardSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(split.shardId());
    out.writeUTF(split.start());
    String after = split.after();
    out.writeBoolean(after != null);
    if (after != null) {
      out.writeUTF(after);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown version " + version + " of a Kinesis shard split");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    String shardId = in.readUTF();
    String start = in.readUTF();
    String after = in.readBoolean() ? in.readUTF() : null;
    return new ShardSplit(shardId, start, after);
  }
}
