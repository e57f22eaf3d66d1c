package dev.warden.deps;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.warden.inventory.document.SourceFile;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a lockfile holds, the readers report problems; they never throw. */
class LockfileReadersNeverFailProperties {

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            "\n",
            " ",
            "\\",
            "#",
            "-r ",
            "==",
            ">=",
            ";",
            "require (",
            ")",
            "=>",
            "// indirect",
            "v1.2.3",
            "packages",
            "node_modules/a",
            "\"version\"",
            "1.0.0",
            "lockfileVersion",
            "9",
            "name",
            "[extra]",
            "--hash=sha256:ab");
    return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void readersNeverThrow(@ForAll("texts") String text) {
    SourceFile file = new SourceFile("lock", text);
    assertThatCode(
            () -> {
              NpmLockReader.read(file, Optional.of(file));
              RequirementsReader.read(file, name -> Optional.of(file));
              GoModReader.read(file);
              PnpmLockReader.read(file);
              MavenReader.readPom(file);
              MavenReader.readGradleLock(file);
              MavenReader.readDependencyList(file, Optional.empty());
              PythonLockReader.readToml(file, Optional.of(file));
              PythonLockReader.readPipfileLock(file, Optional.of(file));
              YarnLockReader.read(file, Optional.of(file));
              YarnLockReader.read(new SourceFile("lock", "__metadata:\n" + text), Optional.empty());
            })
        .doesNotThrowAnyException();
  }
}
