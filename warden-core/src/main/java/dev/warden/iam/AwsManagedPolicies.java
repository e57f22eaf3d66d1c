package dev.warden.iam;

import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents of the AWS-managed policies, bundled from iann0036/iam-dataset (MIT; see {@code
 * iam-dataset.NOTICE}). The file is indexed when first used and each document is parsed only when
 * asked for, so a scan pays for the policies it meets, not for all 1,600 of them.
 */
public final class AwsManagedPolicies {

  private static final String RESOURCE = "aws-managed-policies.jsonl";

  /** The file name the documents' locations carry. */
  public static final String FILE = RESOURCE;

  private static final String ARN_PREFIX = "arn:aws:iam::aws:policy/";
  private static final List<String> OTHER_PARTITIONS =
      List.of("arn:aws-cn:", "arn:aws-us-gov:", "arn:aws-iso:", "arn:aws-iso-b:");

  /** One AWS-managed policy. */
  public record ManagedPolicyDocument(String name, String arn, Value document) {}

  private static final class Holder {
    static final AwsManagedPolicies BUNDLED = load();
  }

  private final String source;
  private final String revision;
  private final String text;
  private final Map<String, int[]> linesByName;
  private final Map<String, String> namesByArn;
  private final Map<String, ManagedPolicyDocument> parsed = new ConcurrentHashMap<>();
  private final DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);

  private AwsManagedPolicies(
      String source,
      String revision,
      String text,
      Map<String, int[]> linesByName,
      Map<String, String> namesByArn) {
    this.source = source;
    this.revision = revision;
    this.text = text;
    this.linesByName = linesByName;
    this.namesByArn = namesByArn;
  }

  /** The bundled catalog, loaded on first use. */
  public static AwsManagedPolicies bundled() {
    return Holder.BUNDLED;
  }

  /** Where the bundled documents come from, with the revision and its date. */
  public String source() {
    return source;
  }

  /**
   * A short name for the bundled revision, for messages: {@code iam-dataset 2073fa52a
   * (2026-08-22)}.
   */
  public String revision() {
    return revision;
  }

  public int size() {
    return linesByName.size();
  }

  /** The names of every bundled policy, sorted. */
  public List<String> names() {
    return linesByName.keySet().stream().sorted().toList();
  }

  /** True when the ARN names an AWS-managed policy (in any partition). */
  public static boolean isAwsManagedArn(String arn) {
    return normalise(arn).startsWith(ARN_PREFIX);
  }

  /** The policy with this ARN ({@code arn:aws:iam::aws:policy/...}, any partition). */
  public Optional<ManagedPolicyDocument> byArn(String arn) {
    String name = namesByArn.get(normalise(arn));
    return name == null ? Optional.empty() : byName(name);
  }

  /** The policy with this name, as SAM's {@code Policies} lets one write it. */
  public Optional<ManagedPolicyDocument> byName(String name) {
    int[] span = linesByName.get(name);
    if (span == null) {
      return Optional.empty();
    }
    return Optional.of(parsed.computeIfAbsent(name, n -> parse(span)));
  }

  private ManagedPolicyDocument parse(int[] span) {
    String line = text.substring(span[0], span[1]);
    Value.Obj entry =
        (Value.Obj) reader.parse(new SourceFile("aws-managed-policies.jsonl", line)).root();
    String name = entry.text("name").orElseThrow().toString();
    String arn = entry.text("arn").orElseThrow().toString();
    Value document = entry.get("document").orElseThrow();
    return new ManagedPolicyDocument(name, arn, document);
  }

  private static String normalise(String arn) {
    if (arn.startsWith("arn:aws:")) {
      return arn;
    }
    for (String partition : OTHER_PARTITIONS) {
      if (arn.regionMatches(true, 0, partition, 0, partition.length())) {
        return "arn:aws:" + arn.substring(partition.length());
      }
    }
    return arn;
  }

  private static AwsManagedPolicies load() {
    String text;
    try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, int[]> lines = new HashMap<>();
    Map<String, String> arns = new HashMap<>();
    int firstEnd = text.indexOf('\n');
    String header = text.substring(0, firstEnd);
    String source = field(header, 0, "\"source\":\"");
    String revision = field(header, 0, "\"revision\":\"");
    int start = firstEnd + 1;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        String name = field(text, start, "{\"name\":\"");
        String arn = field(text, start, "\"arn\":\"");
        lines.put(name, new int[] {start, end});
        arns.put(arn, name);
      }
      start = end + 1;
    }
    return new AwsManagedPolicies(source, revision, text, lines, arns);
  }

  /**
   * The string value after {@code key} at or after {@code from} (names and ARNs have no escapes).
   */
  private static String field(String text, int from, String key) {
    int at = text.indexOf(key, from);
    int valueStart = at + key.length();
    return text.substring(valueStart, text.indexOf('"', valueStart));
  }
}
