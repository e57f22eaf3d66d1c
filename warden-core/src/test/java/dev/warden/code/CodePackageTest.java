package dev.warden.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Loaded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment packages are read in place, and hostile ones are refused before anything is read. */
class CodePackageTest {

  @TempDir Path dir;

  private FunctionCode read(String codeUri, String runtime, String handler) {
    Loaded loaded =
        Loaded.template(
            dir,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: %s, Handler: %s, CodeUri: %s}
            """
                .formatted(runtime, handler, codeUri));
    return FunctionCode.read(dir, loaded.function("Fn"));
  }

  private void zip(String name, Map<String, String> entries) throws IOException {
    Files.createDirectories(dir.resolve(name).getParent());
    try (OutputStream file = Files.newOutputStream(dir.resolve(name));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  @Test
  void aZipIsReadInPlaceWithItsLocalModules() throws IOException {
    zip(
        "dist/app.zip",
        Map.of(
            "app.py",
            "import boto3\nfrom lib import store\ndef handler(e, c):\n    store(e)\n",
            "lib.py",
            "import boto3\ndef store(e):\n    boto3.client('sqs').send_message(QueueUrl='q', MessageBody='x')\n"));
    FunctionCode code = read("dist/app.zip", "python3.12", "app.handler");
    assertThat(code.complete()).as(code.notes().toString()).isTrue();
    assertThat(code.files()).containsExactly("dist/app.zip!/app.py", "dist/app.zip!/lib.py");
    assertThat(code.calls())
        .singleElement()
        .satisfies(c -> assertThat(c.at().toString()).isEqualTo("dist/app.zip!/lib.py:3:25"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing extracted")
          .containsExactlyInAnyOrder("dist", "template.yaml");
    }
  }

  @Test
  void anEntryThatClimbsOutOfThePackageRefusesTheWholePackage() throws IOException {
    zip(
        "app.zip",
        Map.of("app.js", "exports.handler = async () => 1;", "../../evil.sh", "rm -rf ~"));
    FunctionCode code = read("app.zip", "nodejs22.x", "app.handler");
    assertThat(code.complete()).isFalse();
    assertThat(code.files()).isEmpty();
    assertThat(code.notes())
        .singleElement()
        .asString()
        .contains("../../evil.sh")
        .contains("outside");
    assertThat(Files.exists(dir.getParent().getParent().resolve("evil.sh"))).isFalse();
  }

  @Test
  void tooManyEntriesIsABombAndIsNotRead() throws IOException {
    try (OutputStream file =
            new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("bomb.zip")));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (int i = 0; i <= CodePackage.MAX_ENTRIES; i++) {
        ZipEntry empty = new ZipEntry("f" + i);
        empty.setMethod(ZipEntry.STORED);
        empty.setSize(0);
        empty.setCompressedSize(0);
        empty.setCrc(0);
        zip.putNextEntry(empty);
        zip.closeEntry();
      }
    }
    FunctionCode code = read("bomb.zip", "python3.12", "app.handler");
    assertThat(code.notes()).singleElement().asString().contains("more than 50000 entries");
  }

  @Test
  void aFileLargerThanItsLimitIsNotReadWhateverItsEntrySays() throws IOException {
    zip("big.zip", Map.of("app.py", "#" + " ".repeat((int) FunctionCode.MAX_FILE_BYTES) + "\n"));
    FunctionCode code = read("big.zip", "python3.12", "app.handler");
    assertThat(code.complete()).isFalse();
    assertThat(code.notes()).singleElement().asString().contains("big.zip!/app.py is larger");
  }

  @Test
  void notAZipOrAJarOfClassesSaysWhy() throws IOException {
    Files.writeString(dir.resolve("broken.zip"), "this is not a zip");
    assertThat(read("broken.zip", "python3.12", "app.handler").notes())
        .singleElement()
        .asString()
        .contains("not a valid zip");
    zip("fn.jar", Map.of("com/acme/Handler.class", "\u00ca\u00fe"));
    assertThat(read("fn.jar", "java21", "com.acme.Handler::handle").notes())
        .singleElement()
        .asString()
        .contains("compiled package");
  }
}
