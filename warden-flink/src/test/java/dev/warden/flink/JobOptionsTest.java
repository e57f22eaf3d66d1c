package dev.warden.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cluster job's command line: what each input gets by default, and what a slip is told. */
class JobOptionsTest {

  @Test
  void filesAreMinedAsAWholeAndAnEndlessTopicByTheDay() {
    JobOptions files = JobOptions.parse("--input", "s3://trail/", "--output", "s3://out/");
    assertThat(files.source()).isEqualTo(JobOptions.Source.FILES);
    assertThat(files.usageWindow()).isEqualTo(UsageWindow.WHOLE_INPUT);

    JobOptions stream =
        JobOptions.parse(
            "--kafka-brokers", "k:9092", "--kafka-topic", "ct", "--kafka-output-topic", "det");
    assertThat(stream.source()).isEqualTo(JobOptions.Source.KAFKA);
    assertThat(stream.usageWindow()).isEqualTo(86_400_000L);
    assertThat(stream.group()).isEqualTo("warden");
    assertThat(stream.from()).isEqualTo("earliest");

    JobOptions hourly =
        JobOptions.parse(
            "--kafka-brokers",
            "k:9092",
            "--kafka-topic",
            "ct",
            "--output",
            "/out",
            "--usage-window",
            "6h",
            "--threshold",
            "lateness=30m",
            "--kafka-from",
            "committed");
    assertThat(hourly.usageWindow()).isEqualTo(6 * 3_600_000L);
    assertThat(hourly.thresholds().millis("lateness")).isEqualTo(30 * 60_000L);
    assertThat(hourly.from()).isEqualTo("committed");

    JobOptions kinesis =
        JobOptions.parse(
            "--kinesis-stream",
            "arn:aws:kinesis:eu-west-1:111122223333:stream/ct",
            "--kinesis-region",
            "eu-west-1",
            "--output",
            "/out",
            "--bounded");
    assertThat(kinesis.source()).isEqualTo(JobOptions.Source.KINESIS);
    assertThat(kinesis.kinesisFrom()).isEqualTo("trim-horizon");
    assertThat(kinesis.usageWindow()).isEqualTo(UsageWindow.WHOLE_INPUT);
  }

  @Test
  void slipsAreToldWhatToGive() {
    assertThatThrownBy(() -> JobOptions.parse("--output", "/out"))
        .hasMessageContaining("give one source: --input PATH");
    assertThatThrownBy(
            () ->
                JobOptions.parse(
                    "--input",
                    "/in",
                    "--kinesis-stream",
                    "ct",
                    "--kinesis-region",
                    "us-east-1",
                    "--output",
                    "/o"))
        .hasMessageContaining("give one source");
    assertThatThrownBy(() -> JobOptions.parse("--kinesis-stream", "ct", "--output", "/o"))
        .hasMessage("--kinesis-stream needs --kinesis-region");
    assertThatThrownBy(() -> JobOptions.parse("--kafka-topic", "ct", "--output", "/o"))
        .hasMessage("--kafka-topic needs --kafka-brokers");
    assertThatThrownBy(() -> JobOptions.parse("--input", "/in", "--output", "/o", "--bounded"))
        .hasMessageContaining("files always end");
    assertThatThrownBy(() -> JobOptions.parse("--input", "/in"))
        .hasMessageContaining("give --output PATH or --kafka-output-topic");
    assertThatThrownBy(() -> JobOptions.parse("--input", "/in", "--output"))
        .hasMessage("--output takes a value");
    assertThatThrownBy(() -> JobOptions.parse("--input", "/in", "--outptu", "/out"))
        .hasMessage("unknown option --outptu");
    assertThatThrownBy(
            () ->
                JobOptions.parse(
                    "--kafka-brokers",
                    "k",
                    "--kafka-topic",
                    "t",
                    "--output",
                    "/o",
                    "--usage-window",
                    "all"))
        .hasMessageContaining("an endless topic or stream never ends");
    assertThatThrownBy(
            () -> JobOptions.parse("--input", "/in", "--output", "/o", "--usage-window", "1w"))
        .hasMessageContaining("not '1w'");
    assertThatThrownBy(
            () ->
                JobOptions.parse(
                    "--kafka-brokers",
                    "k",
                    "--kafka-topic",
                    "t",
                    "--output",
                    "/o",
                    "--kafka-from",
                    "start"))
        .hasMessageContaining("earliest, latest or committed");
    assertThatThrownBy(() -> JobOptions.parse("--input", "/in", "--kafka-output-topic", "d"))
        .hasMessageContaining("need --kafka-brokers");
  }
}
