package dev.warden.rules.dependencies;

import dev.warden.code.FunctionCode;
import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Ecosystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a package is reachable from the handler, cheaply: the package through which it arrives
 * (itself when direct, else the first of its dependency path) is imported by the handler's module
 * graph. Known only when the code was read completely in the package's language and the lockfile
 * tells direct packages from transitive ones; a flat requirements file names transitive packages as
 * if direct, so there a package that is not imported stays unknown.
 */
final class ImportedPackages {

  /** PyPI distributions whose import name differs from their own name. */
  private static final Map<String, String> PYTHON_MODULES =
      Map.ofEntries(
          Map.entry("pyyaml", "yaml"),
          Map.entry("beautifulsoup4", "bs4"),
          Map.entry("pillow", "PIL"),
          Map.entry("python_dateutil", "dateutil"),
          Map.entry("scikit_learn", "sklearn"),
          Map.entry("opencv_python", "cv2"),
          Map.entry("pyjwt", "jwt"),
          Map.entry("protobuf", "google"),
          Map.entry("attrs", "attr"),
          Map.entry("pycryptodome", "Crypto"),
          Map.entry("pycryptodomex", "Cryptodome"),
          Map.entry("python_jose", "jose"),
          Map.entry("pymysql", "pymysql"),
          Map.entry("psycopg2_binary", "psycopg2"),
          Map.entry("msgpack_python", "msgpack"),
          Map.entry("python_multipart", "multipart"),
          Map.entry("aws_lambda_powertools", "aws_lambda_powertools"),
          Map.entry("setuptools", "pkg_resources"),
          Map.entry("dnspython", "dns"),
          Map.entry("pyopenssl", "OpenSSL"));

  private ImportedPackages() {}

  /** True or false when it can be told, empty when it cannot. */
  static Optional<Boolean> imported(
      Dependency dependency, DependencyFile file, Optional<FunctionCode> code) {
    if (code.isEmpty() || !code.get().complete() || code.get().files().isEmpty()) {
      return Optional.empty();
    }
    Ecosystem ecosystem = dependency.ecosystem();
    String through = dependency.path().isEmpty() ? dependency.name() : dependency.path().get(0);
    boolean imported;
    if (ecosystem == Ecosystem.NPM && readsJavaScript(code.get())) {
      imported = code.get().packages().contains(through);
    } else if (ecosystem == Ecosystem.PYPI && readsPython(code.get())) {
      imported = code.get().packages().contains(pythonModule(through));
    } else {
      return Optional.empty(); // Maven and Go artifacts do not name their packages
    }
    if (imported) {
      return Optional.of(true);
    }
    boolean flat =
        file.file().endsWith(".txt")
            || file.notes().stream().anyMatch(n -> n.contains("not told apart"));
    return flat ? Optional.empty() : Optional.of(false);
  }

  /** The module a PyPI distribution is imported as ({@code PyYAML} → {@code yaml}). */
  static String pythonModule(String distribution) {
    String key = distribution.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    String known = PYTHON_MODULES.get(key);
    if (known != null) {
      return known;
    }
    int dot = distribution.indexOf('.');
    return (dot > 0 ? distribution.substring(0, dot) : distribution)
        .toLowerCase(Locale.ROOT)
        .replace('-', '_');
  }

  private static boolean readsJavaScript(FunctionCode code) {
    return code.files().stream().anyMatch(f -> f.matches(".*\\.(js|mjs|cjs|ts|mts)$"));
  }

  private static boolean readsPython(FunctionCode code) {
    return code.files().stream().anyMatch(f -> f.endsWith(".py"));
  }
}
