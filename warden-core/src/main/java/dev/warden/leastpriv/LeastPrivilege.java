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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    RolePolicies role = RolePolicies.of(function.role(), AwsManagedPolicies.bundled());
    // What the role allows is all the comparison needs; the risks of it are not computed here.
    IamCatalog catalog = IamCatalog.bundled();
    PermissionAnalysis granted =
        new PermissionAnalysis(
            new EffectivePermissions(catalog, role.identity(), role.boundary()).expand(),
            List.of(),
            catalog.describe());
    return of(FunctionCode.read(root, function), function, app, granted, role);
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
    CodeNeeds.Result fromCode = Needs.CODE.of(function, app, code);
    List<Need> needs = new ArrayList<>(fromCode.needs());
    needs.addAll(PlatformNeeds.of(function, app));
    return GeneratedPolicy.of(
        needs,
        granted,
        grant -> grant.statements().stream().anyMatch(role::isWritten),
        app,
        fromCode.complete(),
        fromCode.notes());
  }
}
