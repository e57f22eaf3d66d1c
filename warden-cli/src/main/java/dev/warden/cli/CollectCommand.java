package dev.warden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warden.aws.AwsCollector;
import dev.warden.aws.CollectOptions;
import dev.warden.aws.CollectorPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "collect",
    description = "Read a live cloud account (read-only) into a snapshot folder for `warden scan`.",
    subcommands = {CollectCommand.Aws.class, CommandLine.HelpCommand.class},
    mixinStandardHelpOptions = true)
final class CollectCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a cloud: warden collect aws");
  }

  @Command(
      name = "aws",
      description = {
        "Read every region of an AWS account with read-only calls: Lambda functions, versions,"
            + " aliases, resource policies, URLs, event source mappings, layers; the roles they run"
            + " as; API Gateway APIs; the S3 buckets, SNS topics, SQS queues and EventBridge rules"
            + " that trigger them; log retention. Writes the AWS API's own JSON plus manifest.json.",
        "Credentials come from the AWS SDK's default chain (environment, profile, SSO, container,"
            + " instance role). Run it again on an interrupted folder to resume."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warden collect aws --output snapshot/",
        "  warden collect aws --profile audit --regions eu-west-1,us-east-1 --output snapshot/",
        "  warden collect aws --role-arn arn:aws:iam::210987654321:role/warden-audit \\",
        "      --external-id 7f3c --regions all --output prod-2026-11-29/",
        "  warden scan snapshot/",
        "  warden collect aws --print-policy      (the IAM policy the collector needs)"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:collected (calls that failed are listed in manifest.json and shown by scan)",
        "2:usage error",
        "3:cannot collect: no credentials, a role that cannot be assumed, an output folder"
            + " that holds other files"
      },
      mixinStandardHelpOptions = true)
  static final class Aws implements Callable<Integer> {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    @Option(
        names = "--profile",
        paramLabel = "PROFILE",
        description = "A profile of ~/.aws/config.")
    String profile;

    @Option(
        names = "--regions",
        paramLabel = "all|R1,R2",
        description = "Regions to read (default: ${DEFAULT-VALUE}: every region of the partition).",
        defaultValue = "all")
    String regions;

    @Option(
        names = "--role-arn",
        paramLabel = "ARN",
        description = "Assume this role first (another account), with the credentials found.")
    String roleArn;

    @Option(
        names = "--external-id",
        paramLabel = "ID",
        description = "The external id the role's trust policy asks for.")
    String externalId;

    @Option(
        names = "--endpoint-url",
        paramLabel = "URL",
        description = "Send every call to this endpoint (a proxy or a local test server).")
    String endpoint;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "DIR",
        description = "The snapshot folder: new, empty, or left by an interrupted run.")
    Path output;

    @Option(
        names = "--with-code",
        description = "Also download each function's deployment package and its layers.")
    boolean withCode;

    @Option(
        names = "--concurrency",
        paramLabel = "N",
        description = "API calls in flight at once (default: ${DEFAULT-VALUE}).",
        defaultValue = "" + CollectOptions.DEFAULT_CONCURRENCY)
    int concurrency;

    @Option(
        names = "--print-policy",
        description = "Print the IAM policy the collector needs, and exit.")
    boolean printPolicy;

    @Override
    public Integer call() throws Exception {
      if (printPolicy) {
        Main.stdout()
            .println(
                new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CollectorPolicy.document()));
        return ExitCodes.OK;
      }
      if (output == null) {
        throw new UsageProblem("--output DIR is required: the folder the snapshot is written to");
      }
      if (concurrency < 1 || concurrency > 256) {
        throw new UsageProblem("--concurrency takes 1 to 256");
      }
      if (externalId != null && roleArn == null) {
        throw new UsageProblem("--external-id goes with --role-arn");
      }
      if (roleArn != null && !roleArn.startsWith("arn:")) {
        throw new UsageProblem("--role-arn takes a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
      }
      CollectOptions options =
          new CollectOptions(
              regionList(),
              Optional.ofNullable(profile),
              Optional.ofNullable(roleArn),
              Optional.ofNullable(externalId),
              Optional.ofNullable(endpoint).map(Aws::endpoint),
              output,
              withCode,
              concurrency,
              line -> Main.stderr().println("warden: " + line));
      AwsCollector.Result result = AwsCollector.collect(options); // CollectException: Main
      Main.stderr()
          .printf(
              Locale.ROOT,
              "warden: %d functions of account %s in %d regions, %d calls (%d attempts)%s in %.1f s%s%n",
              result.functions(),
              result.account(),
              result.regions().size(),
              result.calls(),
              result.attempts(),
              result.reused() > 0
                  ? ", " + result.reused() + " answers kept from the earlier run"
                  : "",
              result.took().toMillis() / 1000.0,
              result.failures() > 0
                  ? "; "
                      + result.failures()
                      + " calls failed (manifest.json lists them; scan shows them as coverage gaps)"
                  : "");
      Main.stderr()
          .println("warden: snapshot written to " + output + "; next: warden scan " + output);
      return ExitCodes.OK;
    }

    private List<String> regionList() {
      if (regions.equalsIgnoreCase("all")) {
        return List.of();
      }
      List<String> list = new ArrayList<>();
      for (String region : regions.split(",", -1)) {
        String r = region.trim();
        if (!REGION.matcher(r).matches()) {
          throw new UsageProblem(
              "--regions takes all or region names separated by commas (eu-west-1,us-east-1); not '"
                  + r
                  + "'");
        }
        list.add(r);
      }
      return list;
    }

    private static URI endpoint(String url) {
      try {
        URI uri = new URI(url);
        if (uri.getScheme() == null
            || !uri.getScheme().startsWith("http")
            || uri.getHost() == null) {
          throw new UsageProblem("--endpoint-url takes an http(s) URL; not '" + url + "'");
        }
        return uri;
      } catch (java.net.URISyntaxException e) {
        throw new UsageProblem("--endpoint-url takes an http(s) URL; not '" + url + "'");
      }
    }
  }
}
