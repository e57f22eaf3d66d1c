package dev.warden.flink;

import dev.warden.logs.TrailReader;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the CloudTrail records of a Kafka message — one record, a few JSON lines, or a whole
 * CloudTrail file, gzipped or not — with the core's reader; a message that cannot be read becomes a
 * problem named {@code topic/partition@offset} with its line.
 */
final class TrailMessages implements KafkaRecordDeserializationSchema<TrailItem> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<TrailItem> out) {
    byte[] value = message.value();
    if (value == null) {
      return; // a tombstone carries no record
    }
    TrailReader.readMessage(
        message.topic() + "/" + message.partition() + "@" + message.offset(),
        value,
        event -> out.collect(TrailItem.of(event)),
        problem -> out.collect(TrailItem.of(problem)));
  }

  @Override
  public TypeInformation<TrailItem> getProducedType() {
    return JavaTypeInfo.immutable(TrailItem.class);
  }
}
