package dev.warden.code;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.warden.code.java.AwsSdkJavaReader;
import dev.warden.code.java.JavaInjections;
import dev.warden.code.javascript.AwsSdkJsReader;
import dev.warden.code.javascript.JsInjections;
import dev.warden.code.python.Boto3Reader;
import dev.warden.code.python.PythonInjections;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Code is input like any other: whatever a file holds — truncated, binary, another language — the
 * readers return what they can and never throw.
 */
class ReadersNeverFailProperties {

  @Provide
  Arbitrary<String> sources() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "import boto3\n",
            "s3 = boto3.client(\"s3\")\n",
            "s3.get_object(Bucket=",
            "\"\"\"",
            "'''",
            "f\"{event",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            "=",
            ".",
            "\\\n",
            "#",
            "\n",
            "def handler(event, context):\n",
            "    os.system(event[\"x\"])\n",
            "`${",
            "/*",
            "*/",
            "//",
            "/re[/]x/g",
            "require(\"aws-sdk\")",
            "new AWS.S3().getObject({Bucket: ",
            "execSync(`a ${event.b}`)",
            "class A { void f() { s3.getObject(b -> b.bucket(",
            "import software.amazon.awssdk.services.s3.S3Client;",
            "S3Client s3;",
            "\u0000",
            "é");
    Arbitrary<String> assembled =
        fragments.list().ofMaxSize(40).map(parts -> String.join("", parts));
    return Arbitraries.oneOf(assembled, Arbitraries.strings().ofMaxLength(300));
  }

  @Property(tries = 300)
  void pythonReadersNeverThrow(@ForAll("sources") String source) {
    assertThatCode(
            () -> {
              Boto3Reader.read("x.py", source);
              PythonInjections.find("x.py", source);
            })
        .doesNotThrowAnyException();
  }

  @Property(tries = 300)
  void javascriptReadersNeverThrow(@ForAll("sources") String source) {
    assertThatCode(
            () -> {
              AwsSdkJsReader.read("x.js", source);
              JsInjections.find("x.js", source);
            })
        .doesNotThrowAnyException();
  }

  @Property(tries = 200)
  void theJavaReaderNeverThrows(@ForAll("sources") String source) {
    assertThatCode(
            () -> {
              AwsSdkJavaReader.read("X.java", source);
              JavaInjections.find("X.java", source);
            })
        .doesNotThrowAnyException();
  }

  @Property(tries = 300)
  void everyCallResolvesWithoutThrowing(@ForAll("sources") String source) {
    assertThatCode(
            () -> {
              for (CodeCall call : Boto3Reader.read("x.py", source)) {
                SdkActions.bundled().resolve(call.call());
              }
              for (CodeCall call : AwsSdkJsReader.read("x.js", source)) {
                SdkActions.bundled().resolve(call.call());
              }
            })
        .doesNotThrowAnyException();
  }
}
