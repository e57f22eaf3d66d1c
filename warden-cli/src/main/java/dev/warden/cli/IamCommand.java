package dev.warden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "iam",
    description = "Evaluate and analyse IAM policies with Warden's policy engine.",
    subcommands = {
      IamSimulateCommand.class,
      IamAnalyzeCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {"  warden iam simulate --input cases.jsonl", "  warden iam analyze policy.json"},
    mixinStandardHelpOptions = true)
final class IamCommand implements Runnable {

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Missing a command: try `warden iam simulate --input FILE`.");
  }
}
