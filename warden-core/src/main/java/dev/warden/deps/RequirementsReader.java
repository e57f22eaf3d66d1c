package dev.warden.deps;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.document.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements files ({@code requirements*.txt}): one requirement per logical line (a backslash
 * joins lines), with extras ({@code name[a,b]}), version specifiers, environment markers after
 * {@code ;} and {@code --hash} options; {@code -r}/{@code --requirement} includes are read (once
 * each, a cycle is harmless), {@code -c} constraint files and other options are skipped. {@code
 * name==1.2} (or {@code ===}) is an exact version; anything else is a range, kept as written.
 * Editable installs, URLs and VCS sources are noted, not matched. Names are normalised as PEP 503
 * says. The file is locked when every requirement is pinned exactly.
 */
public final class RequirementsReader {

  private static final Pattern REQUIREMENT =
      Pattern.compile(
          "(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[(?<extras>[^]]*)])?"
              + "\\s*(?<spec>[^;@]*?)\\s*(?:;(?<marker>.*))?");
  private static final Pattern EXACT = Pattern.compile("===?\\s*([^,*\\s]+)");

  private RequirementsReader() {}

  /**
   * Reads a requirements file; {@code include} opens a file named by {@code -r} relative to this
   * one (empty when it cannot be read).
   */
  public static DependencyFile read(
      SourceFile file, Function<String, Optional<SourceFile>> include) {
    List<Dependency> packages = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    read(file, include, packages, problems, notes, seen);
    boolean locked =
        !packages.isEmpty() && packages.stream().allMatch(p -> p.version().isPresent());
    return new DependencyFile(
        file.displayPath(), Ecosystem.PYPI, locked, packages, problems, notes);
  }

  private static void read(
      SourceFile file,
      Function<String, Optional<SourceFile>> include,
      List<Dependency> packages,
      List<InputProblem> problems,
      List<String> notes,
      Set<String> seen) {
    if (!seen.add(file.displayPath())) {
      return;
    }
    String[] lines = file.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines[i]);
      while (logical.toString().endsWith("\\") && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1);
        logical.append(' ').append(lines[++i]);
      }
      String line = withoutComment(logical.toString()).strip();
      if (line.isEmpty()) {
        continue;
      }
      SourceLocation at = new SourceLocation(file.displayPath(), first + 1, 1);
      if (line.startsWith("-r ") || line.startsWith("--requirement")) {
        String name = option(line);
        Optional<SourceFile> included = include.apply(name);
        if (included.isPresent()) {
          read(included.get(), include, packages, problems, notes, seen);
        } else {
          problems.add(
              new InputProblem(at, "included file " + name + " cannot be read", "Check the path."));
        }
        continue;
      }
      boolean editable = line.startsWith("-e ") || line.startsWith("--editable");
      if (!editable && line.startsWith("-")) {
        continue; // -c constraints, --index-url, --hash on its own line, other pip options
      }
      if (editable
          || line.contains("://")
          || line.startsWith("git+")
          || line.startsWith(".")
          || line.startsWith("/")) {
        notes.add(
            at
                + ": "
                + (editable ? line : line.split("\\s+", -1)[0])
                + " is not from the package index: not matched");
        continue;
      }
      String requirement = line.replaceAll("\\s--hash[= ]\\S+", "").strip();
      Matcher m = REQUIREMENT.matcher(requirement);
      if (!m.matches() || !specifiers(m.group("spec"))) {
        problems.add(
            new InputProblem(
                at,
                "not a requirement: " + line,
                "Write NAME[extras] SPECIFIERS [; marker], e.g. requests==2.32.3."));
        continue;
      }
      String spec = m.group("spec").replace(" ", "");
      Matcher exact = EXACT.matcher(spec);
      Optional<String> version = exact.matches() ? Optional.of(exact.group(1)) : Optional.empty();
      packages.add(
          new Dependency(
              Ecosystem.PYPI,
              normalise(m.group("name")),
              version,
              version.isPresent() ? Optional.empty() : Optional.of(spec.isEmpty() ? "*" : spec),
              true,
              false,
              List.of(normalise(m.group("name"))),
              at));
    }
  }

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*(?:~=|===|==|!=|<=|>=|<|>)\\s*[A-Za-z0-9_.*+!-]+\\s*");

  /** Empty, or comma-separated clauses such as {@code >=1.26} and {@code !=2.0.*}. */
  private static boolean specifiers(String spec) {
    if (spec.isBlank()) {
      return true;
    }
    for (String clause : spec.split(",", -1)) {
      if (!CLAUSE.matcher(clause).matches()) {
        return false;
      }
    }
    return true;
  }

  /** PEP 503: lower case, runs of {@code -_.} as one {@code -}. */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    if (line.startsWith("#")) {
      return "";
    }
    return hash >= 0 ? line.substring(0, hash) : line;
  }

  private static String option(String line) {
    String rest = line.startsWith("--requirement") ? line.substring(13) : line.substring(2);
    return rest.replaceFirst("^[=\\s]+", "").strip();
  }
}
