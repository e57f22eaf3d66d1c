package dev.warden.deps;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.document.SourceFile;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Java dependencies: a {@code pom.xml}'s declared dependencies (properties, {@code project.*}
 * values and {@code dependencyManagement} versions resolved; version ranges kept as ranges), the
 * output of {@code mvn dependency:list} (every resolved dependency, transitive ones included), and
 * {@code gradle.lockfile}. A pom alone lists only direct dependencies: the transitive ones need
 * {@code mvn dependency:list -DoutputFile=dependencies.txt}, which Warden reads too. The pom is
 * read with DTDs and external entities off.
 */
public final class MavenReader {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern LISTED =
      Pattern.compile(
          "(?:\\[INFO]\\s+)?([\\w.-]+):([\\w.-]+):[\\w.-]+(?::[\\w.-]+)?:([^:\\s]+):(compile|runtime|provided|test|system|import)\\b.*");

  private MavenReader() {}

  private record Declared(
      String group, String artifact, String version, String scope, SourceLocation at) {}

  public static DependencyFile readPom(SourceFile pom) {
    List<InputProblem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> properties = new HashMap<>();
    List<Declared> dependencies = new ArrayList<>();
    Map<String, String> managed = new HashMap<>();
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(pom.text()));
      Deque<String> path = new ArrayDeque<>();
      Map<String, String> current = new LinkedHashMap<>();
      int currentLine = 0;
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.addLast(xml.getLocalName());
          text.setLength(0);
          if (xml.getLocalName().equals("dependency")) {
            current = new LinkedHashMap<>();
            currentLine = xml.getLocation().getLineNumber();
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String joined = String.join("/", path);
          String value = text.toString().strip();
          if (joined.startsWith("project/properties/") && path.size() == 3) {
            properties.put(xml.getLocalName(), value);
          } else if (joined.equals("project/version")
              || joined.equals("project/groupId")
              || joined.equals("project/artifactId")) {
            properties.put("project." + xml.getLocalName(), value);
          } else if (joined.equals("project/parent/version")
              || joined.equals("project/parent/groupId")) {
            properties.put("project.parent." + xml.getLocalName(), value);
          } else if (path.size() >= 2
              && new ArrayList<>(path).get(path.size() - 2).equals("dependency")) {
            current.put(xml.getLocalName(), value);
          } else if (xml.getLocalName().equals("dependency")) {
            Declared declared =
                new Declared(
                    current.getOrDefault("groupId", ""),
                    current.getOrDefault("artifactId", ""),
                    current.getOrDefault("version", ""),
                    current.getOrDefault("scope", "compile"),
                    new SourceLocation(pom.displayPath(), currentLine, 1));
            if (joined.equals("project/dependencyManagement/dependencies/dependency")) {
              managed.put(declared.group() + ":" + declared.artifact(), declared.version());
            } else if (joined.equals("project/dependencies/dependency")) {
              dependencies.add(declared);
            }
          }
          text.setLength(0);
          path.removeLast();
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
      problems.add(
          new InputProblem(
              new SourceLocation(pom.displayPath(), line, 1),
              "not well-formed XML: " + e.getMessage().replaceAll("\\s+", " "),
              "Fix the pom.xml so that mvn can read it."));
      return new DependencyFile(
          pom.displayPath(), Ecosystem.MAVEN, false, List.of(), problems, notes);
    }
    properties.putIfAbsent(
        "project.version", properties.getOrDefault("project.parent.version", ""));
    properties.putIfAbsent(
        "project.groupId", properties.getOrDefault("project.parent.groupId", ""));
    List<Dependency> packages = new ArrayList<>();
    for (Declared declared : dependencies) {
      String group = resolve(declared.group(), properties);
      String artifact = resolve(declared.artifact(), properties);
      String name = group + ":" + artifact;
      String version = resolve(declared.version(), properties);
      if (version.isEmpty()) {
        version = resolve(managed.getOrDefault(name, ""), properties);
      }
      boolean unresolved = version.isEmpty() || version.contains("${");
      boolean range = version.startsWith("[") || version.startsWith("(");
      if (unresolved) {
        notes.add(
            declared.at()
                + ": the version of "
                + name
                + " comes from outside this pom (a parent or an imported BOM); matched on any version");
      }
      packages.add(
          new Dependency(
              Ecosystem.MAVEN,
              name,
              unresolved || range ? Optional.empty() : Optional.of(version),
              unresolved ? Optional.of("*") : range ? Optional.of(version) : Optional.empty(),
              true,
              declared.scope().equals("test"),
              List.of(name),
              declared.at()));
    }
    notes.add(
        pom.displayPath()
            + " lists direct dependencies only: run mvn dependency:list -DoutputFile=dependencies.txt beside it for the transitive ones");
    return new DependencyFile(pom.displayPath(), Ecosystem.MAVEN, false, packages, problems, notes);
  }

  /** {@code mvn dependency:list} output: {@code group:artifact:type[:classifier]:version:scope}. */
  public static DependencyFile readDependencyList(SourceFile list, Optional<DependencyFile> pom) {
    List<Dependency> packages = new ArrayList<>();
    List<String> direct =
        pom.map(p -> p.packages().stream().map(Dependency::name).toList()).orElse(List.of());
    String[] lines = list.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LISTED.matcher(lines[i].strip());
      if (!m.matches()) {
        continue; // headers, "The following files have been resolved:", module info
      }
      String name = m.group(1) + ":" + m.group(2);
      packages.add(
          new Dependency(
              Ecosystem.MAVEN,
              name,
              Optional.of(m.group(3)),
              Optional.empty(),
              direct.contains(name),
              m.group(4).equals("test"),
              List.of(name),
              new SourceLocation(list.displayPath(), i + 1, 1)));
    }
    return new DependencyFile(
        list.displayPath(), Ecosystem.MAVEN, true, packages, List.of(), List.of());
  }

  /** {@code gradle.lockfile}: {@code group:artifact:version=configuration,...}. */
  public static DependencyFile readGradleLock(SourceFile lock) {
    List<Dependency> packages = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    String[] lines = lock.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
        continue;
      }
      String[] sides = line.split("=", 2);
      String[] coordinates = sides[0].split(":", -1);
      SourceLocation at = new SourceLocation(lock.displayPath(), i + 1, 1);
      if (coordinates.length != 3) {
        problems.add(
            new InputProblem(
                at,
                "not a locked dependency: " + line,
                "Regenerate it with gradle dependencies --write-locks."));
        continue;
      }
      String configurations = sides.length > 1 ? sides[1] : "";
      boolean testOnly =
          !configurations.isEmpty()
              && java.util.Arrays.stream(configurations.split(",", -1))
                  .allMatch(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith("test"));
      String name = coordinates[0] + ":" + coordinates[1];
      packages.add(
          new Dependency(
              Ecosystem.MAVEN,
              name,
              Optional.of(coordinates[2]),
              Optional.empty(),
              false,
              testOnly,
              List.of(name),
              at));
    }
    return new DependencyFile(
        lock.displayPath(),
        Ecosystem.MAVEN,
        true,
        packages,
        problems,
        List.of("gradle.lockfile does not say which dependencies are direct"));
  }

  private static String resolve(String value, Map<String, String> properties) {
    String resolved = value;
    for (int round = 0; round < 10 && resolved.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(resolved);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(
            out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
      }
      m.appendTail(out);
      if (out.toString().equals(resolved)) {
        break;
      }
      resolved = out.toString();
    }
    return resolved;
  }
}
