package dev.warden.flink;

import dev.warden.logs.detect.Thresholds;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cluster job's command line: where the records come from (files, a Kafka topic or a Kinesis
 * stream), where detections and usage go (files, or Kafka topics), the usage window and the
 * thresholds.
 *
 * @param inputs CloudTrail files or folders ({@code --input}, repeatable)
 * @param output the folder for {@code detections/} and {@code usage/} ({@code --output})
 * @param brokers Kafka's bootstrap servers ({@code --kafka-brokers})
 * @param topic the topic of CloudTrail records ({@code --kafka-topic})
 * @param group the consumer group ({@code --kafka-group}, default {@code warden})
 * @param from where a new job starts in the topic: earliest, latest or committed ({@code
 *     --kafka-from}, default earliest)
 * @param stream the Kinesis stream of CloudTrail records, by name or ARN ({@code --kinesis-stream})
 * @param region the Kinesis stream's region ({@code --kinesis-region})
 * @param endpoint a Kinesis endpoint of one's own ({@code --kinesis-endpoint})
 * @param kinesisFrom where a new job starts in the stream: trim-horizon or latest ({@code
 *     --kinesis-from}, default trim-horizon)
 * @param bounded read what the topic or stream holds when the job starts, then end ({@code
 *     --bounded})
 * @param outputTopic the topic for detections ({@code --kafka-output-topic})
 * @param usageTopic the topic for usage documents ({@code --kafka-usage-topic})
 * @param usageWindow the window of event time per usage document in milliseconds, or {@link
 *     UsageWindow#WHOLE_INPUT} ({@code --usage-window 1d}; default: the whole input when it ends,
 *     one day on an endless topic)
 */
public record JobOptions(
    List<String> inputs,
    @Nullable String output,
    @Nullable String brokers,
    @Nullable String topic,
    String group,
    String from,
    @Nullable String stream,
    @Nullable String region,
    @Nullable String endpoint,
    String kinesisFrom,
    boolean bounded,
    @Nullable String outputTopic,
    @Nullable String usageTopic,
    long usageWindow,
    Thresholds thresholds) {

  /** The usage window of an endless topic unless told otherwise. */
  static final long DAY = 86_400_000L;

  /** Where the records come from. */
  public enum Source {
    FILES,
    KAFKA,
    KINESIS
  }

  /** Where the records come from. */
  public Source source() {
    return stream != null ? Source.KINESIS : inputs.isEmpty() ? Source.KAFKA : Source.FILES;
  }

  /** Reads the job's arguments; a wrong one is an {@link IllegalArgumentException} that says so. */
  public static JobOptions parse(String... args) {
    List<String> inputs = new ArrayList<>();
    String output = null;
    String brokers = null;
    String topic = null;
    String group = "warden";
    String from = "earliest";
    String stream = null;
    String region = null;
    String endpoint = null;
    String kinesisFrom = "trim-horizon";
    boolean bounded = false;
    String outputTopic = null;
    String usageTopic = null;
    Long usageWindow = null;
    Thresholds thresholds = Thresholds.defaults();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--bounded")) {
        bounded = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " takes a value");
      }
      String value = args[++i];
      switch (option) {
        case "--input" -> inputs.add(value);
        case "--output" -> output = value;
        case "--kafka-brokers" -> brokers = value;
        case "--kafka-topic" -> topic = value;
        case "--kafka-group" -> group = value;
        case "--kafka-from" -> {
          if (!List.of("earliest", "latest", "committed").contains(value)) {
            throw new IllegalArgumentException(
                "--kafka-from takes earliest, latest or committed, not " + value);
          }
          from = value;
        }
        case "--kinesis-stream" -> stream = value;
        case "--kinesis-region" -> region = value;
        case "--kinesis-endpoint" -> endpoint = value;
        case "--kinesis-from" -> {
          if (!List.of("trim-horizon", "latest").contains(value)) {
            throw new IllegalArgumentException(
                "--kinesis-from takes trim-horizon or latest, not " + value);
          }
          kinesisFrom = value;
        }
        case "--kafka-output-topic" -> outputTopic = value;
        case "--kafka-usage-topic" -> usageTopic = value;
        case "--usage-window" ->
            usageWindow =
                value.equals("all") ? UsageWindow.WHOLE_INPUT : Thresholds.durationMillis(value);
        case "--threshold" -> {
          int equals = value.indexOf('=');
          if (equals < 0) {
            throw new IllegalArgumentException("--threshold takes NAME=VALUE, not " + value);
          }
          thresholds = thresholds.with(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    int sources = (inputs.isEmpty() ? 0 : 1) + (topic != null ? 1 : 0) + (stream != null ? 1 : 0);
    if (sources != 1) {
      throw new IllegalArgumentException(
          "give one source: --input PATH (repeatable), --kafka-brokers HOSTS --kafka-topic TOPIC,"
              + " or --kinesis-stream NAME --kinesis-region REGION");
    }
    if (topic != null && brokers == null) {
      throw new IllegalArgumentException("--kafka-topic needs --kafka-brokers");
    }
    if (stream != null && region == null) {
      throw new IllegalArgumentException("--kinesis-stream needs --kinesis-region");
    }
    if ((outputTopic != null || usageTopic != null) && brokers == null) {
      throw new IllegalArgumentException(
          "--kafka-output-topic and --kafka-usage-topic need --kafka-brokers");
    }
    if (output == null && outputTopic == null) {
      throw new IllegalArgumentException("give --output PATH or --kafka-output-topic TOPIC");
    }
    boolean endless = inputs.isEmpty() && !bounded;
    if (bounded && !inputs.isEmpty()) {
      throw new IllegalArgumentException("--bounded is for a topic or stream; files always end");
    }
    long window = usageWindow != null ? usageWindow : endless ? DAY : UsageWindow.WHOLE_INPUT;
    if (endless && window == UsageWindow.WHOLE_INPUT) {
      throw new IllegalArgumentException(
          "an endless topic or stream never ends: give --usage-window a duration (1d), or --bounded");
    }
    return new JobOptions(
        List.copyOf(inputs),
        output,
        brokers,
        topic,
        group,
        from,
        stream,
        region,
        endpoint,
        kinesisFrom,
        bounded,
        outputTopic,
        usageTopic,
        window,
        thresholds);
  }
}
