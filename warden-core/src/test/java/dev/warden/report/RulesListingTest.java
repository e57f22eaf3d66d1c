package dev.warden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.rules.RuleCatalog;
import dev.warden.rules.RuleInfo;
import dev.warden.testing.JsonSchemas;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesListingTest {

  private final List<RuleInfo> rules = RuleCatalog.bundled().infos();
  private final RulesListing listing = new RulesListing(rules);

  @Test
  void docsRulesMdIsCurrent() throws IOException {
    StringWriter markdown = new StringWriter();
    listing.markdown(markdown);
    Path doc = Repo.path("docs/rules.md");
    if (Boolean.getBoolean("warden.updateGolden")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, markdown.toString(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as(
            "docs/rules.md is out of date: run ./warden rules --format markdown --output"
                + " docs/rules.md")
        .isEqualTo(markdown.toString());
  }

  @Test
  void theJsonListingMatchesItsSchemaAndHasEveryRule() throws IOException {
    StringWriter json = new StringWriter();
    listing.json(json);
    JsonSchemas.assertValid("rules-v1.schema.json", json.toString());
    for (RuleInfo rule : rules) {
      assertThat(json.toString()).contains("\"" + rule.id() + "\"");
    }
  }

  @Test
  void theTableHasARowPerRule() throws IOException {
    StringWriter table = new StringWriter();
    listing.table(table);
    assertThat(table.toString().lines().filter(l -> l.startsWith("WDN-")).count())
        .isEqualTo(rules.size());
  }
}
