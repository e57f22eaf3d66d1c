package dev.warden.logs;

import dev.warden.iam.IamAction;
import dev.warden.iam.IamCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The IAM actions that authorised a CloudTrail event: the service prefix from {@code eventSource}
 * (without {@code .amazonaws.com}; {@code monitoring} is {@code cloudwatch}, {@code email} is
 * {@code ses}), the action from {@code eventName} — Lambda's API-version suffixes dropped ({@code
 * UpdateFunctionCode20150331v2}), the documented renames applied ({@code Invoke} is {@code
 * lambda:InvokeFunction}, S3's {@code ListObjects} and {@code HeadBucket} are {@code
 * s3:ListBucket}, {@code HeadObject} is {@code s3:GetObject}, multipart parts are {@code
 * s3:PutObject}, {@code CopyObject} needs both) — and kept only when the IAM catalog has the
 * action. Anything else is unknown, never guessed: {@link Mapping#known} says which, so that
 * unknown pairs can be counted and listed.
 */
public final class EventActions {

  /**
   * What an event maps to: the actions (empty for a call that needs no permission, such as {@code
   * sts:GetCallerIdentity}), or unknown.
   */
  public record Mapping(List<String> actions, boolean known) {
    public Mapping {
      actions = List.copyOf(actions);
    }

    static final Mapping UNKNOWN = new Mapping(List.of(), false);
  }

  private static final Map<String, String> PREFIXES =
      Map.of("monitoring", "cloudwatch", "email", "ses", "streams.dynamodb", "dynamodb");

  private static final Map<String, List<String>> RENAMED =
      Map.ofEntries(
          Map.entry("lambda:Invoke", List.of("lambda:InvokeFunction")),
          Map.entry("s3:ListBuckets", List.of("s3:ListAllMyBuckets")),
          Map.entry("s3:ListObjects", List.of("s3:ListBucket")),
          Map.entry("s3:ListObjectsV2", List.of("s3:ListBucket")),
          Map.entry("s3:HeadBucket", List.of("s3:ListBucket")),
          Map.entry("s3:HeadObject", List.of("s3:GetObject")),
          Map.entry("s3:ListObjectVersions", List.of("s3:ListBucketVersions")),
          Map.entry("s3:DeleteObjects", List.of("s3:DeleteObject")),
          Map.entry("s3:CreateMultipartUpload", List.of("s3:PutObject")),
          Map.entry("s3:UploadPart", List.of("s3:PutObject")),
          Map.entry("s3:CompleteMultipartUpload", List.of("s3:PutObject")),
          Map.entry("s3:UploadPartCopy", List.of("s3:GetObject", "s3:PutObject")),
          Map.entry("s3:CopyObject", List.of("s3:GetObject", "s3:PutObject")),
          Map.entry("s3:AbortMultipartUpload", List.of("s3:AbortMultipartUpload")),
          Map.entry("sts:GetCallerIdentity", List.of()));

  /** {@code 20150331}, {@code 20150331v2}: Lambda's API versions in its event names. */
  private static final Pattern LAMBDA_VERSION = Pattern.compile("\\d{8}(?:v\\d+)?$");

  private static final class Holder {
    static final EventActions BUNDLED = new EventActions(IamCatalog.bundled());
  }

  private final IamCatalog catalog;
  private final Map<String, Mapping> cache = new ConcurrentHashMap<>();

  public EventActions(IamCatalog catalog) {
    this.catalog = catalog;
  }

  /** Over the bundled IAM catalog. */
  public static EventActions bundled() {
    return Holder.BUNDLED;
  }

  public Mapping of(String eventSource, String eventName) {
    return cache.computeIfAbsent(eventSource + " " + eventName, k -> map(eventSource, eventName));
  }

  private Mapping map(String eventSource, String eventName) {
    int suffix = eventSource.indexOf(".amazonaws.com");
    if (suffix <= 0 || eventName.isEmpty()) {
      return Mapping.UNKNOWN;
    }
    String endpoint = eventSource.substring(0, suffix);
    String prefix = PREFIXES.getOrDefault(endpoint, endpoint);
    String name =
        prefix.equals("lambda") ? LAMBDA_VERSION.matcher(eventName).replaceFirst("") : eventName;
    List<String> wanted = RENAMED.getOrDefault(prefix + ":" + name, List.of(prefix + ":" + name));
    List<String> actions = new ArrayList<>();
    for (String action : wanted) {
      Optional<IamAction> known = catalog.action(action);
      if (known.isEmpty()) {
        return Mapping.UNKNOWN;
      }
      actions.add(known.get().fullName()); // the catalog's spelling
    }
    return new Mapping(actions, true);
  }
}
