package dev.warden.inventory.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inventory.InputError;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

  private final DocumentReader reader = new DocumentReader(ReadLimits.DEFAULT);

  private Value yaml(String text) {
    return reader.parse(new SourceFile("t.yaml", text)).root();
  }

  private Value json(String text) {
    return reader.parse(new SourceFile("t.json", text)).root();
  }

  @Test
  void keepsTheLineAndColumnOfEveryValue() {
    Value.Obj root =
        (Value.Obj) yaml("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Memory: 128\n");
    Value.Obj fn = root.obj("Resources").orElseThrow().obj("Fn").orElseThrow();
    assertThat(fn.get("Type").orElseThrow().at()).isEqualTo(SourceLocation.of("t.yaml", 3, 11));
    assertThat(fn.get("Memory").orElseThrow())
        .isEqualTo(new Value.Num("128", SourceLocation.of("t.yaml", 4, 13)));
    assertThat(root.obj("Resources").orElseThrow().field("Fn").orElseThrow().keyAt())
        .isEqualTo(SourceLocation.of("t.yaml", 2, 3));
  }

  @Test
  void readsShortFormIntrinsicsAsTheirLongForm() {
    Value.Obj root =
        (Value.Obj)
            yaml(
                "a: !Ref Bucket\nb: !GetAtt Table.StreamArn\nc: !Sub 'x-${AWS::Region}'\nd: !Join [',', [a, b]]\ne: !Condition IsProd\n");
    assertThat(root.obj("a").orElseThrow().get("Ref").flatMap(Value::asString)).contains("Bucket");
    Value getAtt = root.obj("b").orElseThrow().get("Fn::GetAtt").orElseThrow();
    assertThat(getAtt.asList())
        .extracting(v -> v.asString().orElseThrow())
        .containsExactly("Table", "StreamArn");
    assertThat(root.obj("c").orElseThrow().get("Fn::Sub").flatMap(Value::asString))
        .contains("x-${AWS::Region}");
    assertThat(root.obj("d").orElseThrow().get("Fn::Join").orElseThrow().asList()).hasSize(2);
    assertThat(root.obj("e").orElseThrow().get("Condition").flatMap(Value::asString))
        .contains("IsProd");
  }

  @Test
  void getAttKeepsDotsAfterTheFirstInTheAttribute() {
    Value.Obj root = (Value.Obj) yaml("a: !GetAtt Child.Outputs.TableName\n");
    assertThat(root.obj("a").orElseThrow().get("Fn::GetAtt").orElseThrow().asList())
        .extracting(v -> v.asString().orElseThrow())
        .containsExactly("Child", "Outputs.TableName");
  }

  @Test
  void typesPlainScalarsByTheYamlCoreSchemaAndQuotedOnesAsStrings() {
    Value.Obj root =
        (Value.Obj) yaml("n: 12\nf: 1.5\nt: true\nz: ~\ns: '12'\nv: 2012-10-17\nx: !!str 7\n");
    assertThat(root.get("n").orElseThrow()).isInstanceOf(Value.Num.class);
    assertThat(root.get("f").orElseThrow()).isInstanceOf(Value.Num.class);
    assertThat(root.get("t").orElseThrow()).isInstanceOf(Value.Bool.class);
    assertThat(root.get("z").orElseThrow()).isInstanceOf(Value.Nil.class);
    assertThat(root.get("s").orElseThrow()).isInstanceOf(Value.Str.class);
    assertThat(root.get("v").flatMap(Value::asString)).contains("2012-10-17");
    assertThat(root.get("x").orElseThrow()).isInstanceOf(Value.Str.class);
  }

  @Test
  void readsJsonWithLocations() {
    Value.Obj root =
        (Value.Obj)
            json(
                "{\n  \"Resources\": {\n    \"Fn\": {\"Type\": \"AWS::Lambda::Function\"}\n  }\n}\n");
    Value type =
        root.obj("Resources").orElseThrow().obj("Fn").orElseThrow().get("Type").orElseThrow();
    assertThat(type.at().line()).isEqualTo(3);
    assertThat(type.asString()).contains("AWS::Lambda::Function");
  }

  @Test
  void reportsDuplicateKeysAndKeepsTheLastOne() {
    Document document = reader.parse(new SourceFile("t.yaml", "a: 1\nb: 2\na: 3\n"));
    assertThat(((Value.Obj) document.root()).get("a").flatMap(Value::asString)).contains("3");
    assertThat(document.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("duplicate key 'a'").contains("line 1");
              assertThat(p.at().line()).isEqualTo(3);
            });
  }

  @Test
  void reportsDuplicateKeysInJsonToo() {
    Document document = reader.parse(new SourceFile("t.json", "{\"a\": 1, \"a\": 2}"));
    assertThat(document.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicate key 'a'"));
  }

  @Test
  void expandsAliasesAndMergeKeys() {
    Value.Obj root =
        (Value.Obj)
            yaml("base: &base {Runtime: python3.12, Timeout: 3}\nfn:\n  <<: *base\n  Timeout: 9\n");
    Value.Obj fn = root.obj("fn").orElseThrow();
    assertThat(fn.get("Runtime").flatMap(Value::asString)).contains("python3.12");
    assertThat(fn.get("Timeout").flatMap(Value::asString)).contains("9");
  }

  @Test
  void aYamlSyntaxErrorNamesTheLineAndColumn() {
    assertThatThrownBy(
            () -> yaml("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n   Bad: [unclosed\n"))
        .isInstanceOfSatisfying(
            InputError.class,
            e -> {
              assertThat(e.at().file()).isEqualTo("t.yaml");
              assertThat(e.at().line()).isBetween(4, 5);
              assertThat(e.problem()).startsWith("YAML syntax error");
              assertThat(e.hint()).isNotBlank();
            });
  }

  @Test
  void aJsonSyntaxErrorNamesTheLine() {
    assertThatThrownBy(() -> json("{\n  \"a\": 1,\n  \"b\" 2\n}"))
        .isInstanceOfSatisfying(
            InputError.class,
            e -> {
              assertThat(e.at().line()).isEqualTo(3);
              assertThat(e.problem()).startsWith("JSON syntax error");
            });
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThatThrownBy(() -> yaml("# only a comment\n"))
        .isInstanceOfSatisfying(InputError.class, e -> assertThat(e.problem()).contains("empty"));
  }

  @Test
  void stopsABillionLaughsDocumentWithinTheNodeLimit() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> yaml(bomb.toString()))
        .isInstanceOfSatisfying(
            InputError.class,
            e -> {
              assertThat(e.problem()).contains("billion laughs");
              assertThat(e.hint()).contains(ReadLimits.NODES_OPTION);
            });
  }

  @Test
  void stopsDeeplyNestedYamlAtTheDepthLimit() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> yaml(deep))
        .isInstanceOfSatisfying(
            InputError.class,
            e -> {
              assertThat(e.problem()).contains("nested more than 200 levels");
              assertThat(e.hint()).contains(ReadLimits.DEPTH_OPTION);
            });
  }

  @Test
  void stopsDeeplyNestedJsonAtTheDepthLimit() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> json(deep))
        .isInstanceOfSatisfying(
            InputError.class, e -> assertThat(e.hint()).contains(ReadLimits.DEPTH_OPTION));
  }

  @Test
  void refusesAFileOverTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "a: " + "x".repeat(2048) + "\n");
    DocumentReader small = new DocumentReader(new ReadLimits(1024, 200, 1000));
    assertThatThrownBy(() -> small.read(big, "big.yaml"))
        .isInstanceOfSatisfying(
            InputError.class,
            e -> {
              assertThat(e.problem()).contains("over the limit of 1.0 KiB");
              assertThat(e.hint()).contains(ReadLimits.FILE_SIZE_OPTION);
            });
  }

  @Test
  void refusesTextThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("t.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
    assertThatThrownBy(() -> reader.read(latin1, "t.yaml"))
        .isInstanceOfSatisfying(
            InputError.class, e -> assertThat(e.problem()).contains("not UTF-8"));
  }

  @Test
  void readsOnlyTheFirstOfSeveralDocumentsAndSaysSo() {
    Document document = reader.parse(new SourceFile("t.yaml", "a: 1\n---\nb: 2\n"));
    assertThat(((Value.Obj) document.root()).has("a")).isTrue();
    assertThat(document.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than one YAML document"));
  }
}
