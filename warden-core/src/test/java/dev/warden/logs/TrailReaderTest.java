package dev.warden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudTrail read as delivered, as exported, compressed or not, and broken in the usual ways. */
class TrailReaderTest {

  /** A Lambda function's role calling DynamoDB, as CloudTrail records it. */
  static String record(String id, String time, String name, String session) {
    return """
        {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole",
          "arn": "arn:aws:sts::111122223333:assumed-role/orders-role/%s",
          "accessKeyId": "ASIAEXAMPLEKEY000001",
          "sessionContext": {"sessionIssuer": {"type": "Role",
            "arn": "arn:aws:iam::111122223333:role/service/orders-role"},
            "attributes": {"mfaAuthenticated": "false"}}},
         "eventTime": "%s", "eventSource": "dynamodb.amazonaws.com", "eventName": "%s",
         "awsRegion": "eu-west-1", "sourceIPAddress": "3.250.1.2",
         "userAgent": "Boto3/1.34.0 exec-env/AWS_Lambda_python3.12",
         "requestParameters": {"tableName": "Orders", "key": {"id": {"S": "HIDDEN"}}},
         "responseElements": null, "eventID": "%s", "readOnly": false,
         "resources": [{"accountId": "111122223333", "type": "AWS::DynamoDB::Table",
           "ARN": "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"}],
         "recipientAccountId": "111122223333"}
        """
        .formatted(session, time, name, id)
        .replace("\n", " ");
  }

  private static String recordsFile(String... records) {
    return "{\"Records\": [\n" + String.join(",\n", records) + "\n]}\n";
  }

  private record Read(List<TrailEvent> events, List<TrailProblem> problems) {}

  private static Read read(byte[] bytes) {
    List<TrailEvent> events = new ArrayList<>();
    List<TrailProblem> problems = new ArrayList<>();
    TrailReader.read("trail.json", new ByteArrayInputStream(bytes), events::add, problems::add);
    return new Read(events, problems);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void aFileAsDeliveredToS3IsReadRecordByRecordWithWhoDidWhatWhere() {
    Read read =
        read(
            utf8(
                recordsFile(
                    record("e1", "2026-11-20T10:00:00Z", "GetItem", "orders-fn"),
                    record("e2", "2026-11-20T10:00:01.250Z", "PutItem", "orders-fn"))));
    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).hasSize(2);
    TrailEvent first = read.events().get(0);
    assertThat(first.principal()).isEqualTo("arn:aws:iam::111122223333:role/service/orders-role");
    assertThat(first.sessionName()).contains("orders-fn");
    assertThat(first.source()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(first.name()).isEqualTo("GetItem");
    assertThat(first.account()).isEqualTo("111122223333");
    assertThat(first.accessKeyId()).isEqualTo("ASIAEXAMPLEKEY000001");
    assertThat(first.resources())
        .containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
    assertThat(read.events().get(1).time())
        .isEqualTo(java.time.Instant.parse("2026-11-20T10:00:01.250Z").toEpochMilli());
  }

  @Test
  void compressionIsToldByTheContentNotTheName() throws IOException {
    byte[] plain = utf8(recordsFile(record("e1", "2026-11-20T10:00:00Z", "GetItem", "fn")));
    assertThat(read(gzip(plain)).events()).isEqualTo(read(plain).events());
  }

  @Test
  void jsonLinesSkipBrokenAndIncompleteRecordsAndGoOn() {
    String lines =
        String.join(
            "\n",
            record("e1", "2026-11-20T10:00:00Z", "GetItem", "fn"),
            "{\"eventID\": \"e2\", \"eventTime\": \"2026-11-20T10:00:01Z\", \"eventSource\":",
            "{\"eventID\": \"e3\", \"eventTime\": \"2026-11-20T10:00:02Z\","
                + " \"eventSource\": \"s3.amazonaws.com\"}",
            "",
            "{\"eventID\": \"e4\", \"eventTime\": \"yesterday\", \"eventSource\": \"s3.amazonaws.com\","
                + " \"eventName\": \"GetObject\"}",
            record("e5", "2026-11-20T10:00:03Z", "PutItem", "fn"));
    Read read = read(utf8(lines));
    assertThat(read.events()).extracting(TrailEvent::id).containsExactly("e1", "e5");
    assertThat(read.problems())
        .extracting(TrailProblem::line, p -> p.message().replaceAll(" \\(.*\\)", ""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "not valid JSON: skipped"),
            org.assertj.core.groups.Tuple.tuple(3L, "record e3 lacks eventName: skipped"),
            org.assertj.core.groups.Tuple.tuple(
                5L, "record e4 has no readable eventTime: skipped"));
  }

  @Test
  void aTruncatedGzipKeepsWhatWasReadAndSaysSo() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append(record("e" + i, "2026-11-20T10:00:00Z", "GetItem", "fn")).append('\n');
    }
    byte[] whole = gzip(utf8(lines.toString()));
    Read read = read(Arrays.copyOf(whole, whole.length / 2));
    assertThat(read.events().size()).isBetween(1, 1999);
    assertThat(read.problems()).singleElement().asString().contains("trail.json: cannot be read");
  }

  @Test
  void aBrokenRecordsFileKeepsTheRecordsBeforeTheBreak() {
    String broken =
        "{\"Records\": [\n"
            + record("e1", "2026-11-20T10:00:00Z", "GetItem", "fn")
            + ",\n"
            + record("e2", "2026-11-20T10:00:01Z", "GetItem", "fn")
            + ",\n{\"eventID\": \"e3\", \"eventTime\": ";
    Read read = read(utf8(broken));
    assertThat(read.events()).extracting(TrailEvent::id).containsExactly("e1", "e2");
    assertThat(read.problems())
        .singleElement()
        .asString()
        .contains("broken after 2 records", "the rest of the file is not read");
  }

  @Test
  void thePrincipalIsTheRoleElseTheUserElseTheInvokingService() {
    String user =
        "{\"eventTime\": \"2026-11-20T10:00:00Z\", \"eventSource\": \"iam.amazonaws.com\","
            + " \"eventName\": \"ListRoles\", \"userIdentity\": {\"type\": \"IAMUser\","
            + " \"arn\": \"arn:aws:iam::111122223333:user/alice\"}}";
    String service =
        "{\"eventTime\": \"2026-11-20T10:00:00Z\", \"eventSource\": \"kms.amazonaws.com\","
            + " \"eventName\": \"Decrypt\", \"userIdentity\": {\"type\": \"AWSService\","
            + " \"invokedBy\": \"secretsmanager.amazonaws.com\"}}";
    String nobody =
        "{\"eventTime\": \"2026-11-20T10:00:00Z\", \"eventSource\": \"sts.amazonaws.com\","
            + " \"eventName\": \"GetCallerIdentity\"}";
    assertThat(read(utf8(user + "\n" + service + "\n" + nobody)).events())
        .extracting(TrailEvent::principal)
        .containsExactly(
            "arn:aws:iam::111122223333:user/alice", "secretsmanager.amazonaws.com", "-");
  }

  @Test
  void manyFilesOnManyThreadsCountAsOneFileDoes(@TempDir Path dir) throws Exception {
    List<String> all = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      List<String> records = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String name = i % 3 == 0 ? "PutItem" : "GetItem";
        String record = record("f" + f + "e" + i, "2026-11-20T10:00:00Z", name, "fn" + (f % 2));
        records.add(record);
        all.add(record);
      }
      Path file = dir.resolve("AWSLogs/" + f % 3 + "/trail-" + f + ".json.gz");
      Files.createDirectories(file.getParent());
      Files.write(file, gzip(utf8(recordsFile(records.toArray(String[]::new)))));
    }
    Files.writeString(dir.resolve("notes.txt"), "not a log");
    List<EventCounts.Key> keys = List.of(EventCounts.Key.EVENT_NAME, EventCounts.Key.PRINCIPAL);
    TrailScan.Result<EventCounts> parallel =
        TrailScan.run(
            TrailInput.of(List.of(dir.toString())),
            4,
            e -> true,
            () -> new EventCounts(keys),
            EventCounts::add,
            EventCounts::merge,
            TrailScan.Progress.NONE);
    assertThat(parallel.files()).isEqualTo(12);
    assertThat(parallel.events()).isEqualTo(600);
    assertThat(parallel.value().rows())
        .extracting(EventCounts.Row::values, EventCounts.Row::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                List.of("GetItem", "arn:aws:iam::111122223333:role/service/orders-role"), 396L),
            org.assertj.core.groups.Tuple.tuple(
                List.of("PutItem", "arn:aws:iam::111122223333:role/service/orders-role"), 204L));
    Path single = dir.resolve("all.jsonl");
    Files.writeString(single, String.join("\n", all));
    TrailScan.Result<EventCounts> one =
        TrailScan.run(
            TrailInput.of(List.of(single.toString())),
            1,
            e -> e.name().equals("PutItem"),
            () -> new EventCounts(keys),
            EventCounts::add,
            EventCounts::merge,
            TrailScan.Progress.NONE);
    assertThat(one.events()).isEqualTo(204);
    assertThat(one.skipped()).isEqualTo(396);
    assertThat(Map.of("rows", one.value().rows().size())).containsEntry("rows", 1);
  }

  @Test
  void aFileDeliveredTwiceIsCountedOnce(@TempDir Path dir) throws Exception {
    String records =
        recordsFile(
            record("a", "2026-11-20T10:00:00Z", "GetItem", "fn"),
            record("b", "2026-11-20T10:00:01Z", "GetItem", "fn"));
    Files.writeString(dir.resolve("one.json"), records);
    Files.write(dir.resolve("copy.json.gz"), gzip(utf8(records)));
    TrailScan.Result<EventCounts> result =
        TrailScan.run(
            TrailInput.of(List.of(dir.toString())),
            2,
            e -> true,
            () -> new EventCounts(List.of(EventCounts.Key.EVENT_NAME)),
            EventCounts::add,
            EventCounts::merge,
            TrailScan.Progress.NONE);
    assertThat(result.events()).isEqualTo(2);
    assertThat(result.duplicates()).isEqualTo(2);
  }

  @Test
  void theMemoryOfRecentIdsIsBoundedAndForgetsTheOldest() {
    RecentIds recent = new RecentIds(16 * 4);
    assertThat(recent.firstTime("x")).isTrue();
    assertThat(recent.firstTime("x")).isFalse();
    for (int i = 0; i < 10_000; i++) {
      recent.firstTime("id-" + i);
    }
    assertThat(recent.firstTime("x")).as("forgotten after many others").isTrue();
    assertThat(recent.firstTime("")).isTrue();
    assertThat(recent.firstTime("")).as("an empty ID is never a duplicate").isTrue();
  }

  @Test
  void lambdasOwnAssumeRoleTiesTheIssuedKeyToTheFunction() {
    String assume =
        """
        {"eventVersion": "1.09", "userIdentity": {"type": "AWSService",
          "invokedBy": "lambda.amazonaws.com"},
         "eventTime": "2026-11-20T10:00:00Z", "eventSource": "sts.amazonaws.com",
         "eventName": "AssumeRole", "awsRegion": "eu-west-1",
         "sourceIPAddress": "lambda.amazonaws.com", "userAgent": "lambda.amazonaws.com",
         "requestParameters": {"roleArn": "arn:aws:iam::111122223333:role/service/orders-role",
           "roleSessionName": "orders-api", "durationSeconds": 43200, "external": false},
         "responseElements": {"credentials": {"accessKeyId": "ASIAISSUEDKEY0000001",
           "sessionToken": "IQoJb3JpZ2luX2Vj", "expiration": "Nov 20, 2026, 10:00:00 PM"},
           "assumedRoleUser": {"arn": "arn:aws:sts::111122223333:assumed-role/orders-role/x"},
           "packedPolicySize": 3},
         "eventID": "a1"}
        """
            .replace("\n", " ");

    TrailEvent event = read(utf8(assume)).events().get(0);

    assertThat(event.invokedBy()).isEqualTo("lambda.amazonaws.com");
    assertThat(event.parameter("roleSessionName")).isEqualTo("orders-api");
    assertThat(event.parameters())
        .containsEntry("durationSeconds", "43200")
        .containsEntry("external", "false");
    assertThat(event.response())
        .containsEntry(TrailEvent.ISSUED_KEY, "ASIAISSUEDKEY0000001")
        .containsEntry("packedPolicySize", "3")
        .doesNotContainKey("sessionToken")
        .doesNotContainKey("assumedRoleUser");
  }

  @Test
  void anEventTimeInTheFutureIsASkewedClockAndIsSkippedWithItsLine() {
    String lines =
        record("e1", "2026-11-20T10:00:00Z", "GetItem", "orders-api")
            + "\n"
            + record("e2", "2099-01-01T00:00:00Z", "GetItem", "orders-api")
            + "\n";

    Read read = read(utf8(lines));

    assertThat(read.events()).extracting(TrailEvent::id).containsExactly("e1");
    assertThat(read.problems())
        .singleElement()
        .hasToString(
            "trail.json:2: record e2 has an eventTime in the future (2099-01-01T00:00:00Z): a skewed"
                + " clock; skipped");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "2026-11-20T10:00:00Z",
        "1999-12-31T23:59:59Z",
        "2024-02-29T00:00:01Z",
        "2026-11-20T10:00:00.123Z",
        "2026-11-20T12:00:00+02:00"
      })
  void eventTimesAreReadAsTheGeneralParserReadsThem(String time) {
    assertThat(TrailReader.epochMillis(time))
        .isEqualTo(java.time.OffsetDateTime.parse(time).toInstant().toEpochMilli());
  }

  @Test
  void anImpossibleDateIsNotATime() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TrailReader.epochMillis("2026-02-30T10:00:00Z"))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
  }
}
