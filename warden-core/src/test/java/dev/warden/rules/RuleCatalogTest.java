package dev.warden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule is well described, registered once, and has its fixtures (STYLE.md §4). */
class RuleCatalogTest {

  private static final RuleCatalog CATALOG = RuleCatalog.bundled();
  private static final Path FIXTURES = Repo.path("warden-core/src/test/resources/dev/warden/rules");

  @Test
  void rulesRegisterThemselves() {
    assertThat(CATALOG.rules()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(CATALOG.rules())
        .allMatch(r -> r.getClass().getPackageName().startsWith("dev.warden.rules."));
  }

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (RuleInfo info : CATALOG.infos()) {
      assertThat(ids.add(info.id())).as("duplicate id " + info.id()).isTrue();
      assertThat(info.id()).matches("WDN-[A-Z]+-\\d{3}");
    }
  }

  @Test
  void everyRuleSaysWhatIsWrongWhatToDoAndWhere() {
    for (RuleInfo info : CATALOG.infos()) {
      assertThat(info.title()).as(info.id()).isNotBlank().doesNotStartWith("Ensure");
      assertThat(info.remediation()).as(info.id()).isNotBlank();
      assertThat(info.references()).as(info.id()).anyMatch(r -> r.startsWith("https://"));
      if (info.category() != Category.INPUT_ERROR) {
        assertThat(info.owasp()).as(info.id() + " OWASP Serverless Top 10 id").isPresent();
      }
    }
  }

  @Test
  void everyRuleHasAFixtureFolderAndEveryFixtureFolderARule() throws IOException {
    List<String> rules = new ArrayList<>();
    for (Rule rule : CATALOG.rules()) {
      String path = rule.getClass().getName().substring("dev.warden.rules.".length());
      rules.add(path.replace('.', '/'));
    }
    List<String> folders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      files
          .filter(f -> f.getFileName().toString().equals("positive.yaml"))
          .forEach(
              f -> folders.add(FIXTURES.relativize(f.getParent()).toString().replace('\\', '/')));
    }
    assertThat(folders).containsExactlyInAnyOrderElementsOf(rules);
    for (String rule : rules) {
      assertThat(FIXTURES.resolve(rule).resolve("negative.yaml")).as(rule).exists();
    }
  }
}
