package dev.warden.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.iam.IamCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Which IAM actions an AWS SDK call needs. In order: the documented exceptions ({@code
 * sdk-helpers.json}: SDK helpers such as boto3's {@code upload_file}, client wrappers such as
 * {@code DocumentClient}); the bundled table of SDK operations ({@code sdk-actions.json.gz}, from
 * iann0036/iam-dataset of 2023-01-01, MIT); for operations newer than the table, the naming rule —
 * {@code <prefix>:<Operation>} — accepted only when the IAM catalog has that action. Anything else
 * is {@link Basis#UNKNOWN}: the caller must say the policy is incomplete, never guess.
 */
public final class SdkActions {

  /** How an answer was found, from most to least certain. */
  public enum Basis {
    /** The operation needs no permission (e.g. {@code sts:GetCallerIdentity}). */
    NO_PERMISSION,
    /** A documented exception of {@code sdk-helpers.json}. */
    HELPER,
    /** The bundled table of SDK operations. */
    TABLE,
    /** {@code <prefix>:<Operation>}, found in the IAM catalog. */
    NAMING_RULE,
    /** Not found: the policy of a function making this call is incomplete. */
    UNKNOWN
  }

  /**
   * One IAM action a call needs.
   *
   * @param resources the call's parameters that name the resource, by the ARN part they fill
   *     ({@code BucketName -> ${Bucket}}, {@code ObjectName -> ${Key}})
   * @param arnOverride a whole ARN template, when the table gives one
   * @param dependent true for an action the table marks as needed alongside the main one
   */
  public record ActionNeed(
      String action,
      Map<String, String> resources,
      Optional<String> arnOverride,
      boolean dependent) {
    public ActionNeed {
      resources = Map.copyOf(resources);
    }
  }

  /** The actions of one call, how they were found, and why when it is worth saying. */
  public record Resolution(SdkCall call, Basis basis, List<ActionNeed> actions, String note) {
    public Resolution {
      actions = List.copyOf(actions);
    }
  }

  private record Helper(List<String> actions, Optional<String> as, String why) {}

  /** Actions a call needs because of a parameter it passes. */
  private record ParameterRule(Set<String> when, List<String> actions) {}

  private static final SdkActions BUNDLED = load();

  private final Map<String, List<ActionNeed>> methods;
  private final Map<String, String> prefixes;
  private final Map<String, String> byNormalisedName;
  private final Set<String> permissionless;
  private final Map<String, Helper> helpers;
  private final Map<String, List<ParameterRule>> parameterRules;
  private final String source;

  private SdkActions(
      Map<String, List<ActionNeed>> methods,
      Map<String, String> prefixes,
      Set<String> permissionless,
      Map<String, Helper> helpers,
      Map<String, List<ParameterRule>> parameterRules,
      String source) {
    this.methods = methods;
    this.parameterRules = parameterRules;
    this.prefixes = prefixes;
    this.permissionless = permissionless;
    this.helpers = helpers;
    this.source = source;
    this.byNormalisedName = new HashMap<>();
    for (String service : prefixes.keySet()) {
      byNormalisedName.putIfAbsent(SdkServices.normalise(service), service);
    }
  }

  public static SdkActions bundled() {
    return BUNDLED;
  }

  /** Where the table comes from, with its date. */
  public String source() {
    return source;
  }

  /** The number of SDK operations in the table. */
  public int size() {
    return methods.size();
  }

  /**
   * The IAM service prefix of an SDK service ({@code S3 -> s3}, {@code StepFunctions -> states}).
   */
  public Optional<String> prefix(String sdkService) {
    return Optional.ofNullable(prefixes.get(sdkService));
  }

  String serviceByNormalisedName(String normalised) {
    return byNormalisedName.get(normalised);
  }

  /** What the call needs, and how Warden knows. */
  public Resolution resolve(SdkCall call) {
    if (permissionless.contains(call.toString())) {
      return new Resolution(call, Basis.NO_PERMISSION, List.of(), "needs no permission");
    }
    Helper helper = helpers.get(call.toString());
    if (helper != null) {
      if (helper.as().isPresent()) {
        List<ActionNeed> actions = methods.getOrDefault(helper.as().get(), List.of());
        return new Resolution(call, Basis.HELPER, actions, helper.why());
      }
      List<ActionNeed> actions = new ArrayList<>();
      for (String action : helper.actions()) {
        actions.add(new ActionNeed(action, objectResource(call), Optional.empty(), false));
      }
      return new Resolution(call, Basis.HELPER, actions, helper.why());
    }
    List<ActionNeed> table = methods.get(call.toString());
    if (table != null) {
      return new Resolution(call, Basis.TABLE, table, "");
    }
    Optional<String> prefix = prefix(call.service());
    if (prefix.isPresent()) {
      String action = prefix.get() + ":" + call.operation();
      if (IamCatalog.bundled().action(action).isPresent()) {
        return new Resolution(
            call,
            Basis.NAMING_RULE,
            List.of(new ActionNeed(action, Map.of(), Optional.empty(), false)),
            "newer than the SDK table; the IAM catalog has " + action);
      }
    }
    return new Resolution(
        call,
        Basis.UNKNOWN,
        List.of(),
        prefix.isEmpty()
            ? "unknown SDK service " + call.service()
            : "no IAM action known for " + call + ": the policy may be incomplete");
  }

  /**
   * The actions a call needs because of the parameters it passes, beyond those of the operation
   * ({@code PutObject} with an {@code ACL} also needs {@code s3:PutObjectAcl}); {@code
   * sdk-helpers.json} lists them with the reason.
   */
  public List<ActionNeed> forParameters(SdkCall call, Set<String> parameters) {
    List<ActionNeed> needs = new ArrayList<>();
    for (ParameterRule rule : parameterRules.getOrDefault(call.toString(), List.of())) {
      if (rule.when().stream().anyMatch(parameters::contains)) {
        for (String action : rule.actions()) {
          needs.add(new ActionNeed(action, objectResource(call), Optional.empty(), true));
        }
      }
    }
    return needs;
  }

  /** Helpers on S3 objects take Bucket and Key like the operations they wrap. */
  private static Map<String, String> objectResource(SdkCall call) {
    return call.service().equals("S3")
        ? Map.of("BucketName", "${Bucket}", "ObjectName", "${Key}")
        : Map.of();
  }

  private static SdkActions load() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream raw = SdkActions.class.getResourceAsStream("sdk-actions.json.gz");
        InputStream in = new GZIPInputStream(raw);
        InputStream helpersIn = SdkActions.class.getResourceAsStream("sdk-helpers.json")) {
      JsonNode root = json.readTree(in);
      Map<String, List<ActionNeed>> methods = new HashMap<>();
      for (Map.Entry<String, JsonNode> method : root.get("methods").properties()) {
        List<ActionNeed> needs = new ArrayList<>();
        for (JsonNode need : method.getValue()) {
          Map<String, String> resources = new LinkedHashMap<>();
          JsonNode r = need.path("r");
          for (Map.Entry<String, JsonNode> resource : r.properties()) {
            resources.put(resource.getKey(), resource.getValue().asText());
          }
          needs.add(
              new ActionNeed(
                  need.get("a").asText(),
                  resources,
                  need.has("o") ? Optional.of(need.get("o").asText()) : Optional.empty(),
                  need.path("d").asBoolean(false)));
        }
        methods.put(method.getKey(), List.copyOf(needs));
      }
      Map<String, String> prefixes = new HashMap<>();
      for (Map.Entry<String, JsonNode> service : root.get("services").properties()) {
        prefixes.put(service.getKey(), service.getValue().asText());
      }
      prefixes.putIfAbsent("DocumentClient", "dynamodb");
      Set<String> permissionless = new HashSet<>();
      root.get("permissionless").forEach(p -> permissionless.add(p.asText()));
      Map<String, Helper> helpers = new HashMap<>();
      JsonNode exceptions = json.readTree(helpersIn);
      Map<String, List<ParameterRule>> parameterRules = new HashMap<>();
      for (JsonNode rule : exceptions.path("parameters")) {
        Set<String> when = new HashSet<>();
        rule.path("when").forEach(w -> when.add(w.asText()));
        List<String> actions = new ArrayList<>();
        rule.path("actions").forEach(a -> actions.add(a.asText()));
        for (JsonNode method : rule.path("methods")) {
          parameterRules
              .computeIfAbsent(
                  rule.get("service").asText() + "." + method.asText(), k -> new ArrayList<>())
              .add(new ParameterRule(Set.copyOf(when), List.copyOf(actions)));
        }
      }
      for (JsonNode helper : exceptions.get("helpers")) {
        List<String> actions = new ArrayList<>();
        helper.path("actions").forEach(a -> actions.add(a.asText()));
        helpers.put(
            helper.get("service").asText() + "." + helper.get("method").asText(),
            new Helper(
                actions,
                helper.has("as") ? Optional.of(helper.get("as").asText()) : Optional.empty(),
                helper.get("why").asText()));
      }
      return new SdkActions(
          Map.copyOf(methods),
          Map.copyOf(prefixes),
          Set.copyOf(permissionless),
          Map.copyOf(helpers),
          Map.copyOf(parameterRules),
          root.get("source").asText() + "; " + root.get("license").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled SDK action table cannot be read", e);
    }
  }
}
