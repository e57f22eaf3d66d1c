package dev.warden.cli;

import dev.warden.inventory.document.ReadLimits;
import dev.warden.scan.ScanRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options about reading input, shared by the commands that load templates. */
final class InputOptions {

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "A template parameter value, like `sam deploy --parameter-overrides` (repeatable).")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--stage",
      paramLabel = "NAME",
      description =
          "The Serverless Framework stage to read serverless.yml for, like `serverless deploy"
              + " --stage` (default: the file's provider.stage, else dev).")
  String stage;

  @Option(
      names = ReadLimits.FILE_SIZE_OPTION,
      paramLabel = "MIB",
      description = "Largest input file read, in MiB (default: ${DEFAULT-VALUE}).",
      defaultValue = "16")
  long maxFileMib;

  @Option(
      names = ReadLimits.DEPTH_OPTION,
      paramLabel = "N",
      description = "Deepest nesting of an input document (default: ${DEFAULT-VALUE}).",
      defaultValue = "200")
  int maxDepth;

  @Option(
      names = ReadLimits.NODES_OPTION,
      paramLabel = "N",
      description =
          "Most nodes in one document once YAML aliases are expanded (default: ${DEFAULT-VALUE}).",
      defaultValue = "2000000")
  long maxNodes;

  ScanRequest request(List<Path> paths) {
    return new ScanRequest(paths, parameters, limits(), stage);
  }

  ReadLimits limits() {
    if (maxFileMib <= 0 || maxDepth <= 0 || maxNodes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    return new ReadLimits(maxFileMib << 20, maxDepth, maxNodes);
  }
}
