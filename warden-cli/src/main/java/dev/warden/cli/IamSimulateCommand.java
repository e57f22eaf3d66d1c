package dev.warden.cli;

import dev.warden.iam.IamCatalog;
import dev.warden.iam.simulate.Simulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    description = {
      "Evaluate requests against IAM policies as AWS does. Each input line is one JSON request:",
      "  {\"principal\": \"arn:aws:iam::111122223333:role/fn\", \"policies\": [POLICY...],",
      "   \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\", \"context\": {KEY: VALUE}}",
      "with, when needed, resourceAccount, permissionBoundary, sessionPolicy, resourcePolicy, and",
      "scps and rcps (one list of policies per organisation level, root first). Each output line is",
      "  {\"decision\": \"Allowed|ImplicitlyDenied|ExplicitlyDenied\", \"matched\": [STATEMENT...]}",
      "or {\"error\": \"...\"} for a line that cannot be read; the other lines go on.",
      "aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:CurrentTime,",
      "aws:EpochTime, aws:ResourceAccount and aws:RequestedRegion are derived when not given."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden iam simulate --input cases.jsonl",
      "  warden iam simulate --input - --output decisions.jsonl < cases.jsonl"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every line was answered (bad lines with an error line)",
      "2:usage error (an unknown option, a bad value)",
      "3:the input file could not be read",
      "4:internal error (please report it with the --debug output)"
    },
    mixinStandardHelpOptions = true)
final class IamSimulateCommand implements Callable<Integer> {

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      required = true,
      description = "JSON Lines requests ('-' reads standard input).")
  String input;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    output.checkNotAnInput();
    if (!input.equals("-")
        && !output.output.equals("-")
        && Files.exists(Path.of(output.output))
        && Files.isSameFile(Path.of(input), Path.of(output.output))) {
      throw new UsageProblem("--output is the --input file; Warden does not overwrite its input.");
    }
    Simulator simulator = new Simulator(IamCatalog.bundled(), Clock.systemUTC());
    try (BufferedReader in = open()) {
      String name = input.equals("-") ? "<stdin>" : input;
      output.write(Main.stdout(), out -> simulator.run(name, in, out));
    }
    return ExitCodes.OK;
  }

  private BufferedReader open() throws java.io.IOException {
    if (input.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    try {
      // Malformed UTF-8 becomes U+FFFD: the line it is on fails alone, not the whole run.
      return new BufferedReader(
          new InputStreamReader(Files.newInputStream(Path.of(input)), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new UsageProblem("--input " + input + ": no such file");
    }
  }
}
