package dev.warden.cli;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.report.WardenVersion;
import dev.warden.scan.InvalidSettings;
import dev.warden.scan.NothingToScan;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "warden",
    description =
        "Serverless security: inventory, risk, least privilege, supply chain and audit logs.",
    subcommands = {
      ScanCommand.class,
      InventoryCommand.class,
      IamCommand.class,
      RulesCommand.class,
      PolicyCommand.class,
      DepsCommand.class,
      DbCommand.class,
      LogsCommand.class,
      DiffCommand.class,
      CollectCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warden scan examples/acme-shop",
      "  warden inventory --format json template.yaml",
      "  warden help scan"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on (or no --fail-on given)",
      "1:findings at or above --fail-on",
      "2:usage error (an unknown option, a bad value)",
      "3:the input could not be loaded at all",
      "4:internal error (please report it with the --debug output)"
    },
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
public final class Main implements Runnable {

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  private static PrintStream out = System.out;
  private static PrintStream err = System.err;

  static PrintStream stdout() {
    return out;
  }

  static PrintStream stderr() {
    return err;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Missing a command: try `warden scan PATH`.");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    out = stdout;
    err = stderr;
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    LogsAnalyzeCommand.describeThresholds(
        commandLine.getSubcommands().get("logs").getSubcommands().get("analyze"));
    commandLine.setOut(
        new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
    commandLine.setErr(
        new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, debug));
    try {
      return commandLine.execute(args);
    } catch (StackOverflowError | OutOfMemoryError | LinkageError e) {
      // picocli hands on errors: report them as the internal errors they are, without a trace
      err.println(
          "warden: internal error: "
              + e
              + (debug ? "" : " (run again with --debug for details, and report it)"));
      if (debug) {
        e.printStackTrace(err);
      }
      return ExitCodes.INTERNAL;
    }
  }

  private static int handle(Exception e, boolean debug) {
    if (e instanceof UsageProblem || e instanceof IllegalArgumentException) {
      err.println("warden: " + e.getMessage());
      trace(e, debug);
      return ExitCodes.USAGE;
    }
    if (e instanceof InputError input) {
      err.println("warden: " + input.at() + ": " + input.problem());
      err.println("  " + input.hint());
      trace(e, debug);
      return ExitCodes.INPUT;
    }
    if (e instanceof dev.warden.aws.CollectException cannot) {
      err.println("warden: " + cannot.getMessage());
      err.println("  " + cannot.hint());
      trace(e, debug);
      return ExitCodes.INPUT;
    }
    if (e instanceof InvalidSettings invalid) {
      problems(invalid.getMessage(), invalid.problems());
      trace(e, debug);
      return ExitCodes.USAGE;
    }
    if (e instanceof NothingToScan nothing) {
      problems(nothing.getMessage(), nothing.problems());
      trace(e, debug);
      return ExitCodes.INPUT;
    }
    if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
      err.println("warden: " + e.getMessage());
      trace(e, debug);
      return ExitCodes.INPUT;
    }
    err.println("warden: internal error: " + e);
    err.println(
        "  This is a bug in Warden. Please report it with the output of the same command run with --debug.");
    trace(e, debug);
    return ExitCodes.INTERNAL;
  }

  private static void problems(String message, List<InputProblem> problems) {
    err.println("warden: " + message + ":");
    for (InputProblem problem : problems) {
      err.println("  " + problem.at() + ": " + problem.message());
      if (!problem.hint().isBlank()) {
        err.println("    " + problem.hint());
      }
    }
  }

  private static void trace(Exception e, boolean debug) {
    if (debug) {
      StringWriter text = new StringWriter();
      e.printStackTrace(new PrintWriter(text));
      err.print(text);
    }
  }

  /** The version line of {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {WardenVersion.NAME + " " + WardenVersion.VERSION};
    }
  }
}
