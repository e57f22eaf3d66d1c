package dev.warden.inventory.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.InputError;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever it is fed, the reader returns a document or throws its own error; nothing else. */
class DocumentReaderProperties {

  private static final String DEMO;

  static {
    try {
      DEMO = Files.readString(Repo.path("examples/acme-shop/template.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final DocumentReader reader = new DocumentReader(new ReadLimits(1 << 20, 64, 50_000));

  @Property(tries = 300)
  void truncatedTemplatesGiveADocumentOrAnInputError(
      @ForAll @IntRange(min = 0, max = 30_000) int cut) {
    String text = DEMO.substring(0, Math.min(cut, DEMO.length()));
    readsOrFailsCleanly(text, "t.yaml");
  }

  @Property(tries = 300)
  void templatesWithACharacterReplacedGiveADocumentOrAnInputError(
      @ForAll @IntRange(min = 0, max = 30_000) int at, @ForAll("yamlCharacters") char replacement) {
    char[] chars = DEMO.toCharArray();
    chars[Math.min(at, chars.length - 1)] = replacement;
    readsOrFailsCleanly(new String(chars), "t.yaml");
  }

  @Property(tries = 500)
  void randomTextGivesADocumentOrAnInputError(@ForAll("yamlish") String text) {
    readsOrFailsCleanly(text, "t.yaml");
    readsOrFailsCleanly(text, "t.json");
  }

  private void readsOrFailsCleanly(String text, String name) {
    try {
      assertThat(reader.parse(new SourceFile(name, text)).root()).isNotNull();
    } catch (InputError expected) {
      assertThat(expected.problem()).isNotBlank();
      assertThat(expected.at().file()).isEqualTo(name);
    }
  }

  @Provide
  Arbitrary<Character> yamlCharacters() {
    return Arbitraries.of(
        ':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '#', '\t', ' ', '\n', '%',
        '@', '`');
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.strings().withChars(":-[]{}&*!|>'\"#\t \n%@`,?abcXYZ019.$").ofMaxLength(300);
  }
}
