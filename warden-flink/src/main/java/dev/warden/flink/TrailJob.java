package dev.warden.flink;

import dev.warden.logs.PermissionUsage;
import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.TrailReader;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Thresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The CloudTrail analysis job: read (files, or a Kafka topic of records), count and filter, drop
 * duplicates by event ID, route each event to the detectors' keys and run each detector as a keyed
 * process function with event-time timers, and mine usage per principal. The same core code as the
 * local engine does each step.
 *
 * <p>As a cluster job: {@code flink run warden-flink-job.jar --input s3://trail/AWSLogs/ --output
 * s3://results/} (or {@code --kafka-brokers HOST:9092 --kafka-topic cloudtrail}, and {@code
 * --kafka-output-topic detections}, and {@code --kafka-usage-topic usage} for the usage document
 * when the input ends); {@code --threshold NAME=VALUE} as on the command line.
 */
public final class TrailJob {

  /** How long an event ID is remembered to drop copies delivered again. */
  static final long DEDUP_WINDOW = 3_600_000L;

  /** What the job produces. */
  public record Pipeline(DataStream<Detection> detections, DataStream<PermissionUsage> usage) {}

  private TrailJob() {}

  /** The steps after reading, on {@code items} that carry event-time watermarks. */
  public static Pipeline pipeline(
      DataStream<TrailItem> items, TrailFilter filter, Thresholds thresholds) {
    DataStream<TrailEvent> events =
        items
            .process(new Reading(filter))
            .returns(RecordSerializers.TRAIL_EVENT)
            .name("read and filter");
    DataStream<TrailEvent> unique =
        events
            .keyBy(TrailEvent::id, Types.STRING)
            .process(new Dedup(DEDUP_WINDOW))
            .returns(RecordSerializers.TRAIL_EVENT)
            .name("drop duplicates");
    DataStream<Detection> detections =
        unique
            .flatMap(new Route(thresholds))
            .returns(RecordSerializers.ROUTED)
            .name("route to detectors")
            .keyBy(routed -> routed.key, Types.STRING)
            .process(new Detect(thresholds))
            .returns(JavaTypeInfo.immutable(Detection.class))
            .name("detect");
    DataStream<PermissionUsage> usage =
        unique
            .keyBy(TrailEvent::principal, Types.STRING)
            .process(new Mine())
            .returns(JavaTypeInfo.mutable(PermissionUsage.class))
            .name("mine usage");
    return new Pipeline(detections, usage);
  }

  /** Event time from each event; watermarks {@code lateness} behind the newest, per file. */
  static WatermarkStrategy<TrailItem> watermarks(long lateness) {
    return WatermarkStrategy.<TrailItem>forBoundedOutOfOrderness(Duration.ofMillis(lateness))
        .withTimestampAssigner(
            (item, previous) -> item.event != null ? item.event.time() : Long.MIN_VALUE);
  }

  /** CloudTrail files (or folders of them), each file one split. */
  public static DataStream<TrailItem> files(
      StreamExecutionEnvironment env, List<String> paths, long lateness) {
    Path[] given = paths.stream().map(Path::new).toArray(Path[]::new);
    FileSource<TrailItem> source =
        FileSource.forBulkFileFormat(new TrailFormat(), given)
            .setSplitAssigner(new OrderedSplits.Provider())
            .build();
    return env.fromSource(
        source, watermarks(lateness), "CloudTrail files", JavaTypeInfo.immutable(TrailItem.class));
  }

  /** A Kafka topic whose messages are CloudTrail records, one per message. */
  public static DataStream<TrailItem> kafka(
      StreamExecutionEnvironment env, String brokers, String topic, String group, long lateness) {
    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(brokers)
            .setTopics(topic)
            .setGroupId(group)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "CloudTrail topic " + topic)
        .flatMap(
            (String message, org.apache.flink.util.Collector<TrailItem> out) ->
                TrailReader.read(
                    topic,
                    new java.io.ByteArrayInputStream(
                        message.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    event -> out.collect(TrailItem.of(event)),
                    problem -> out.collect(TrailItem.of(problem))))
        .returns(JavaTypeInfo.immutable(TrailItem.class))
        .assignTimestampsAndWatermarks(watermarks(lateness));
  }

  private static KafkaSink<String> kafkaSink(String brokers, String topic) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(brokers)
        .setRecordSerializer(
            KafkaRecordSerializationSchema.builder()
                .setTopic(topic)
                .setValueSerializationSchema(new SimpleStringSchema())
                .build())
        .build();
  }

  /** The job's entry point on a cluster. */
  public static void main(String[] args) throws Exception {
    List<String> inputs = new ArrayList<>();
    String output = null;
    String brokers = null;
    String topic = null;
    String outputTopic = null;
    String usageTopic = null;
    Thresholds thresholds = Thresholds.defaults();
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--input" -> inputs.add(value);
        case "--output" -> output = value;
        case "--kafka-brokers" -> brokers = value;
        case "--kafka-topic" -> topic = value;
        case "--kafka-output-topic" -> outputTopic = value;
        case "--kafka-usage-topic" -> usageTopic = value;
        case "--threshold" -> {
          int equals = value.indexOf('=');
          if (equals < 0) {
            throw new IllegalArgumentException("--threshold takes NAME=VALUE, not " + value);
          }
          thresholds = thresholds.with(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (inputs.isEmpty() == (brokers == null || topic == null)) {
      throw new IllegalArgumentException(
          "give --input PATH (repeatable) or --kafka-brokers HOSTS --kafka-topic TOPIC");
    }
    if (output == null && (outputTopic == null || brokers == null)) {
      throw new IllegalArgumentException("give --output PATH or --kafka-output-topic TOPIC");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    long lateness = thresholds.millis("lateness");
    DataStream<TrailItem> items =
        inputs.isEmpty()
            ? kafka(env, brokers, topic, "warden", lateness)
            : files(env, inputs, lateness);
    Pipeline pipeline = pipeline(items, TrailFilter.all(), thresholds);
    DataStream<String> detections =
        pipeline.detections().map(Json::line).returns(Types.STRING).name("detections as JSON");
    if (output != null) {
      detections
          .sinkTo(
              FileSink.forRowFormat(
                      new Path(output, "detections"), new SimpleStringEncoder<String>())
                  .build())
          .name("detections to files");
      pipeline
          .usage()
          .keyBy(u -> 0, Types.INT)
          .process(new MergeUsage())
          .returns(Types.STRING)
          .sinkTo(
              FileSink.forRowFormat(new Path(output, "usage"), new SimpleStringEncoder<String>())
                  .build())
          .name("usage to files");
    }
    if (outputTopic != null && brokers != null) {
      detections.sinkTo(kafkaSink(brokers, outputTopic)).name("detections to " + outputTopic);
    }
    if (usageTopic != null && brokers != null) {
      pipeline
          .usage()
          .keyBy(u -> 0, Types.INT)
          .process(new MergeUsage())
          .returns(Types.STRING)
          .sinkTo(kafkaSink(brokers, usageTopic))
          .name("usage to " + usageTopic);
    }
    env.execute("warden: CloudTrail analysis");
  }
}
