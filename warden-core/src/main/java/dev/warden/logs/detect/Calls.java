package dev.warden.logs.detect;

import dev.warden.logs.EventActions;
import dev.warden.logs.EventResources;
import dev.warden.logs.TrailEvent;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the detectors read from an event: its IAM action, resource, caller and function. */
final class Calls {

  /** User agents of security scanners and inventory tools whose sweeps are expected. */
  private static final List<String> SCANNERS =
      List.of(
          "prowler",
          "scoutsuite",
          "steampipe",
          "cloudsploit",
          "pacu-scan",
          "pmapper",
          "cartography",
          "cloudquery",
          "securityhub",
          "config.amazonaws.com",
          "access-analyzer.amazonaws.com",
          "trustedadvisor",
          "wiz",
          "orca",
          "lacework");

  /** User agents of deployment tools: they create functions and pass roles by design. */
  private static final List<String> DEPLOYERS =
      List.of(
          "cloudformation.amazonaws.com",
          "terraform/",
          "pulumi",
          "aws-cdk",
          "aws-sam-cli",
          "serverless/",
          "codebuild",
          "codepipeline");

  /** Reads of data, not of the account's shape: a function's daily bread, not enumeration. */
  private static final Set<String> DATA_READS =
      Set.of(
          "GetItem",
          "BatchGetItem",
          "GetObject",
          "HeadObject",
          "GetObjectTagging",
          "GetRecords",
          "GetShardIterator",
          "GetSecretValue",
          "GetParameter",
          "GetParameters",
          "GetQueueUrl",
          "GetQueueAttributes",
          "GetQueryExecution",
          "GetQueryResults",
          "GetMetricData",
          "GetLogEvents");

  private static final Set<String> READ_PREFIXES = Set.of("List", "Describe", "Get", "Head");

  private Calls() {}

  /**
   * The principal as the key of a per-principal detector, none when a service called on the
   * principal's behalf ({@code invokedBy}) or no principal is known.
   */
  static List<String> actor(TrailEvent event) {
    if (!event.invokedBy().isEmpty() || event.principal().equals("-")) {
      return List.of();
    }
    return List.of(event.principal());
  }

  /**
   * The action and resource of the event each thread is on: every detector asks for them, one after
   * the other, so each event's are worked out once.
   */
  private static final class Memo {
    @org.jspecify.annotations.Nullable TrailEvent event;
    String action = "";
    String resource = "";
  }

  private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);

  @SuppressWarnings("ReferenceEquality") // the same object: comparing records field by field costs
  private static Memo memo(TrailEvent event) {
    Memo memo = MEMO.get();
    if (memo.event != event) {
      memo.action = actionOf(event);
      memo.resource = resourceOf(event);
      memo.event = event;
    }
    return memo;
  }

  /** The IAM action that authorised the event, or {@code service:EventName} when not known. */
  static String action(TrailEvent event) {
    return memo(event).action;
  }

  /** The first resource the event names (objects as their bucket's {@code /*}), or {@code *}. */
  static String resource(TrailEvent event) {
    return memo(event).resource;
  }

  private static String actionOf(TrailEvent event) {
    EventActions.Mapping mapping = EventActions.bundled().of(event.source(), event.name());
    if (mapping.known() && !mapping.actions().isEmpty()) {
      return mapping.actions().get(0);
    }
    return service(event) + ":" + event.name();
  }

  /** The service prefix of the event's source: {@code dynamodb} for dynamodb.amazonaws.com. */
  static String service(TrailEvent event) {
    String source = event.source();
    int dot = source.indexOf('.');
    return dot < 0 ? source : source.substring(0, dot);
  }

  private static String resourceOf(TrailEvent event) {
    List<String> resources = EventResources.of(event);
    if (resources.isEmpty()) {
      return "*";
    }
    return EventResources.objectsAsPrefix(resources.get(0)); // objects are countless
  }

  /** {@code action resource}: one call as the detectors compare them. */
  static String call(TrailEvent event) {
    return action(event) + " " + resource(event);
  }

  /** The product part of a user agent: {@code aws-cli/2.15.0} of a longer string. */
  static String agentProduct(String agent) {
    int space = agent.indexOf(' ');
    return space < 0 ? agent : agent.substring(0, space);
  }

  /** Where the call came from, as a person would name it: inside Lambda, or an address. */
  static String origin(TrailEvent event) {
    return event.fromLambda()
        ? "inside Lambda"
        : event.sourceIp() + " (" + agentProduct(event.userAgent()) + ")";
  }

  /** True when a read-only enumeration call: List*, Describe*, Get*, Head*. */
  static boolean enumeration(TrailEvent event) {
    String name = event.name();
    if (DATA_READS.contains(name)) {
      return false;
    }
    for (String prefix : READ_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static boolean scanner(TrailEvent event) {
    return matches(event.userAgent(), SCANNERS, SEEN_SCANNERS)
        || matches(event.invokedBy(), SCANNERS, SEEN_SCANNERS);
  }

  static boolean deployer(TrailEvent event) {
    return matches(event.userAgent(), DEPLOYERS, SEEN_DEPLOYERS)
        || matches(event.invokedBy(), DEPLOYERS, SEEN_DEPLOYERS)
        || event.sourceIp().equals("cloudformation.amazonaws.com");
  }

  /** Which markers a user agent or service holds, by text: agents repeat, lower-casing costs. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> SEEN_SCANNERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> SEEN_DEPLOYERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean matches(
      String text,
      List<String> markers,
      java.util.concurrent.ConcurrentHashMap<String, Boolean> seen) {
    if (text.isEmpty()) {
      return false;
    }
    Boolean known = seen.get(text);
    if (known != null) {
      return known;
    }
    boolean found = contains(text, markers);
    if (seen.size() > 50_000) {
      seen.clear(); // bounded: a flood of distinct agents costs time, not memory
    }
    seen.put(text, found);
    return found;
  }

  private static boolean contains(String text, List<String> markers) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String marker : markers) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The role of the function a successful deployment event creates or changes ({@code
   * CreateFunction}, {@code UpdateFunctionCode}, {@code UpdateFunctionConfiguration}, {@code
   * PublishVersion}), or empty when the event is not one.
   */
  static String deployedRole(TrailEvent event) {
    if (!event.source().equals("lambda.amazonaws.com") || !event.errorCode().isEmpty()) {
      return "";
    }
    String name = event.name();
    boolean deploys =
        (name.startsWith("CreateFunction") && !name.startsWith("CreateFunctionUrl"))
            || name.startsWith("UpdateFunctionCode")
            || name.startsWith("UpdateFunctionConfiguration")
            || name.startsWith("PublishVersion");
    if (!deploys) {
      return "";
    }
    String role = event.response().getOrDefault("role", "");
    return role.isEmpty() ? event.parameter("role") : role;
  }

  /** The name of a function given as a name, a partial ARN or an ARN (version dropped). */
  static String functionName(String given) {
    int at = given.indexOf(":function:");
    String name = at < 0 ? given : given.substring(at + ":function:".length());
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  /**
   * The role or user name at the end of an IAM ARN: {@code orders} of {@code …:role/app/orders}.
   */
  static String lastName(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** A time as ISO 8601 UTC, for evidence. */
  static String time(long millis) {
    return java.time.Instant.ofEpochMilli(millis).toString();
  }

  /** A duration for people: {@code 15m}, {@code 2h30m}, {@code 45s}. */
  static String duration(long millis) {
    long seconds = Math.round(millis / 1000.0);
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = Math.round(seconds / 60.0);
    if (minutes < 120) {
      return minutes + "m";
    }
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
  }
}
