package dev.warden.flink;

import dev.warden.flink.kinesis.KinesisClients;
import dev.warden.flink.kinesis.KinesisTrailSource;
import dev.warden.flink.kinesis.ShardSplit;
import dev.warden.logs.TrailEvent;
import dev.warden.logs.TrailFilter;
import dev.warden.logs.detect.Detection;
import dev.warden.logs.detect.Thresholds;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The CloudTrail analysis job: read (files, or a Kafka topic of records), count and filter, drop
 * duplicates by event ID, route each event to the detectors' keys and run each detector as a keyed
 * process function with event-time timers, and mine usage per principal and window. The same core
 * code as the local engine does each step.
 *
 * <p>As a cluster job: {@code flink run warden-flink-job.jar --input s3://trail/AWSLogs/ --output
 * s3://results/}, or from and to Kafka: {@code --kafka-brokers HOST:9092 --kafka-topic cloudtrail
 * --kafka-output-topic detections --kafka-usage-topic usage}, or from Kinesis: {@code
 * --kinesis-stream cloudtrail --kinesis-region eu-west-1}; the options are {@link JobOptions}'.
 */
public final class TrailJob {

  /** How long an event ID is remembered to drop copies delivered again. */
  static final long DEDUP_WINDOW = 3_600_000L;

  /** How long a Kafka partition may stay silent before the watermark moves on without it. */
  static final Duration IDLE_PARTITION = Duration.ofMinutes(5);

  /**
   * What the job produces: detections, and each principal's usage per window (see {@link
   * #mergedUsage}).
   */
  public record Pipeline(DataStream<Detection> detections, DataStream<UsageWindow> usage) {

    /** Every principal's usage of a window merged: one document per window, when it closes. */
    public DataStream<UsageWindow> mergedUsage() {
      return usage
          .keyBy(UsageWindow::start, Types.LONG)
          .process(new MergeUsage())
          .returns(JavaTypeInfo.mutable(UsageWindow.class))
          .name("merge usage");
    }
  }

  private TrailJob() {}

  /**
   * The steps after reading, on {@code items} that carry event-time watermarks; usage is mined per
   * window of {@code usageWindow} milliseconds (or {@link UsageWindow#WHOLE_INPUT}).
   */
  public static Pipeline pipeline(
      DataStream<TrailItem> items, TrailFilter filter, Thresholds thresholds, long usageWindow) {
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
    DataStream<UsageWindow> usage =
        unique
            .keyBy(TrailEvent::principal, Types.STRING)
            .process(new Mine(usageWindow))
            .returns(JavaTypeInfo.mutable(UsageWindow.class))
            .name("mine usage");
    return new Pipeline(detections, usage);
  }

  /** Event time from each event; watermarks {@code lateness} behind the newest, per split. */
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

  /**
   * A Kafka topic whose messages hold CloudTrail records (one each, or a whole delivered file);
   * watermarks per partition, a partition silent for {@link #IDLE_PARTITION} not holding them back.
   */
  public static DataStream<TrailItem> kafka(StreamExecutionEnvironment env, JobOptions options) {
    KafkaSourceBuilder<TrailItem> builder =
        KafkaSource.<TrailItem>builder()
            .setBootstrapServers(options.brokers())
            .setTopics(options.topic())
            .setGroupId(options.group())
            .setStartingOffsets(startingOffsets(options.from()))
            .setDeserializer(new TrailMessages());
    if (options.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return env.fromSource(
        builder.build(),
        watermarks(options.thresholds().millis("lateness")).withIdleness(IDLE_PARTITION),
        "CloudTrail topic " + options.topic(),
        JavaTypeInfo.immutable(TrailItem.class));
  }

  /**
   * A Kinesis stream whose records hold CloudTrail records (as Kafka messages do); watermarks per
   * shard, a shard silent for {@link #IDLE_PARTITION} not holding them back.
   */
  static DataStream<TrailItem> kinesis(
      StreamExecutionEnvironment env, JobOptions options, KinesisClients clients) {
    String stream = Objects.requireNonNull(options.stream());
    KinesisTrailSource source =
        new KinesisTrailSource(
            KinesisTrailSource.Settings.of(
                stream,
                options.kinesisFrom().equals("latest")
                    ? ShardSplit.LATEST
                    : ShardSplit.TRIM_HORIZON,
                options.bounded(),
                clients));
    return env.fromSource(
        source,
        watermarks(options.thresholds().millis("lateness")).withIdleness(IDLE_PARTITION),
        "CloudTrail stream " + stream,
        JavaTypeInfo.immutable(TrailItem.class));
  }

  @SuppressWarnings("deprecation") // the connector takes Kafka's OffsetResetStrategy still
  private static OffsetsInitializer startingOffsets(String from) {
    return switch (from) {
      case "latest" -> OffsetsInitializer.latest();
      case "committed" ->
          OffsetsInitializer.committedOffsets(
              org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
      default -> OffsetsInitializer.earliest();
    };
  }

  /** Each record to the topic at least once (flushed at checkpoints and when the input ends). */
  private static KafkaSink<String> kafkaSink(String brokers, String topic) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(brokers)
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(new TopicMessages(topic))
        .build();
  }

  /**
   * The whole job on {@code env}: the source, the pipeline, and detections (JSON lines, as {@code
   * warden logs analyze} writes them) and usage documents (one per window) to files or topics.
   */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    build(
        env,
        options,
        KinesisClients.of(Objects.requireNonNullElse(options.region(), ""), options.endpoint()));
  }

  /** {@link #build(StreamExecutionEnvironment, JobOptions)} with Kinesis clients of one's own. */
  static void build(StreamExecutionEnvironment env, JobOptions options, KinesisClients clients) {
    long lateness = options.thresholds().millis("lateness");
    DataStream<TrailItem> items =
        switch (options.source()) {
          case FILES -> files(env, options.inputs(), lateness);
          case KAFKA -> kafka(env, options);
          case KINESIS -> kinesis(env, options, clients);
        };
    Pipeline pipeline =
        pipeline(items, TrailFilter.all(), options.thresholds(), options.usageWindow());
    DataStream<String> detections =
        pipeline.detections().map(Json::line).returns(Types.STRING).name("detections as JSON");
    DataStream<String> usage =
        pipeline
            .mergedUsage()
            .map(window -> Json.document(window.toJson()))
            .returns(Types.STRING)
            .name("usage as JSON");
    if (options.output() != null) {
      detections.sinkTo(fileSink(options.output(), "detections")).name("detections to files");
      usage.sinkTo(fileSink(options.output(), "usage")).name("usage to files");
    }
    String brokers = options.brokers();
    if (brokers != null && options.outputTopic() != null) {
      detections
          .sinkTo(kafkaSink(brokers, options.outputTopic()))
          .name("detections to " + options.outputTopic());
    }
    if (brokers != null && options.usageTopic() != null) {
      usage
          .sinkTo(kafkaSink(brokers, options.usageTopic()))
          .name("usage to " + options.usageTopic());
    }
  }

  private static FileSink<String> fileSink(String output, String folder) {
    return FileSink.forRowFormat(new Path(output, folder), new SimpleStringEncoder<String>())
        .build();
  }

  /** The job's entry point on a cluster. */
  public static void main(String[] args) throws Exception {
    JobOptions options = JobOptions.parse(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    checkpoint(env, CHECKPOINT_INTERVAL);
    build(env, options);
    env.execute("warden: CloudTrail analysis");
  }

  /**
   * Checkpoints every {@code interval} ms unless the cluster set its own interval: they commit the
   * source's offsets, flush the topics written and finish the files written — without them a file
   * sink leaves its output in progress, even when the input ends.
   */
  static void checkpoint(StreamExecutionEnvironment env, long interval) {
    if (env.getCheckpointInterval() <= 0) {
      env.enableCheckpointing(interval);
    }
  }

  /** How often the job checkpoints when the cluster does not say. */
  static final long CHECKPOINT_INTERVAL = 60_000L;
}
