package dev.warden.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inventory.App;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.testing.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {

  @TempDir Path dir;

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties: {Runtime: python3.12, Handler: a.b, InlineCode: x}
      """;

  private Inventory load(Path... paths) {
    return new InventoryLoader(new ScanRequest(List.of(paths), Map.of(), ReadLimits.DEFAULT))
        .load();
  }

  @Test
  void findsTemplatesInAFolderButNotInDependencyBuildOrHiddenFolders() {
    Loaded.write(dir, "template.yaml", TEMPLATE);
    Loaded.write(
        dir,
        "services/billing/template.json",
        "{\"Resources\": {\"Bill\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Runtime\": \"python3.12\", \"Handler\": \"a.b\", \"Code\": {\"ZipFile\": \"x\"}, \"Role\": \"arn:aws:iam::1:role/r\"}}}}");
    Loaded.write(dir, "node_modules/lib/template.yaml", TEMPLATE);
    Loaded.write(dir, ".aws-sam/build/template.yaml", TEMPLATE);
    Loaded.write(dir, "config/settings.yaml", "logging: {level: info}\n");
    Loaded.write(dir, "package.json", "{\"name\": \"x\"}");
    Inventory inventory = load(dir);
    assertThat(inventory.apps())
        .extracting(App::id)
        .containsExactly("services/billing/template.json", "template.yaml");
    assertThat(inventory.problems()).isEmpty();
  }

  @Test
  void aFolderWithoutTemplatesAndAMissingPathHaveNothingToScan() {
    Loaded.write(dir, "notes.yaml", "just: notes\n");
    assertThatThrownBy(() -> load(dir))
        .isInstanceOfSatisfying(
            NothingToScan.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> assertThat(p.message()).contains("no function definition found")));
    assertThatThrownBy(() -> load(dir.resolve("missing")))
        .isInstanceOfSatisfying(
            NothingToScan.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).isEqualTo("no such file or folder")));
  }

  @Test
  void aFileThatIsNotATemplateIsAClearProblem() {
    Path file =
        Loaded.write(dir, "buildspec.yml", "version: 0.2\nphases: {build: {commands: [make]}}\n");
    assertThatThrownBy(() -> load(file))
        .isInstanceOfSatisfying(
            NothingToScan.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.message())
                              .startsWith("not a CloudFormation or SAM template");
                          assertThat(p.at().file()).isEqualTo("buildspec.yml");
                        }));
  }

  @Test
  void aBrokenTemplateBesideAGoodOneIsAProblemAndTheRestIsScanned() {
    Loaded.write(dir, "good/template.yaml", TEMPLATE);
    Loaded.write(
        dir,
        "bad/template.yaml",
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n    Type: [unclosed\n");
    Inventory inventory = load(dir);
    assertThat(inventory.apps()).extracting(App::id).containsExactly("good/template.yaml");
    assertThat(inventory.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.at().file()).isEqualTo("bad/template.yaml");
              assertThat(p.at().line()).isPositive();
              assertThat(p.message()).startsWith("YAML syntax error");
            });
  }

  @Test
  void aSymbolicLinkToAFileOutsideTheRootIsNotRead(@TempDir Path outside) throws Exception {
    Path secret = Loaded.write(outside, "template.yaml", TEMPLATE);
    Loaded.write(dir, "template.yaml", TEMPLATE);
    Files.createSymbolicLink(dir.resolve("linked.yaml"), secret);
    Inventory inventory = load(dir);
    assertThat(inventory.apps()).extracting(App::id).containsExactly("template.yaml");
    assertThat(inventory.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("outside the scanned folder"));
  }

  @Test
  void severalPathsShareTheirCommonFolderAsRoot() {
    Path a = Loaded.write(dir, "a/template.yaml", TEMPLATE);
    Path b = Loaded.write(dir, "b/template.yaml", TEMPLATE);
    Inventory inventory = load(a, b);
    assertThat(inventory.functions().map(f -> f.id()))
        .containsExactly("a/template.yaml#Fn", "b/template.yaml#Fn");
  }
}
