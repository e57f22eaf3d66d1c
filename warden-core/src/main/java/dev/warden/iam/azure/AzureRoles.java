package dev.warden.iam.azure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.warden.iam.BundledJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure's built-in role definitions (actions, not-actions, data actions), bundled from
 * iann0036/iam-dataset (MIT; see {@code dev/warden/iam/iam-dataset.LICENSE} and {@code .NOTICE};
 * source commit and date in the file's {@code source}). Roles are found by their definition GUID
 * (also inside a full {@code .../roleDefinitions/GUID} id) or by their name, case-insensitively.
 */
public final class AzureRoles {

  /** One built-in role: every permission block's entries merged (built-in roles have one block). */
  public record Role(
      String id,
      String name,
      String description,
      List<String> actions,
      List<String> notActions,
      List<String> dataActions,
      List<String> notDataActions) {

    public Role {
      actions = List.copyOf(actions);
      notActions = List.copyOf(notActions);
      dataActions = List.copyOf(dataActions);
      notDataActions = List.copyOf(notDataActions);
    }

    /** True when the role allows the control-plane operation (wildcards as Azure matches them). */
    public boolean allows(String operation) {
      return matchesAny(actions, operation) && !matchesAny(notActions, operation);
    }

    /** True when the role allows the data-plane operation. */
    public boolean allowsData(String operation) {
      return matchesAny(dataActions, operation) && !matchesAny(notDataActions, operation);
    }

    /** The entries of {@code actions} and {@code dataActions} that contain a wildcard. */
    public List<String> wildcards() {
      List<String> wild = new ArrayList<>();
      actions.stream().filter(a -> a.contains("*")).forEach(wild::add);
      dataActions.stream().filter(a -> a.contains("*")).forEach(wild::add);
      return wild;
    }
  }

  private static final String RESOURCE = "azure-built-in-roles.json.gz";

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawPermissions(
      List<String> actions,
      List<String> notActions,
      List<String> dataActions,
      List<String> notDataActions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawRole(
      String id, String roleName, String description, List<RawPermissions> permissions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawFile(String source, List<RawRole> roles) {}

  private static final class Holder {
    static final AzureRoles BUNDLED = load();
  }

  private final String source;
  private final Map<String, Role> byId;
  private final Map<String, Role> byName;

  private AzureRoles(String source, Map<String, Role> byId, Map<String, Role> byName) {
    this.source = source;
    this.byId = byId;
    this.byName = byName;
  }

  public static AzureRoles bundled() {
    return Holder.BUNDLED;
  }

  public String source() {
    return source;
  }

  public int size() {
    return byId.size();
  }

  /**
   * The built-in role a definition id or a role name stands for: a GUID, a full {@code
   * /subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/GUID} id, or a name such as
   * {@code Contributor}.
   */
  public Optional<Role> find(String idOrName) {
    String key = idOrName.trim().toLowerCase(Locale.ROOT);
    int slash = key.lastIndexOf('/');
    String last = slash >= 0 ? key.substring(slash + 1) : key;
    Role role = byId.get(last);
    return Optional.ofNullable(role != null ? role : byName.get(key));
  }

  /**
   * True when an Azure permission pattern covers the operation: case-insensitive, {@code *} matches
   * any run of characters.
   */
  static boolean matchesAny(List<String> patterns, String operation) {
    String op = operation.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      if (glob(pattern.toLowerCase(Locale.ROOT), op)) {
        return true;
      }
    }
    return false;
  }

  private static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static AzureRoles load() {
    RawFile file = BundledJson.read(AzureRoles.class, RESOURCE, RawFile.class);
    Map<String, Role> byId = new HashMap<>();
    Map<String, Role> byName = new HashMap<>();
    for (RawRole r : file.roles()) {
      List<String> actions = new ArrayList<>();
      List<String> notActions = new ArrayList<>();
      List<String> dataActions = new ArrayList<>();
      List<String> notDataActions = new ArrayList<>();
      for (RawPermissions p :
          r.permissions() == null ? List.<RawPermissions>of() : r.permissions()) {
        addAll(actions, p.actions());
        addAll(notActions, p.notActions());
        addAll(dataActions, p.dataActions());
        addAll(notDataActions, p.notDataActions());
      }
      Role role =
          new Role(
              r.id(),
              r.roleName(),
              r.description() == null ? "" : r.description(),
              actions,
              notActions,
              dataActions,
              notDataActions);
      byId.put(r.id().toLowerCase(Locale.ROOT), role);
      byName.put(r.roleName().toLowerCase(Locale.ROOT), role);
    }
    return new AzureRoles(file.source(), Map.copyOf(byId), Map.copyOf(byName));
  }

  private static void addAll(List<String> into, List<String> from) {
    if (from != null) {
      into.addAll(from);
    }
  }
}
