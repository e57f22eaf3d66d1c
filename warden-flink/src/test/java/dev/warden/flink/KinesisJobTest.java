package dev.warden.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.flink.kinesis.FakeKinesis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reads CloudTrail records from a Kinesis stream that was resharded (a closed parent shard,
 * two children), with reads throttled now and then, and writes its files: it finds exactly what the
 * local engine finds in the same records, and counts the broken and the repeated ones.
 */
class KinesisJobTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusters.twoSlots();

  @TempDir Path folder;

  @Test
  void fromAReshardedStreamToFilesTheJobFindsWhatTheLocalEngineFinds() throws Exception {
    StreamedTrail trail = StreamedTrail.simulate(folder);
    List<byte[]> parent = new ArrayList<>();
    List<byte[]> left = new ArrayList<>();
    List<byte[]> right = new ArrayList<>();
    for (int i = 0; i < trail.lines.size(); i++) {
      byte[] record = trail.lines.get(i).getBytes(StandardCharsets.UTF_8);
      (i < trail.lines.size() / 2 ? parent : i % 2 == 0 ? left : right).add(record);
    }
    FakeKinesis.create(
        "cloudtrail",
        List.of(
            new FakeKinesis.FakeShard("shardId-000000000000", parent, true),
            new FakeKinesis.FakeShard("shardId-000000000001", left, false),
            new FakeKinesis.FakeShard("shardId-000000000002", right, false)));
    Path output = folder.resolve("out");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    TrailJob.checkpoint(env, 5_000);
    TrailJob.build(
        env,
        JobOptions.parse(
            "--kinesis-stream",
            "cloudtrail",
            "--kinesis-region",
            "eu-west-1",
            "--bounded",
            "--output",
            output.toString()),
        FakeKinesis.clients("cloudtrail", 7));
    JobExecutionResult result = env.execute("kinesis");

    assertThat(linesUnder(output.resolve("detections")))
        .containsExactlyInAnyOrderElementsOf(trail.detectionLines());
    assertThat(linesUnder(output.resolve("usage"))).containsExactly(trail.usageDocument());
    assertThat((Long) result.getAccumulatorResult(Reading.PROBLEMS)).isEqualTo(1);
    assertThat((Long) result.getAccumulatorResult(Dedup.DUPLICATES)).isEqualTo(1);
    List<String> problems = result.getAccumulatorResult(Reading.PROBLEM_LIST);
    assertThat(problems)
        .singleElement()
        .asString()
        .matches("cloudtrail/shardId-00000000000[0-2]@\\d+\t1\t.+");
  }

  /** Every line of the finished files under {@code folder} (none may be left in progress). */
  private static List<String> linesUnder(Path folder) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        assertThat(file.getFileName().toString()).doesNotContain("inprogress");
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }
}
