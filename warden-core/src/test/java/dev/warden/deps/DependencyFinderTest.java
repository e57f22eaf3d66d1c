package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyFinderTest {

  @Test
  void aFunctionShipsTheLockfilesOfItsCodeFolderAndManifestsWithoutOne(@TempDir Path dir) {
    Loaded.write(
        dir, "src/api/package.json", "{\"dependencies\": {\"left-pad-lite\": \"^1.3.0\"}}");
    Loaded.write(
        dir,
        "src/api/package-lock.json",
        """
        {"lockfileVersion": 3, "packages": {
          "": {"dependencies": {"left-pad-lite": "^1.3.0"}},
          "node_modules/left-pad-lite": {"version": "1.3.0"}}}
        """);
    Loaded.write(
        dir, "src/api/node_modules/left-pad-lite/package.json", "{\"name\": \"left-pad-lite\"}");
    Loaded.write(
        dir, "src/api/tools/package.json", "{\"devDependencies\": {\"eslint-lite\": \"^8\"}}");
    Loaded.write(dir, "src/api/requirements.txt", "requests==2.31.0\n-r ../../../outside.txt\n");
    Loaded.write(dir.getParent(), "outside.txt", "secret==1.0\n");
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: nodejs22.x, Handler: index.handler, CodeUri: src/api/}
            """);
    List<DependencyFile> files = DependencyFinder.of(dir, loaded.function("Fn"));
    assertThat(files)
        .extracting(f -> f.file() + " " + (f.locked() ? "locked" : "ranges") + " " + f.packages())
        .containsExactly(
            "src/api/package-lock.json locked [left-pad-lite@1.3.0]",
            "src/api/requirements.txt locked [requests@2.31.0]",
            "src/api/tools/package.json ranges [eslint-lite (^8)]");
    assertThat(files.get(1).problems())
        .as("an include outside the scanned folder is not read")
        .singleElement()
        .asString()
        .contains("cannot be read");
  }

  @Test
  void aLockfileThatCannotBeReadIsReportedNotSkipped(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("src"));
    java.nio.file.Files.write(
        dir.resolve("src/package-lock.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: nodejs22.x, Handler: index.handler, CodeUri: src/}
            """);
    List<DependencyFile> files = DependencyFinder.of(dir, loaded.function("Fn"));
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file()).isEqualTo("src/package-lock.json");
              assertThat(f.ecosystem()).isEqualTo(Ecosystem.NPM);
              assertThat(f.problems()).singleElement().asString().contains("src/package-lock.json");
            });
  }

  @Test
  void aDeploymentPackageIsReadInPlaceAndItsFilesNamedInsideIt(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("build"));
    try (var zip =
        new java.util.zip.ZipOutputStream(
            java.nio.file.Files.newOutputStream(dir.resolve("build/fn.zip")))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("app.py"));
      zip.write("import requests\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("requirements.txt"));
      zip.write("requests==2.19.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("requests-2.19.1.dist-info/METADATA"));
      zip.write("Name: requests\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: build/fn.zip}
            """);
    List<DependencyFile> files = DependencyFinder.of(dir, loaded.function("Fn"));
    assertThat(files)
        .extracting(f -> f.file() + " " + f.packages())
        .containsExactly("build/fn.zip!requirements.txt [requests@2.19.1]");
    assertThat(files.get(0).packages().get(0).at().toString())
        .startsWith("build/fn.zip!requirements.txt:1");
  }
}
