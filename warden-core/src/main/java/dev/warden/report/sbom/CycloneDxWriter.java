package dev.warden.report.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import dev.warden.deps.Dependency;
import dev.warden.deps.DependencyFile;
import dev.warden.deps.Ecosystem;
import dev.warden.deps.osv.Advisory;
import dev.warden.deps.osv.DependencyAudit;
import dev.warden.deps.osv.PackageReview;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.report.WardenVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * One function's packages as a CycloneDX 1.6 SBOM, written with the CycloneDX library: the function
 * as the described component, each package a library with its package URL (dev-only packages
 * optional), the dependency graph from the lockfiles' paths, and the known vulnerabilities with
 * their CVSS ratings and the packages they affect. The serial number is derived from the content,
 * so the same packages give the same document.
 */
public final class CycloneDxWriter {

  private final Clock clock;

  public CycloneDxWriter(Clock clock) {
    this.clock = clock;
  }

  public String write(ServerlessFunction function, PackageReview review) {
    Bom bom = new Bom();
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(clock.instant()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName(WardenVersion.NAME);
    tool.setVersion(WardenVersion.VERSION);
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    Component subject = new Component();
    subject.setType(Component.Type.APPLICATION);
    subject.setBomRef(function.id());
    subject.setName(function.logicalId());
    List<Property> about = new ArrayList<>();
    about.add(new Property("warden:functionId", function.id()));
    function.runtime().ifPresent(r -> about.add(new Property("warden:runtime", r)));
    function.handler().ifPresent(h -> about.add(new Property("warden:handler", h)));
    subject.setProperties(about);
    metadata.setComponent(subject);
    bom.setMetadata(metadata);

    Map<String, Component> components = new LinkedHashMap<>();
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    edges.put(function.id(), new LinkedHashSet<>());
    for (DependencyFile file : review.files()) {
      Map<String, String> refByName = new LinkedHashMap<>();
      for (Dependency dependency : file.packages()) {
        String ref = ref(dependency);
        refByName.putIfAbsent(dependency.name(), ref);
        components.computeIfAbsent(ref, r -> component(r, dependency, file));
        edges.putIfAbsent(ref, new LinkedHashSet<>());
      }
      for (Dependency dependency : file.packages()) {
        String ref = ref(dependency);
        if (dependency.direct()) {
          edges.get(function.id()).add(ref);
        }
        List<String> path = dependency.path();
        if (path.size() >= 2) {
          String parent = refByName.get(path.get(path.size() - 2));
          if (parent != null && !parent.equals(ref)) {
            edges.get(parent).add(ref);
          }
        }
      }
    }
    bom.setComponents(new ArrayList<>(components.values()));
    List<org.cyclonedx.model.Dependency> graph = new ArrayList<>();
    for (Map.Entry<String, Set<String>> edge : edges.entrySet()) {
      org.cyclonedx.model.Dependency node = new org.cyclonedx.model.Dependency(edge.getKey());
      for (String child : edge.getValue()) {
        node.addDependency(new org.cyclonedx.model.Dependency(child));
      }
      graph.add(node);
    }
    bom.setDependencies(graph);
    bom.setVulnerabilities(vulnerabilities(review));
    bom.setSerialNumber(
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                (function.id() + "|" + components.keySet()).getBytes(StandardCharsets.UTF_8)));
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString() + "\n";
    } catch (GeneratorException e) {
      throw new IllegalStateException("the CycloneDX library refused the SBOM", e);
    }
  }

  private static List<Vulnerability> vulnerabilities(PackageReview review) {
    Map<String, Vulnerability> byId = new LinkedHashMap<>();
    for (DependencyAudit.Vulnerable vulnerable : review.vulnerable()) {
      for (Advisory advisory : vulnerable.advisories()) {
        Vulnerability entry = byId.computeIfAbsent(advisory.id(), id -> vulnerability(advisory));
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(ref(vulnerable.dependency()));
        List<Vulnerability.Affect> affects =
            entry.getAffects() == null ? new ArrayList<>() : new ArrayList<>(entry.getAffects());
        if (affects.stream().noneMatch(a -> a.getRef().equals(affect.getRef()))) {
          affects.add(affect);
        }
        entry.setAffects(affects);
      }
    }
    return new ArrayList<>(byId.values());
  }

  private static Vulnerability vulnerability(Advisory advisory) {
    Vulnerability entry = new Vulnerability();
    entry.setBomRef("vuln:" + advisory.id());
    entry.setId(advisory.id());
    Vulnerability.Source source = new Vulnerability.Source();
    source.setName("OSV");
    source.setUrl("https://osv.dev/vulnerability/" + advisory.id());
    entry.setSource(source);
    if (!advisory.summary().isBlank()) {
      entry.setDescription(advisory.summary());
    }
    List<Vulnerability.Rating> ratings = new ArrayList<>();
    for (Advisory.Severity severity : advisory.severity()) {
      if (!severity.type().startsWith("CVSS")) {
        continue;
      }
      Vulnerability.Rating rating = new Vulnerability.Rating();
      rating.setVector(severity.score());
      rating.setMethod(
          severity.type().equals("CVSS_V2")
              ? Vulnerability.Rating.Method.CVSSV2
              : severity.type().equals("CVSS_V4")
                  ? Vulnerability.Rating.Method.CVSSV4
                  : severity.score().startsWith("CVSS:3.0")
                      ? Vulnerability.Rating.Method.CVSSV3
                      : Vulnerability.Rating.Method.CVSSV31);
      ratings.add(rating);
    }
    advisory
        .rating()
        .flatMap(CycloneDxWriter::severity)
        .ifPresent(
            s -> {
              Vulnerability.Rating rating = new Vulnerability.Rating();
              rating.setSeverity(s);
              if (advisory.baseScore().isPresent()) {
                rating.setScore(advisory.baseScore().getAsDouble());
              }
              rating.setMethod(Vulnerability.Rating.Method.OTHER);
              ratings.add(rating);
            });
    entry.setRatings(ratings);
    List<Property> properties = new ArrayList<>();
    for (String alias : advisory.aliases()) {
      properties.add(new Property("warden:alias", alias));
    }
    if (advisory.isMalicious()) {
      properties.add(new Property("warden:malicious", "true"));
    }
    entry.setProperties(properties);
    return entry;
  }

  private static java.util.Optional<Vulnerability.Rating.Severity> severity(String rating) {
    return switch (rating) {
      case "critical" -> java.util.Optional.of(Vulnerability.Rating.Severity.CRITICAL);
      case "high" -> java.util.Optional.of(Vulnerability.Rating.Severity.HIGH);
      case "medium" -> java.util.Optional.of(Vulnerability.Rating.Severity.MEDIUM);
      case "low" -> java.util.Optional.of(Vulnerability.Rating.Severity.LOW);
      case "none" -> java.util.Optional.of(Vulnerability.Rating.Severity.NONE);
      default -> java.util.Optional.empty();
    };
  }

  private static Component component(String ref, Dependency dependency, DependencyFile file) {
    Component component = new Component();
    component.setType(Component.Type.LIBRARY);
    component.setBomRef(ref);
    String name = dependency.name();
    if (dependency.ecosystem() == Ecosystem.MAVEN && name.contains(":")) {
      component.setGroup(name.substring(0, name.indexOf(':')));
      name = name.substring(name.indexOf(':') + 1);
    }
    component.setName(name);
    dependency.version().ifPresent(component::setVersion);
    purl(dependency).ifPresent(component::setPurl);
    component.setScope(
        dependency.development() ? Component.Scope.OPTIONAL : Component.Scope.REQUIRED);
    List<Property> properties = new ArrayList<>();
    properties.add(new Property("warden:ecosystem", dependency.ecosystem().osvName()));
    dependency.range().ifPresent(r -> properties.add(new Property("warden:range", r)));
    properties.add(new Property("warden:direct", Boolean.toString(dependency.direct())));
    properties.add(new Property("warden:declaredIn", dependency.at().toString()));
    properties.add(new Property("warden:locked", Boolean.toString(file.locked())));
    component.setProperties(properties);
    return component;
  }

  /** The package URL, or the name and range when no exact version is known. */
  private static String ref(Dependency dependency) {
    return purl(dependency)
        .orElse(
            "pkg:"
                + dependency.ecosystem().osvName().toLowerCase(java.util.Locale.ROOT)
                + "/"
                + dependency.name()
                + "#"
                + dependency.range().orElse("*"));
  }

  private static java.util.Optional<String> purl(Dependency dependency) {
    if (dependency.version().isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      PackageURLBuilder builder = PackageURLBuilder.aPackageURL();
      String name = dependency.name();
      switch (dependency.ecosystem()) {
        case NPM -> {
          builder.withType(PackageURL.StandardTypes.NPM);
          int slash = name.indexOf('/');
          if (name.startsWith("@") && slash > 0) {
            builder.withNamespace(name.substring(0, slash)).withName(name.substring(slash + 1));
          } else {
            builder.withName(name);
          }
        }
        case PYPI -> builder.withType(PackageURL.StandardTypes.PYPI).withName(name);
        case MAVEN -> {
          int colon = name.indexOf(':');
          builder
              .withType(PackageURL.StandardTypes.MAVEN)
              .withNamespace(colon > 0 ? name.substring(0, colon) : null)
              .withName(colon > 0 ? name.substring(colon + 1) : name);
        }
        case GO -> {
          int slash = name.lastIndexOf('/');
          builder
              .withType(PackageURL.StandardTypes.GOLANG)
              .withNamespace(slash > 0 ? name.substring(0, slash) : null)
              .withName(slash > 0 ? name.substring(slash + 1) : name);
        }
      }
      return java.util.Optional.of(
          builder.withVersion(dependency.version().get()).build().canonicalize());
    } catch (MalformedPackageURLException e) {
      return java.util.Optional.empty();
    }
  }
}
