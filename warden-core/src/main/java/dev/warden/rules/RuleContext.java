package dev.warden.rules;

import dev.warden.code.FunctionCode;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.DependencyFinder;
import dev.warden.deps.installed.InstalledPackages;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.deps.osv.PackageReview;
import dev.warden.iam.AwsManagedPolicies;
import dev.warden.iam.IamCatalog;
import dev.warden.iam.PermissionAnalysis;
import dev.warden.iam.RolePolicies;
import dev.warden.inventory.App;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Layer;
import dev.warden.inventory.Reachability;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SymbolicText;
import dev.warden.logs.PermissionUsage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What rules share during one scan: the inventory, the clock, and the analyses several rules read
 * (the effective permissions of each role, computed once per role and on first use).
 */
public final class RuleContext {

  private final Inventory inventory;
  private final Clock clock;
  private final Optional<Path> codeRoot;
  private final Map<String, List<ServerlessFunction>> sharing;
  private final Map<String, PermissionAnalysis> permissions = new ConcurrentHashMap<>();
  private final Map<String, RolePolicies> policies = new ConcurrentHashMap<>();
  private final Map<String, Reachability> reach = new ConcurrentHashMap<>();
  private final Map<String, AppIndex> indexes = new ConcurrentHashMap<>();
  private final Map<String, FunctionCode> code = new ConcurrentHashMap<>();
  private final Optional<DependencyAudit> audit;
  private final Optional<PermissionUsage> observed;
  private final Map<String, List<DependencyFile>> dependencyFiles = new ConcurrentHashMap<>();
  private final Map<String, PackageReview> packages = new ConcurrentHashMap<>();
  private final Map<String, List<InstalledPackages.Inspection>> installed =
      new ConcurrentHashMap<>();

  public RuleContext(Inventory inventory, Clock clock) {
    this(inventory, clock, Optional.empty());
  }

  public RuleContext(Inventory inventory, Clock clock, Optional<Path> codeRoot) {
    this(inventory, clock, codeRoot, Optional.empty());
  }

  /**
   * A context whose functions' local code paths are relative to {@code codeRoot} (the scanned
   * folder), so that rules can read function code.
   */
  public RuleContext(
      Inventory inventory, Clock clock, Optional<Path> codeRoot, Optional<DependencyAudit> audit) {
    this(inventory, clock, codeRoot, audit, Optional.empty());
  }

  /** A context that also knows what the audit logs show the functions used. */
  public RuleContext(
      Inventory inventory,
      Clock clock,
      Optional<Path> codeRoot,
      Optional<DependencyAudit> audit,
      Optional<PermissionUsage> observed) {
    this.observed = observed;
    this.audit = audit;
    this.inventory = inventory;
    this.clock = clock;
    this.codeRoot = codeRoot;
    this.sharing = inventory.roleSharing();
  }

  /** The function's code as read from the scan's folder, once per function; empty without one. */
  public Optional<FunctionCode> code(ServerlessFunction function) {
    if (codeRoot.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        code.computeIfAbsent(function.id(), id -> FunctionCode.read(codeRoot.get(), function)));
  }

  /**
   * The function's packages: the dependency files of its code folder and of its local layers (each
   * folder read once per scan), and — when the scan has an advisory database — the vulnerable ones.
   */
  public PackageReview packages(ServerlessFunction function, App app) {
    return packages.computeIfAbsent(function.id(), id -> review(function, app));
  }

  /**
   * The packages installed in the function's code folder and its local layers, and what their code
   * does (each folder read once per scan).
   */
  public List<InstalledPackages.Inspection> installedPackages(
      ServerlessFunction function, App app) {
    if (codeRoot.isEmpty()) {
      return List.of();
    }
    List<InstalledPackages.Inspection> found = new ArrayList<>();
    for (String folder : folders(function, app)) {
      found.addAll(
          installed.computeIfAbsent(
              folder,
              f ->
                  InstalledPackages.find(codeRoot.get(), f).stream()
                      .map(p -> InstalledPackages.inspect(codeRoot.get(), p))
                      .toList()));
    }
    return found;
  }

  /** The local folders a function's code comes from: its code location and its layers'. */
  private static List<String> folders(ServerlessFunction function, App app) {
    List<String> folders = new ArrayList<>();
    if (function.code() instanceof CodeLocation.LocalPath local) {
      folders.add(local.path());
    }
    for (Layer layer : app.layers()) {
      if (layer.contentPath().isPresent() && uses(function, layer)) {
        folders.add(layer.contentPath().get());
      }
    }
    return folders;
  }

  /** What the audit logs given to the scan ({@code --trail}) show the functions used. */
  public Optional<PermissionUsage> observed() {
    return observed;
  }

  /** True when the scan matches packages against an advisory database. */
  public boolean auditsPackages() {
    return audit.isPresent();
  }

  private PackageReview review(ServerlessFunction function, App app) {
    if (codeRoot.isEmpty()) {
      return new PackageReview(List.of(), List.of(), Optional.empty());
    }
    List<DependencyFile> files = new ArrayList<>();
    for (String folder : folders(function, app)) {
      files.addAll(filesUnder(folder));
    }
    if (audit.isEmpty()) {
      return new PackageReview(files, List.of(), Optional.empty());
    }
    try {
      return new PackageReview(files, audit.get().audit(files), Optional.empty());
    } catch (SQLException e) {
      return new PackageReview(
          files, List.of(), Optional.of("the advisory database cannot be read: " + e.getMessage()));
    }
  }

  private List<DependencyFile> filesUnder(String path) {
    return dependencyFiles.computeIfAbsent(
        path, p -> DependencyFinder.under(codeRoot.orElseThrow(), p));
  }

  /** A function uses a layer of its app when it names the layer's ARN or refers to the layer. */
  private static boolean uses(ServerlessFunction function, Layer layer) {
    for (SymbolicText named : function.layers()) {
      if (named.equals(layer.arn()) || named.symbols().contains(layer.logicalId())) {
        return true;
      }
    }
    return false;
  }

  /** The folder function code paths are relative to, when the scan has one. */
  public Optional<Path> codeRoot() {
    return codeRoot;
  }

  public Inventory inventory() {
    return inventory;
  }

  /** Today, for dates in rules (end-of-life runtimes, suppression expiry). */
  public Clock clock() {
    return clock;
  }

  /** The other functions that run with the same role as this one. */
  public List<ServerlessFunction> sharingRoleWith(ServerlessFunction function) {
    return sharing.getOrDefault(function.id(), List.of());
  }

  /** The parsed policies of the function's role. */
  public RolePolicies policies(ServerlessFunction function) {
    return policies.computeIfAbsent(
        roleKey(function), k -> RolePolicies.of(function.role(), AwsManagedPolicies.bundled()));
  }

  /** What the function's role allows and what an attacker holding it gets. */
  public PermissionAnalysis permissions(ServerlessFunction function) {
    return permissions.computeIfAbsent(
        roleKey(function),
        k -> {
          RolePolicies role = policies(function);
          return PermissionAnalysis.of(IamCatalog.bundled(), role.identity(), role.boundary());
        });
  }

  /**
   * Which resources of the app each of its functions may reach, built once per app (reports reuse
   * it).
   */
  public Reachability reach(App app) {
    return reach.computeIfAbsent(app.id(), k -> Reachability.of(app));
  }

  /** The app's resources by id, type and name, built once per app. */
  public AppIndex index(App app) {
    return indexes.computeIfAbsent(app.id(), k -> new AppIndex(app));
  }

  /** Functions of one role share its analysis: the role's declaration identifies it. */
  private static String roleKey(ServerlessFunction function) {
    return function.role().at() + "|" + function.role().arn();
  }
}
