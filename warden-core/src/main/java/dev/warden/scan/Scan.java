package dev.warden.scan;

import dev.warden.deps.DependencyFile;
import dev.warden.deps.osv.AdvisoryDatabase;
import dev.warden.deps.osv.DatabaseState;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.deps.osv.PackageReview;
import dev.warden.inventory.App;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.logs.TrailProblem;
import dev.warden.logs.detect.Detection;
import dev.warden.rules.AttackFindings;
import dev.warden.rules.Finding;
import dev.warden.rules.InputErrors;
import dev.warden.rules.RuleCatalog;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleEngine;
import dev.warden.score.RiskModel;
import dev.warden.score.RiskScore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A scan: inventory, rules, suppressions, risk scores. */
public final class Scan {

  private Scan() {}

  /**
   * Runs a scan.
   *
   * @throws NothingToScan when no input could be loaded at all
   */
  public static ScanResult run(ScanRequest request) {
    return run(request, Clock.systemUTC(), ScanOptions.defaults());
  }

  /** Runs a scan as of the clock's day (rules about dates: end-of-life runtimes, expiry). */
  public static ScanResult run(ScanRequest request, Clock clock) {
    return run(request, clock, ScanOptions.defaults());
  }

  /** Runs a scan with the team's suppressions and baseline. */
  public static ScanResult run(ScanRequest request, Clock clock, ScanOptions options) {
    Inventory inventory = new InventoryLoader(request).load();
    Optional<Path> database = options.advisoryDatabase();
    if (database.isEmpty() || !Files.isRegularFile(database.get())) {
      return run(
          inventory,
          request,
          clock,
          options,
          Optional.empty(),
          database.map(DatabaseState::missing).orElse(DatabaseState.none()));
    }
    // The database stays open for the whole run: the rules ask it as they go.
    try (AdvisoryDatabase advisories = AdvisoryDatabase.open(database.get())) {
      DatabaseState state = DatabaseState.of(database.get(), advisories.status());
      return run(
          inventory, request, clock, options, Optional.of(new DependencyAudit(advisories)), state);
    } catch (SQLException e) {
      return run(
          inventory,
          request,
          clock,
          options,
          Optional.empty(),
          DatabaseState.unreadable(database.get(), e.getMessage()));
    }
  }

  private static ScanResult run(
      Inventory inventory,
      ScanRequest request,
      Clock clock,
      ScanOptions options,
      Optional<DependencyAudit> audit,
      DatabaseState database) {
    RuleContext context =
        new RuleContext(inventory, clock, codeRoot(request), audit, options.observed());
    List<Finding> findings = new ArrayList<>();
    for (InputProblem problem : inventory.problems()) {
      findings.add(InputErrors.finding(problem));
    }
    int total = (int) inventory.functions().count();
    AtomicInteger done = new AtomicInteger();
    findings.addAll(
        new RuleEngine(
                RuleCatalog.of(
                    RuleCatalog.bundled().rules().stream()
                        .filter(r -> options.rules().test(r.info()))
                        .toList()))
            .run(
                inventory,
                context,
                () -> options.progress().checked(done.incrementAndGet(), total)));
    Map<String, PackageReview> packages = new HashMap<>();
    for (App app : inventory.apps()) {
      for (ServerlessFunction function : app.functions()) {
        packages.put(function.id(), context.packages(function, app)); // before the database closes
      }
    }
    findings.addAll(dependencyFileProblems(packages.values()));
    if (options.attacks().isPresent()) {
      ScanOptions.Attacks attacks = options.attacks().get();
      SourceLocation logs = SourceLocation.ofFile(attacks.logs());
      for (Detection detection : attacks.detections()) {
        findings.add(AttackFindings.finding(detection, inventory, logs));
      }
      for (TrailProblem problem : attacks.problems()) {
        findings.add(
            InputErrors.finding(
                new InputProblem(
                    SourceLocation.of(problem.file(), (int) Math.min(problem.line(), 1 << 30), 0),
                    problem.message(),
                    "")));
      }
    }
    findings =
        new Suppressions(options.config(), options.baseline(), clock).apply(inventory, findings);
    findings.sort(Finding.ORDER); // rules run in parallel: fix the order before scoring
    Map<String, List<Finding>> byFunction = new HashMap<>();
    for (Finding finding : findings) {
      finding
          .functionId()
          .ifPresent(id -> byFunction.computeIfAbsent(id, k -> new ArrayList<>()).add(finding));
    }
    RiskModel model = new RiskModel(context);
    Map<String, RiskScore> scores = new HashMap<>();
    for (ServerlessFunction function : inventory.functions().toList()) {
      scores.put(
          function.id(), model.score(function, byFunction.getOrDefault(function.id(), List.of())));
    }
    PackageReview none = new PackageReview(List.of(), List.of(), Optional.empty());
    return new ScanResult(
        inventory,
        findings,
        scores,
        context::reach,
        database,
        clock,
        f -> packages.getOrDefault(f.id(), none));
  }

  /**
   * Lockfiles and manifests that could not be fully read, once per file and problem however many
   * functions ship them.
   */
  private static List<Finding> dependencyFileProblems(Iterable<PackageReview> reviews) {
    Map<String, Finding> found = new java.util.TreeMap<>();
    for (PackageReview review : reviews) {
      for (DependencyFile file : review.files()) {
        for (InputProblem problem : file.problems()) {
          found.putIfAbsent(problem.at() + " " + problem.message(), InputErrors.finding(problem));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Function code paths are relative to the scanned folder (of a single scanned path). */
  private static Optional<Path> codeRoot(ScanRequest request) {
    if (request.paths().size() != 1) {
      return Optional.empty();
    }
    Path path = request.paths().get(0).toAbsolutePath().normalize();
    return Optional.ofNullable(Files.isDirectory(path) ? path : path.getParent());
  }
}
