package dev.warden.leastpriv;

import dev.warden.code.FunctionCode;
import dev.warden.code.SdkActions;
import dev.warden.iam.AwsManagedPolicies;
import dev.warden.iam.EffectivePermissions;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.RolePolicies;
import dev.warden.inventory.App;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.logs.PermissionUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The least-privilege policy of a function: what its code calls (scoped to the app's resources)
 * plus what the platform needs for its configuration, compared with what its role grants.
 */
public final class LeastPrivilege {

  /** The SDK table loads on first use, not when the rules are created at the start of a scan. */
  private static final class Needs {
    static final CodeNeeds CODE = new CodeNeeds(SdkActions.bundled(), IamCatalog.bundled());
  }

  /** The policy of {@code function}, whose local code paths are relative to {@code root}. */
  public GeneratedPolicy of(Path root, ServerlessFunction function, App app) {
    return of(root, function, app, Optional.empty());
  }

  /**
   * The same, combined with what the audit logs show the function using ({@code --trail}): actions
   * the code reading missed are added on the resources the logs show, with the logs as evidence.
   */
  public GeneratedPolicy of(
      Path root, ServerlessFunction function, App app, Optional<PermissionUsage> observed) {
    RolePolicies role = RolePolicies.of(function.role(), AwsManagedPolicies.bundled());
    // What the role allows is all the comparison needs; the risks of it are not computed here.
    IamCatalog catalog = IamCatalog.bundled();
    PermissionAnalysis granted =
        new PermissionAnalysis(
            new EffectivePermissions(catalog, role.identity(), role.boundary()).expand(),
            List.of(),
            catalog.describe());
    return of(FunctionCode.read(root, function), function, app, granted, role, observed);
  }

  /**
   * The same, from code already read, against the role's policies and what they allow as the caller
   * has them (a scan's rule context keeps both per function).
   */
  public GeneratedPolicy of(
      FunctionCode code,
      ServerlessFunction function,
      App app,
      PermissionAnalysis granted,
      RolePolicies role) {
    return of(code, function, app, granted, role, Optional.empty());
  }

  private GeneratedPolicy of(
      FunctionCode code,
      ServerlessFunction function,
      App app,
      PermissionAnalysis granted,
      RolePolicies role,
      Optional<PermissionUsage> observed) {
    CodeNeeds.Result fromCode = Needs.CODE.of(function, app, code);
    List<Need> needs = new ArrayList<>(fromCode.needs());
    List<String> notes = new ArrayList<>(fromCode.notes());
    if (observed.isPresent()) {
      PermissionUsage logs = observed.get();
      String name = function.name().concrete().orElse("");
      needs = ObservedNeeds.merge(needs, function, logs);
      notes.add(
          logs.sawFunction(name, function.logicalId())
              ? "combined with what the audit logs show the function using"
                  + logs.window().map(w -> " from " + w.from() + " to " + w.to()).orElse("")
              : "the audit logs given hold no call of this function: the policy is the code's");
    }
    needs.addAll(PlatformNeeds.of(function, app));
    return GeneratedPolicy.of(
        needs,
        granted,
        grant -> grant.statements().stream().anyMatch(role::isWritten),
        app,
        fromCode.complete(),
        notes);
  }
}
