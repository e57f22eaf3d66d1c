package dev.warden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a role really used, per function, with what it was denied and what is not known. */
class PermissionUsageTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/service/orders-role";
  private static final String TABLE = "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders";
  private static final String LAMBDA_AGENT = "Boto3/1.34.0 exec-env/AWS_Lambda_python3.12";

  private static TrailEvent event(
      String time, String source, String name, String session, String agent, String error) {
    return new TrailEvent(
        "e-" + time + name,
        Instant.parse(time).toEpochMilli(),
        source,
        name,
        "eu-west-1",
        "111122223333",
        "3.250.1.2",
        agent,
        error,
        "AssumedRole",
        "arn:aws:sts::111122223333:assumed-role/orders-role/" + session,
        ROLE,
        "",
        "ASIAEXAMPLE",
        source.startsWith("dynamodb") ? List.of(TABLE) : List.of(),
        Map.of(),
        Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> principal(PermissionUsage usage) {
    return ((List<Map<String, Object>>) usage.toJson().get("principals")).get(0);
  }

  @Test
  void usesAreCountedPerPrincipalAndPerFunctionWithTheirWindow() {
    PermissionUsage usage = new PermissionUsage(EventActions.bundled());
    usage.add(
        event(
            "2026-11-20T10:00:00Z",
            "dynamodb.amazonaws.com",
            "GetItem",
            "orders-fn",
            LAMBDA_AGENT,
            ""));
    usage.add(
        event(
            "2026-11-20T11:00:00Z",
            "dynamodb.amazonaws.com",
            "GetItem",
            "orders-fn",
            LAMBDA_AGENT,
            ""));
    usage.add(
        event(
            "2026-11-20T12:00:00Z",
            "dynamodb.amazonaws.com",
            "DeleteItem",
            "orders-fn",
            LAMBDA_AGENT,
            "AccessDeniedException"));
    usage.add(
        event(
            "2026-11-20T13:00:00Z",
            "dynamodb.amazonaws.com",
            "Scan",
            "orders-fn",
            "curl/8.4.0",
            ""));
    usage.add(
        event(
            "2026-11-20T14:00:00Z",
            "mystery.amazonaws.com",
            "DoThing",
            "orders-fn",
            LAMBDA_AGENT,
            ""));
    Map<String, Object> principal = principal(usage);
    assertThat(principal.get("arn")).isEqualTo(ROLE);
    assertThat(principal.get("used").toString())
        .contains("action=dynamodb:GetItem, resource=" + TABLE + ", count=2")
        .contains("firstSeen=2026-11-20T10:00:00Z, lastSeen=2026-11-20T11:00:00Z")
        .contains("action=dynamodb:Scan");
    assertThat(principal.get("denied").toString())
        .isEqualTo(
            "[{action=dynamodb:DeleteItem, resource="
                + TABLE
                + ", errorCode=AccessDeniedException, count=1}]");
    assertThat(principal.get("functions").toString())
        .contains("name=orders-fn")
        .contains("dynamodb:GetItem")
        .as("a call from outside Lambda is the role's, not the function's")
        .doesNotContain("dynamodb:Scan");
    assertThat(usage.toJson().get("unknown").toString())
        .isEqualTo("[{eventSource=mystery.amazonaws.com, eventName=DoThing, count=1}]");
    assertThat(usage.toJson().get("window").toString())
        .isEqualTo("{from=2026-11-20T10:00:00Z, to=2026-11-20T14:00:00Z}");
  }

  @Test
  void mergingWorkersGivesWhatOneWorkerGives() {
    List<TrailEvent> events =
        List.of(
            event(
                "2026-11-20T10:00:00Z", "dynamodb.amazonaws.com", "GetItem", "a", LAMBDA_AGENT, ""),
            event(
                "2026-11-20T09:00:00Z", "dynamodb.amazonaws.com", "GetItem", "b", LAMBDA_AGENT, ""),
            event(
                "2026-11-20T11:00:00Z",
                "dynamodb.amazonaws.com",
                "PutItem",
                "a",
                LAMBDA_AGENT,
                ""));
    PermissionUsage one = new PermissionUsage(EventActions.bundled());
    events.forEach(one::add);
    PermissionUsage left = new PermissionUsage(EventActions.bundled());
    PermissionUsage right = new PermissionUsage(EventActions.bundled());
    left.add(events.get(0));
    right.add(events.get(1));
    right.add(events.get(2));
    assertThat(left.merge(right).toJson()).isEqualTo(one.toJson());
  }

  @Test
  void objectsAreKeptAsTheirBucketsPrefixSoMemoryDoesNotGrowWithThem() {
    PermissionUsage usage = new PermissionUsage(EventActions.bundled());
    for (int i = 0; i < 1000; i++) {
      usage.add(
          new TrailEvent(
              "s3-" + i,
              Instant.parse("2026-11-20T10:00:00Z").toEpochMilli() + i,
              "s3.amazonaws.com",
              "GetObject",
              "eu-west-1",
              "111122223333",
              "3.250.1.2",
              LAMBDA_AGENT,
              "",
              "AssumedRole",
              "arn:aws:sts::111122223333:assumed-role/orders-role/orders-api",
              ROLE,
              "",
              "ASIAEXAMPLE",
              List.of("arn:aws:s3:::exports/day/" + i + ".csv", "arn:aws:s3:::exports"),
              Map.of(),
              Map.of()));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> used = (List<Map<String, Object>>) principal(usage).get("used");
    assertThat(used)
        .extracting(u -> u.get("resource"))
        .containsExactlyInAnyOrder("arn:aws:s3:::exports/*", "arn:aws:s3:::exports");
    assertThat(used.get(0).get("count")).isEqualTo(1000L);
  }
}
