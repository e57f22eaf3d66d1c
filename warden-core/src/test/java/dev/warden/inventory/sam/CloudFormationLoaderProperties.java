package dev.warden.inventory.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.InputError;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.document.SourceFile;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever YAML it is given, the loader returns apps and problems, or throws {@link InputError};
 * never anything else. The inputs are the demo template cut short, with lines swapped for hostile
 * values, and random text.
 */
class CloudFormationLoaderProperties {

  private static final Path DEMO = Repo.path("examples/acme-shop");
  private static final List<String> LINES;

  static {
    try {
      LINES = Files.readAllLines(DEMO.resolve("template.yaml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final DocumentReader reader = new DocumentReader(new ReadLimits(1 << 20, 64, 100_000));
  private final CloudFormationLoader loader =
      new CloudFormationLoader(reader, AwsManagedPolicies.bundled());

  @Property(tries = 200)
  void truncatedTemplatesLoadOrFailWithAnInputError(
      @ForAll @IntRange(min = 1, max = 700) int lines) {
    loadsOrFailsCleanly(String.join("\n", LINES.subList(0, Math.min(lines, LINES.size()))));
  }

  @Property(tries = 300)
  void templatesWithALineReplacedLoadOrFailWithAnInputError(
      @ForAll @IntRange(min = 0, max = 699) int line, @ForAll("hostileValues") String value) {
    String[] copy = LINES.toArray(String[]::new);
    int at = Math.min(line, copy.length - 1);
    String original = copy[at];
    int colon = original.indexOf(':');
    copy[at] =
        colon > 0
            ? original.substring(0, colon + 1) + " " + value
            : original.replaceAll("\\S.*", "") + value;
    loadsOrFailsCleanly(String.join("\n", copy));
  }

  @Property(tries = 300)
  void randomYamlLoadsOrFailsWithAnInputError(@ForAll("yaml") String text) {
    loadsOrFailsCleanly("Resources:\n" + text);
  }

  private void loadsOrFailsCleanly(String text) {
    try {
      Document document = reader.parse(new SourceFile("template.yaml", text));
      if (!CloudFormationLoader.isTemplate(document.root())) {
        return;
      }
      CloudFormationLoader.Result result =
          loader.load(ScanRoot.of(DEMO), DEMO.resolve("template.yaml"), document, Map.of());
      assertThat(result.apps()).isNotEmpty();
    } catch (InputError expected) {
      assertThat(expected.problem()).isNotBlank();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> hostileValues() {
    return Arbitraries.of(
        "!Ref",
        "!Ref Nowhere",
        "!GetAtt",
        "!GetAtt X",
        "!Sub",
        "!Sub [a]",
        "!Sub ['${x}', 3]",
        "!Join",
        "!Join [1]",
        "!Select [99, [a]]",
        "!Select [x, y]",
        "!Split [',']",
        "!If [Nope, a]",
        "!If [IsProd]",
        "!FindInMap [M]",
        "!Equals [a]",
        "!Not [a, b]",
        "!And x",
        "!Condition",
        "!Base64 [a]",
        "!GetAZs {x: y}",
        "!Length 5",
        "!ToJsonString",
        "!Transform {Name: AWS::Include, Parameters: {Location: ../../../etc/passwd}}",
        "!Frobnicate 1",
        "{Ref: [a, b]}",
        "{\"Fn::GetAtt\": [a, b, c]}",
        "[]",
        "{}",
        "~",
        "42",
        "true",
        "[[[[]]]]",
        "{Type: AWS::Serverless::Function}",
        "{Type: 7}",
        "&a [*a]",
        "'unterminated",
        "{Fn::Sub: {a: b}}",
        "!Ref AWS::NoValue",
        "!Sub '${AWS::NoValue}'",
        "!GetAtt OrdersApiFunction.Outputs.X",
        "{Type: AWS::Serverless::Application, Properties: {Location: template.yaml}}");
  }

  @Provide
  Arbitrary<String> yaml() {
    Arbitrary<String> resource =
        Arbitraries.of(
                "AWS::Serverless::Function",
                "AWS::Lambda::Function",
                "AWS::Serverless::Api",
                "AWS::ApiGateway::Method",
                "AWS::Lambda::Permission",
                "AWS::S3::Bucket",
                "AWS::IAM::Role",
                "AWS::Lambda::EventSourceMapping",
                "AWS::ApiGatewayV2::Route",
                "AWS::Unknown::Thing")
            .map(
                type ->
                    "  R"
                        + Math.abs(type.hashCode() % 97)
                        + ":\n    Type: "
                        + type
                        + "\n    Properties:\n");
    Arbitrary<String> property =
        Arbitraries.of(
                "Events",
                "Policies",
                "Role",
                "Handler",
                "CodeUri",
                "FunctionName",
                "Auth",
                "DefinitionBody",
                "Environment",
                "Principal",
                "EventSourceArn",
                "RouteKey",
                "Target",
                "Integration",
                "Layers")
            .flatMap(key -> hostileValues().map(value -> "      " + key + ": " + value + "\n"));
    return Arbitraries.oneOf(resource, property)
        .list()
        .ofMaxSize(12)
        .map(parts -> String.join("", parts));
  }
}
