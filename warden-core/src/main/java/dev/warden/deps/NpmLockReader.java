package dev.warden.deps;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfile versions 1, 2 and 3. Version
 * 2 and 3 list every installed package by its folder ({@code node_modules/a/node_modules/b}); which
 * package a dependency name means follows Node's lookup (the nearest {@code node_modules} up the
 * tree), and each package's dependency path is the shortest chain of requirements from the project.
 * Version 1 nests packages under {@code dependencies}; its direct dependencies are those the
 * project's {@code package.json} names, when it is beside the lockfile. Local links and packages
 * not from the registry ({@code github:}, {@code file:}) are listed in the notes, not matched.
 */
public final class NpmLockReader {

  /** In this order, so that paths are the same from run to run. */
  private static final List<String> DEPENDENCY_KEYS =
      List.of("dependencies", "optionalDependencies", "devDependencies", "peerDependencies");

  private NpmLockReader() {}

  /**
   * Reads a lockfile; {@code manifest} is the {@code package.json} beside it, when there is one
   * (only version 1 needs it).
   */
  public static DependencyFile read(SourceFile lockfile, Optional<SourceFile> manifest) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<Value.Obj> parsed =
        LockDocuments.mapping(lockfile, problems, "Regenerate the lockfile with npm install.");
    if (parsed.isEmpty()) {
      return new DependencyFile(
          lockfile.displayPath(), Ecosystem.NPM, true, List.of(), problems, notes);
    }
    Value.Obj lock = parsed.get();
    int version =
        lock.get("lockfileVersion")
            .filter(Value.Num.class::isInstance)
            .map(v -> ((Value.Num) v).lexeme())
            .filter(lexeme -> lexeme.matches("[0-9]{1,3}"))
            .map(Integer::parseInt)
            .orElse(1);
    List<Dependency> packages;
    if (version >= 2 && lock.obj("packages").isPresent()) {
      if (version > 3) {
        notes.add(
            lockfile.displayPath()
                + ": lockfileVersion "
                + version
                + " is newer than Warden knows (3); read as version 3");
      }
      packages = fromPackages(lock.obj("packages").get(), notes);
    } else {
      packages = fromDependencies(lock, directNames(manifest), notes);
    }
    manifest.ifPresent(m -> problems.addAll(contradictions(m, lockfile, packages)));
    return new DependencyFile(
        lockfile.displayPath(), Ecosystem.NPM, true, packages, problems, notes);
  }

  /**
   * Where the lockfile contradicts its {@code package.json}: a dependency it does not lock, or
   * locks at a version outside the declared range. The lockfile is what gets installed, so the
   * matches use it; the contradiction is reported at the manifest's line.
   */
  static List<InputProblem> contradictions(
      SourceFile manifest, SourceFile lockfile, List<Dependency> packages) {
    Value root;
    try {
      root = new DocumentReader(ReadLimits.DEFAULT).parse(manifest).root();
    } catch (InputError e) {
      return List.of(); // an unreadable manifest says nothing against the lockfile
    }
    if (!(root instanceof Value.Obj json)) {
      return List.of();
    }
    Map<String, String> locked = new LinkedHashMap<>();
    for (Dependency dependency : packages) {
      if (dependency.direct() && dependency.version().isPresent()) {
        locked.putIfAbsent(dependency.name(), dependency.version().get());
      }
    }
    List<InputProblem> problems = new ArrayList<>();
    for (String key : List.of("dependencies", "devDependencies")) {
      for (Value.Field field : json.obj(key).map(Value.Obj::fields).orElse(List.of())) {
        if (!(field.value() instanceof Value.Str declared)) {
          continue;
        }
        String range = declared.text().toString();
        VersionRange admitted;
        try {
          admitted = VersionRange.parse(Ecosystem.NPM, range);
        } catch (InvalidVersionException e) {
          continue; // a URL, a path, a tag, an alias: nothing to compare
        }
        String version = locked.get(field.key());
        if (version != null && admitted.contains(version)) {
          continue;
        }
        String lockSays =
            version == null
                ? " does not lock it: the lockfile is out of date"
                : " locks "
                    + version
                    + ": the lockfile is out of date (packages are matched as locked)";
        problems.add(
            new InputProblem(
                field.keyAt(),
                manifest.displayPath()
                    + " asks for "
                    + field.key()
                    + " "
                    + range
                    + " but "
                    + lockfile.displayPath()
                    + lockSays,
                "Run npm install and commit the lockfile."));
      }
    }
    return problems;
  }

  /**
   * A {@code package.json} with no lockfile beside it: its dependencies with the ranges it declares
   * (an exact version where it gives one), direct only, not locked.
   */
  public static DependencyFile readManifest(SourceFile manifest) {
    List<InputProblem> problems = new ArrayList<>();
    List<Dependency> packages = new ArrayList<>();
    Optional<Value.Obj> json =
        LockDocuments.mapping(manifest, problems, "Fix the package.json so that npm can read it.");
    for (String key : DEPENDENCY_KEYS) {
      if (key.equals("peerDependencies")) {
        continue;
      }
      for (Value.Field field :
          json.flatMap(j -> j.obj(key)).map(Value.Obj::fields).orElse(List.of())) {
        String declared = field.value() instanceof Value.Str s ? s.text().toString() : "";
        boolean exact = SemVer.isValid(declared);
        packages.add(
            new Dependency(
                Ecosystem.NPM,
                field.key(),
                exact ? Optional.of(declared) : Optional.empty(),
                exact ? Optional.empty() : Optional.of(declared.isEmpty() ? "*" : declared),
                true,
                key.equals("devDependencies"),
                List.of(field.key()),
                field.keyAt()));
      }
    }
    boolean locked = packages.stream().allMatch(p -> p.version().isPresent());
    return new DependencyFile(
        manifest.displayPath(),
        Ecosystem.NPM,
        locked && !packages.isEmpty(),
        packages,
        problems,
        List.of(
            manifest.displayPath()
                + " has no lockfile beside it: versions are the declared ranges"));
  }

  /** Version 2 and 3: {@code packages} keyed by folder. */
  private static List<Dependency> fromPackages(Value.Obj entries, List<String> notes) {
    Map<String, Value.Obj> byFolder = new LinkedHashMap<>();
    for (Value.Field field : entries.fields()) {
      if (field.value() instanceof Value.Obj entry) {
        byFolder.put(field.key(), entry);
      }
    }
    Value.Obj project = byFolder.getOrDefault("", new Value.Obj(List.of(), entries.at()));
    Set<String> direct = new java.util.HashSet<>();
    for (String key : DEPENDENCY_KEYS) {
      project.obj(key).ifPresent(deps -> deps.fields().forEach(f -> direct.add(f.key())));
    }
    // Shortest requirement chains from the project, following Node's module lookup.
    Map<String, List<String>> paths =
        LockDocuments.shortestPaths(
            requirements("", byFolder), folder -> requirements(folder, byFolder));
    List<Dependency> packages = new ArrayList<>();
    for (Map.Entry<String, Value.Obj> folder : byFolder.entrySet()) {
      String key = folder.getKey();
      int at = key.lastIndexOf("node_modules/");
      if (key.isEmpty() || at < 0) {
        continue; // the project itself, or a workspace folder (listed again as a link)
      }
      Value.Obj entry = folder.getValue();
      String name = entry.text("name").map(Object::toString).orElse(key.substring(at + 13));
      if (entry.get("link").filter(v -> v instanceof Value.Bool b && b.value()).isPresent()) {
        notes.add(
            name
                + " is a local link ("
                + entry.text("resolved").map(Object::toString).orElse("?")
                + "): not matched");
        continue;
      }
      Optional<String> version = entry.text("version").map(Object::toString);
      if (version.isEmpty() || !SemVer.isValid(version.get())) {
        notes.add(name + " has no registry version (" + version.orElse("none") + "): not matched");
        continue;
      }
      boolean development =
          entry.get("dev").filter(v -> v instanceof Value.Bool b && b.value()).isPresent();
      List<String> path = paths.getOrDefault(key, List.of(name));
      packages.add(
          new Dependency(
              Ecosystem.NPM,
              name,
              version,
              Optional.empty(),
              !key.substring(0, at).contains("node_modules/") && direct.contains(name),
              development,
              path,
              entry.at()));
    }
    return packages;
  }

  /** The folders the package in {@code folder} requires, with the names it requires them by. */
  private static Map<String, String> requirements(String folder, Map<String, Value.Obj> byFolder) {
    Map<String, String> required = new LinkedHashMap<>();
    Value.Obj entry = byFolder.get(folder);
    if (entry == null) {
      return required;
    }
    for (String key : DEPENDENCY_KEYS) {
      for (Value.Field dependency : entry.obj(key).map(Value.Obj::fields).orElse(List.of())) {
        resolve(folder, dependency.key(), byFolder)
            .ifPresent(t -> required.putIfAbsent(t, dependency.key()));
      }
    }
    return required;
  }

  /** The folder Node would load {@code name} from when required in {@code folder}. */
  private static Optional<String> resolve(
      String folder, String name, Map<String, Value.Obj> byFolder) {
    String base = folder;
    while (true) {
      String candidate = (base.isEmpty() ? "" : base + "/") + "node_modules/" + name;
      if (byFolder.containsKey(candidate)) {
        return Optional.of(candidate);
      }
      if (base.isEmpty()) {
        return Optional.empty();
      }
      int up = base.lastIndexOf("/node_modules/");
      base = up < 0 ? "" : base.substring(0, up);
    }
  }

  /** Version 1: nested {@code dependencies}. */
  private static List<Dependency> fromDependencies(
      Value.Obj lock, Optional<Set<String>> direct, List<String> notes) {
    List<Dependency> packages = new ArrayList<>();
    if (direct.isEmpty()) {
      notes.add(
          "lockfile version 1 without a package.json beside it: direct and transitive packages"
              + " are not told apart");
    }
    walk(lock.obj("dependencies"), List.of(), direct, packages, notes);
    return packages;
  }

  private static void walk(
      Optional<Value.Obj> dependencies,
      List<String> above,
      Optional<Set<String>> direct,
      List<Dependency> packages,
      List<String> notes) {
    for (Value.Field field : dependencies.map(Value.Obj::fields).orElse(List.of())) {
      if (!(field.value() instanceof Value.Obj entry)) {
        continue;
      }
      String name = field.key();
      List<String> path = new ArrayList<>(above);
      path.add(name);
      Optional<String> version = entry.text("version").map(Object::toString);
      if (version.isPresent() && SemVer.isValid(version.get())) {
        packages.add(
            new Dependency(
                Ecosystem.NPM,
                name,
                version,
                Optional.empty(),
                above.isEmpty() && direct.map(d -> d.contains(name)).orElse(false),
                entry.get("dev").filter(v -> v instanceof Value.Bool b && b.value()).isPresent(),
                path,
                field.keyAt()));
      } else {
        notes.add(name + " has no registry version (" + version.orElse("none") + "): not matched");
      }
      walk(entry.obj("dependencies"), path, direct, packages, notes);
    }
  }

  private static Optional<Set<String>> directNames(Optional<SourceFile> manifest) {
    if (manifest.isEmpty()) {
      return Optional.empty();
    }
    try {
      Value root = new DocumentReader(ReadLimits.DEFAULT).parse(manifest.get()).root();
      Set<String> names = new java.util.HashSet<>();
      if (root instanceof Value.Obj json) {
        for (String key : DEPENDENCY_KEYS) {
          json.obj(key).ifPresent(deps -> deps.fields().forEach(f -> names.add(f.key())));
        }
      }
      return Optional.of(names);
    } catch (InputError e) {
      return Optional.empty();
    }
  }
}
