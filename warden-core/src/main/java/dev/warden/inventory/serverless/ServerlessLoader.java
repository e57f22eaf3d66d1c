package dev.warden.inventory.serverless;

import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import dev.warden.inventory.sam.CloudFormationLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a Serverless Framework configuration ({@code serverless.yml}, {@code .yaml} or {@code
 * .json}; framework v2 to v4, provider {@code aws}) into an app of kind {@code serverless}: its
 * variables resolved for the stage, compiled into the SAM template the framework deploys, and that
 * template read by the CloudFormation loader — so every rule, score and report works on it.
 */
public final class ServerlessLoader {

  private static final Pattern MAJOR = Pattern.compile("(\\d+)");

  private final DocumentReader reader;
  private final CloudFormationLoader cloudFormation;

  public ServerlessLoader(DocumentReader reader, CloudFormationLoader cloudFormation) {
    this.reader = reader;
    this.cloudFormation = cloudFormation;
  }

  /** True when a parsed document is a Serverless Framework configuration. */
  public static boolean isServerless(Value document) {
    return document instanceof Value.Obj obj
        && obj.has("service")
        && (obj.has("provider") || obj.has("functions"))
        && !obj.has("AWSTemplateFormatVersion");
  }

  /** True when the first bytes of a file look like a Serverless Framework configuration. */
  public static boolean looksLikeServerless(String head) {
    return (head.contains("\nservice:")
            || head.startsWith("service:")
            || head.contains("\"service\""))
        && (head.contains("provider") || head.contains("functions"));
  }

  public CloudFormationLoader.Result load(
      ScanRoot root, Path file, Document document, ServerlessVariables.Options options) {
    List<InputProblem> problems = new ArrayList<>(document.problems());
    Value.Obj raw = (Value.Obj) document.root();
    SourceLocation at = raw.at();
    ServerlessVariables variables =
        new ServerlessVariables(raw, file, root, reader, options, problems);
    Value resolved = variables.resolveAll();
    if (!(resolved instanceof Value.Obj config)) {
      problems.add(
          new InputProblem(at, "serverless configuration is not a mapping", "Check the file."));
      return new CloudFormationLoader.Result(List.of(), problems, Set.of());
    }
    Optional<Value> providerName = config.obj("provider").flatMap(p -> p.get("name"));
    String provider = providerName.flatMap(Value::asString).orElse("aws");
    if (!provider.equals("aws")) {
      problems.add(
          new InputProblem(
              providerName.map(Value::at).orElse(at),
              "provider "
                  + provider
                  + " is not read: Warden reads Serverless Framework services on aws",
              "Scan the function app's own configuration (ARM/Bicep, Terraform, gcloud output)."));
      return new CloudFormationLoader.Result(List.of(), problems, Set.of());
    }
    config
        .get("frameworkVersion")
        .ifPresent(
            version -> {
              Matcher major = MAJOR.matcher(version.asString().orElse(""));
              if (major.find() && Integer.parseInt(major.group(1)) < 2) {
                problems.add(
                    new InputProblem(
                        version.at(),
                        "framework version "
                            + version.asString().orElse("?")
                            + " is not supported; read as version 3",
                        "Warden reads Serverless Framework v2 to v4 configurations."));
              }
            });
    Value.Obj template = new ServerlessCompiler(config, variables.stage(), problems).compile();
    return cloudFormation.loadCompiled(root, file, new Document(template, problems), "serverless");
  }
}
