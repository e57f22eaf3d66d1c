package dev.warden.code;

import dev.warden.code.java.AwsSdkJavaReader;
import dev.warden.code.java.JavaInjections;
import dev.warden.code.java.JavaSource;
import dev.warden.code.javascript.AwsSdkJsReader;
import dev.warden.code.javascript.JsInjections;
import dev.warden.code.python.Boto3Reader;
import dev.warden.code.python.PythonInjections;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.ServerlessFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS calls of one function's code: its handler module and the local modules it imports (Python
 * and JavaScript/TypeScript), or the handler class and the classes of its source tree (Java), read
 * with the reader of the language. Says when the result is incomplete and why: code not in the scan
 * (S3, image, unresolved), no handler file, an unknown runtime, too many files.
 *
 * @param injections event data reaching dangerous sinks, per module
 * @param secrets credentials written in the code (masked)
 * @param files the files read, relative to the scan root
 * @param packages the third-party modules the files import, by top-level name (Python and
 *     JavaScript; see {@link PackageImports})
 */
public record FunctionCode(
    List<CodeCall> calls,
    List<Injection> injections,
    List<CodeSecrets.CodeSecret> secrets,
    List<String> files,
    List<String> packages,
    boolean complete,
    List<String> notes) {

  public FunctionCode {
    packages = List.copyOf(packages);
    calls = List.copyOf(calls);
    injections = List.copyOf(injections);
    secrets = List.copyOf(secrets);
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /** A function's module graph is cut at this many files (the result is then incomplete). */
  static final int MAX_FILES = 200;

  /** Source files larger than this are skipped as generated or bundled (incomplete). */
  static final long MAX_FILE_BYTES = 2L << 20;

  private static final Pattern PY_IMPORT =
      Pattern.compile(
          "^\\s*(?:from\\s+(\\.*[\\w.]*)\\s+import|import\\s+([\\w.]+))", Pattern.MULTILINE);
  private static final Pattern JS_IMPORT =
      Pattern.compile("(?:require\\(\\s*|from\\s+|import\\s+)[\"'](\\.{1,2}/[^\"']+)[\"']");

  private enum Language {
    PYTHON,
    JAVASCRIPT,
    JAVA
  }

  /** Reads the code of {@code function}, whose local code paths are relative to {@code root}. */
  public static FunctionCode read(Path root, ServerlessFunction function) {
    List<String> notes = new ArrayList<>();
    CodeLocation code = function.code();
    if (!(code instanceof CodeLocation.LocalPath local)) {
      notes.add("code is not in the scanned folder (" + kind(code) + "): no calls read");
      return new FunctionCode(List.of(), List.of(), List.of(), List.of(), List.of(), false, notes);
    }
    Optional<Language> language = function.runtime().flatMap(FunctionCode::language);
    if (language.isEmpty()) {
      notes.add("runtime " + function.runtime().orElse("(none)") + " is not analysed");
      return new FunctionCode(List.of(), List.of(), List.of(), List.of(), List.of(), false, notes);
    }
    Path base = root.resolve(local.path()).normalize();
    if (Files.isRegularFile(base) && CodePackage.isPackage(base)) {
      String archive = local.path().replace('\\', '/');
      CodePackage.Opened opened = CodePackage.open(base, archive);
      if (opened.code().isEmpty()) {
        notes.add(opened.refusal().orElse(archive + " cannot be read"));
        return new FunctionCode(
            List.of(), List.of(), List.of(), List.of(), List.of(), false, notes);
      }
      try (CodePackage unpacked = opened.code().get()) {
        Path inside = unpacked.root();
        return walk(
            inside,
            inside,
            local.path(),
            function,
            language.get(),
            notes,
            file -> archive + "!" + file);
      }
    }
    return walk(
        root,
        base,
        local.path(),
        function,
        language.get(),
        notes,
        file -> root.relativize(file).toString().replace('\\', '/'));
  }

  /**
   * Walks the module graph from the handler under {@code base}; {@code root} bounds the imports
   * followed, {@code display} names a file in findings and evidence.
   */
  private static FunctionCode walk(
      Path root,
      Path base,
      String location,
      ServerlessFunction function,
      Language language,
      List<String> notes,
      java.util.function.Function<Path, String> display) {
    Optional<Path> handler = handlerFile(base, function.handler().orElse(""), language);
    if (handler.isEmpty()) {
      boolean compiled = language == Language.JAVA && CodePackage.isPackage(Path.of(location));
      notes.add(
          "handler "
              + function.handler().orElse("(none)")
              + " not found under "
              + location
              + (compiled ? " (a compiled package: Warden reads Java sources, not classes)" : ""));
      return new FunctionCode(List.of(), List.of(), List.of(), List.of(), List.of(), false, notes);
    }
    Set<Path> files = new LinkedHashSet<>();
    Deque<Path> queue = new ArrayDeque<>();
    queue.add(handler.get());
    if (language == Language.JAVA) {
      queue.addAll(javaFiles(base));
    }
    List<CodeCall> calls = new ArrayList<>();
    List<Injection> injections = new ArrayList<>();
    List<CodeSecrets.CodeSecret> secrets = new ArrayList<>();
    Set<String> packages = new java.util.TreeSet<>();
    boolean complete = true;
    while (!queue.isEmpty()) {
      Path file = queue.poll();
      if (!files.add(file)) {
        continue;
      }
      if (files.size() > MAX_FILES) {
        notes.add("more than " + MAX_FILES + " files in the module graph: the rest is not read");
        complete = false;
        break;
      }
      String shown = display.apply(file);
      String source;
      try (java.io.InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
          notes.add(shown + " is larger than 2 MiB and was not read");
          complete = false;
          continue;
        }
        source = new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        notes.add(shown + " cannot be read: " + e.getMessage());
        complete = false;
        continue;
      }
      secrets.addAll(CodeSecrets.find(shown, source));
      switch (language) {
        case PYTHON -> {
          calls.addAll(Boto3Reader.read(shown, source));
          injections.addAll(PythonInjections.find(shown, source));
          packages.addAll(PackageImports.python(source));
          queue.addAll(pythonImports(file, base, source));
        }
        case JAVASCRIPT -> {
          calls.addAll(AwsSdkJsReader.read(shown, source));
          injections.addAll(JsInjections.find(shown, source));
          packages.addAll(PackageImports.javascript(source));
          queue.addAll(javascriptImports(file, root, source));
        }
        case JAVA ->
            JavaSource.parse(source)
                .ifPresent(
                    unit -> {
                      calls.addAll(AwsSdkJavaReader.read(shown, unit));
                      injections.addAll(JavaInjections.find(shown, unit));
                    });
      }
    }
    List<String> read = new ArrayList<>();
    for (Path file : files) {
      read.add(display.apply(file));
    }
    return new FunctionCode(
        calls, injections, secrets, read, List.copyOf(packages), complete, notes);
  }

  private static String kind(CodeLocation code) {
    if (code instanceof CodeLocation.S3Object) {
      return "a package in S3";
    }
    if (code instanceof CodeLocation.Image) {
      return "a container image";
    }
    if (code instanceof CodeLocation.Inline) {
      return "inline code";
    }
    return "unresolved";
  }

  private static Optional<Language> language(String runtime) {
    String lower = runtime.toLowerCase(Locale.ROOT);
    if (lower.startsWith("python")) {
      return Optional.of(Language.PYTHON);
    }
    if (lower.startsWith("nodejs")) {
      return Optional.of(Language.JAVASCRIPT);
    }
    if (lower.startsWith("java")) {
      return Optional.of(Language.JAVA);
    }
    return Optional.empty();
  }

  /** {@code app.handler}, {@code pkg/mod.handler}, {@code com.acme.Handler::handleRequest}. */
  static Optional<Path> handlerFile(Path base, String handler, Language language) {
    if (Files.isRegularFile(base)) {
      return Optional.of(base);
    }
    if (language == Language.JAVA) {
      String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
      String relative = type.replace('.', '/') + ".java";
      for (String prefix : List.of("src/main/java/", "src/", "")) {
        Path candidate = base.resolve(prefix + relative);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }
    int dot = handler.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String module = handler.substring(0, dot);
    List<String> extensions =
        language == Language.PYTHON
            ? List.of(".py")
            : List.of(".js", ".mjs", ".cjs", ".ts", ".mts");
    List<String> paths = new ArrayList<>(List.of(module));
    if (language == Language.PYTHON) {
      paths.add(module.replace('.', '/'));
    }
    for (String path : paths) {
      for (String extension : extensions) {
        Path candidate = base.resolve(path + extension).normalize();
        if (candidate.startsWith(base) && Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Local modules a Python file imports: {@code import x}, {@code from .x import y}. */
  private static List<Path> pythonImports(Path file, Path base, String source) {
    List<Path> found = new ArrayList<>();
    Matcher matcher = PY_IMPORT.matcher(source);
    while (matcher.find()) {
      String module = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (module == null || module.isEmpty()) {
        continue;
      }
      Path from = base;
      String name = module;
      if (module.startsWith(".")) {
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
          dots++;
        }
        from = file.getParent();
        for (int i = 1; i < dots && from != null; i++) {
          from = from.getParent();
        }
        name = module.substring(dots);
      }
      if (from == null || name.isEmpty()) {
        continue;
      }
      String path = name.replace('.', '/');
      for (Path candidate :
          List.of(from.resolve(path + ".py"), from.resolve(path).resolve("__init__.py"))) {
        Path normal = candidate.normalize();
        if (normal.startsWith(base) && Files.isRegularFile(normal)) {
          found.add(normal);
        }
      }
    }
    return found;
  }

  /** Relative modules a JavaScript file requires or imports. */
  private static List<Path> javascriptImports(Path file, Path root, String source) {
    List<Path> found = new ArrayList<>();
    Matcher matcher = JS_IMPORT.matcher(source);
    Path folder = file.getParent();
    while (matcher.find() && folder != null) {
      String reference = matcher.group(1);
      for (String suffix : List.of("", ".js", ".mjs", ".cjs", ".ts", "/index.js", "/index.ts")) {
        Path candidate = folder.resolve(reference + suffix).normalize();
        if (candidate.startsWith(root.normalize())
            && Files.isRegularFile(candidate)
            && !candidate.toString().contains("node_modules")) {
          found.add(candidate);
          break;
        }
      }
    }
    return found;
  }

  /** The Java sources of a function's tree (outside build output). */
  private static List<Path> javaFiles(Path base) {
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/build/"))
          .filter(p -> !p.toString().contains("/src/test/"))
          .sorted()
          .limit(MAX_FILES + 1L)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
