package dev.warden.iam.gcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.warden.iam.BundledJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google Cloud's predefined roles and the permissions each includes, bundled from
 * iann0036/iam-dataset (MIT; see {@code dev/warden/iam/iam-dataset.LICENSE} and {@code .NOTICE};
 * source commit and date in the file's {@code source}). Loaded once, when first used.
 */
public final class GcpRoles {

  /** One predefined role. */
  public record Role(String name, String title, String stage, Set<String> permissions) {
    public Role {
      permissions = Set.copyOf(permissions);
    }
  }

  /** The basic roles, which predate IAM and span every service. */
  public static final Set<String> BASIC = Set.of("roles/owner", "roles/editor", "roles/viewer");

  private static final String RESOURCE = "gcp-predefined-roles.json.gz";

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawRole(
      String name, String title, String stage, List<String> includedPermissions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record RawFile(String source, List<RawRole> roles) {}

  private static final class Holder {
    static final GcpRoles BUNDLED = load();
  }

  private final String source;
  private final Map<String, Role> roles;

  private GcpRoles(String source, Map<String, Role> roles) {
    this.source = source;
    this.roles = roles;
  }

  public static GcpRoles bundled() {
    return Holder.BUNDLED;
  }

  /** Where the data comes from (repository, commit, date). */
  public String source() {
    return source;
  }

  public int size() {
    return roles.size();
  }

  /** The predefined role, or empty for custom roles and names Google does not define. */
  public Optional<Role> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  private static GcpRoles load() {
    RawFile file = BundledJson.read(GcpRoles.class, RESOURCE, RawFile.class);
    Map<String, Role> roles = new HashMap<>();
    for (RawRole role : file.roles()) {
      roles.put(
          role.name(),
          new Role(
              role.name(),
              role.title() == null ? role.name() : role.title(),
              role.stage() == null ? "" : role.stage(),
              Set.copyOf(
                  role.includedPermissions() == null ? List.of() : role.includedPermissions())));
    }
    return new GcpRoles(file.source(), Map.copyOf(roles));
  }
}
