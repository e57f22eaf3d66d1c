package dev.warden.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.simulate.TrailSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reads CloudTrail records from a Kafka topic and writes detections and usage to topics,
 * against a real (in-process) Kafka broker: it finds exactly what the local engine finds in the
 * same records, skips and counts the broken and the repeated ones, and on a stream writes one usage
 * document per day of event time.
 */
class KafkaJobTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.twoSlots();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRAIL = "cloudtrail";

  @TempDir static Path folder;

  static KafkaClusterTestKit kafka;
  static StreamedTrail trail;

  @BeforeAll
  static void startKafkaAndPublishATrail() throws Exception {
    kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TRAIL, 2, (short) 1),
                  new NewTopic("detections", 1, (short) 1),
                  new NewTopic("usage", 1, (short) 1),
                  new NewTopic("daily-usage", 1, (short) 1),
                  new NewTopic("daily-detections", 1, (short) 1)))
          .all()
          .get();
    }
    trail = StreamedTrail.simulate(folder);
    List<String> lines = trail.lines;
    Properties properties = kafka.clientProperties();
    properties.put("key.serializer", ByteArraySerializer.class.getName());
    properties.put("value.serializer", ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    TRAIL, i % 2, null, lines.get(i).getBytes(StandardCharsets.UTF_8))));
      }
      for (java.util.concurrent.Future<?> each : sent) {
        each.get();
      }
    }
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void fromTopicToTopicTheJobFindsWhatTheLocalEngineFinds() throws Exception {
    JobExecutionResult result =
        run(
            "--kafka-brokers",
            kafka.bootstrapServers(),
            "--kafka-topic",
            TRAIL,
            "--kafka-group",
            "whole",
            "--bounded",
            "--kafka-output-topic",
            "detections",
            "--kafka-usage-topic",
            "usage");

    List<String> expected = trail.detectionLines();
    assertThat(trail.local.detections())
        .extracting(Detection::type)
        .contains("groundhog-day", "credential-exfiltration", "denial-of-wallet");
    assertThat(new TreeSet<>(consume("detections"))).isEqualTo(new TreeSet<>(expected));
    assertThat(consume("detections")).hasSize(expected.size());
    assertThat(consume("usage")).containsExactly(trail.usageDocument());
    assertThat((Long) result.getAccumulatorResult(Reading.PROBLEMS)).isEqualTo(1);
    assertThat((Long) result.getAccumulatorResult(Dedup.DUPLICATES)).isEqualTo(1);
    List<String> problems = result.getAccumulatorResult(Reading.PROBLEM_LIST);
    assertThat(problems).singleElement().asString().matches("cloudtrail/[01]@\\d+\t1\t.+");
    long read = result.getAccumulatorResult(Reading.EVENTS);
    assertThat(read - 1)
        .isEqualTo(trail.local.read().events()); // the local count leaves out copies
  }

  @Test
  void onAStreamUsageIsWrittenOncePerDayOfEventTime() throws Exception {
    run(
        "--kafka-brokers",
        kafka.bootstrapServers(),
        "--kafka-topic",
        TRAIL,
        "--kafka-group",
        "daily",
        "--bounded",
        "--usage-window",
        "1d",
        "--kafka-output-topic",
        "daily-detections",
        "--kafka-usage-topic",
        "daily-usage");

    List<JsonNode> days = new ArrayList<>();
    for (String document : consume("daily-usage")) {
      days.add(JSON.readTree(document));
    }
    Instant start = TrailSimulator.START;
    assertThat(days)
        .extracting(d -> d.path("period").path("start").asText())
        .containsExactlyInAnyOrder(
            start.toString(),
            start.plus(Duration.ofDays(1)).toString(),
            start.plus(Duration.ofDays(2)).toString());
    for (JsonNode day : days) {
      Instant from = Instant.parse(day.path("period").path("start").asText());
      assertThat(Instant.parse(day.path("period").path("end").asText()))
          .isEqualTo(from.plus(Duration.ofDays(1)));
      assertThat(Instant.parse(day.path("window").path("from").asText())).isAfterOrEqualTo(from);
      assertThat(Instant.parse(day.path("window").path("to").asText()))
          .isBefore(from.plus(Duration.ofDays(1)));
    }
    // the days together hold every use of the whole input, each counted once
    JsonNode whole = JSON.valueToTree(trail.local.usage().orElseThrow().toJson());
    assertThat(uses(days)).isEqualTo(uses(List.of(whole)));
  }

  /** Runs the job on the mini cluster with these options, until the bounded topic is read. */
  private static JobExecutionResult run(String... options) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    TrailJob.build(env, JobOptions.parse(options));
    return env.execute("kafka");
  }

  /** Every message of the topic, in order. */
  private static List<String> consume(String topic) {
    Properties properties = kafka.clientProperties();
    properties.put("key.deserializer", StringDeserializer.class.getName());
    properties.put("value.deserializer", StringDeserializer.class.getName());
    List<String> messages = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long end = consumer.endOffsets(partitions).get(partitions.get(0));
      while (consumer.position(partitions.get(0)) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          messages.add(record.value());
        }
      }
    }
    return messages;
  }

  /** The count of each principal's (action, resource) over usage documents, summed. */
  private static Map<String, Long> uses(List<JsonNode> documents) {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode document : documents) {
      for (JsonNode principal : document.path("principals")) {
        for (JsonNode use : principal.path("used")) {
          counts.merge(
              principal.path("arn").asText()
                  + " "
                  + use.path("action").asText()
                  + " "
                  + use.path("resource").asText(),
              use.path("count").asLong(),
              Long::sum);
        }
      }
    }
    return counts;
  }
}
