package dev.warden.flink.kinesis;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** The enumerator's checkpoint: the IDs of the shards already handed to a reader. */
final class AssignedShardsSerializer implements SimpleVersionedSerializer<Set<String>> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(Set<String> shards) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(32 * (shards.size() + 1));
    out.writeInt(shards.size());
    for (String shard : shards) {
      out.writeUTF(shard);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public Set<String> deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown version " + version + " of the Kinesis shard list");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int size = in.readInt();
    Set<String> shards = new TreeSet<>();
    for (int i = 0; i < size; i++) {
      shards.add(in.readUTF());
    }
    return shards;
  }
}
