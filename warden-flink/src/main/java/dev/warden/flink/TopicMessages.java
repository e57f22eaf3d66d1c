package dev.warden.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Each JSON line (a detection, a usage document) as one message of {@code topic}, stamped with the
 * time it is written, not its event time: a detection found in last month's logs must not fall to
 * the topic's retention the moment it is written, and the end of an input's window is no time.
 */
final class TopicMessages implements KafkaRecordSerializationSchema<String> {

  private static final long serialVersionUID = 1L;

  private final String topic;

  TopicMessages(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      String line, KafkaSinkContext context, @Nullable Long eventTime) {
    return new ProducerRecord<>(
        topic, null, System.currentTimeMillis(), null, line.getBytes(StandardCharsets.UTF_8));
  }
}
