package dev.warden.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.report.WardenVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.iam.model.EntityType;

/**
 * {@code warden collect aws}: who the credentials are (STS), the account's roles and managed
 * policies (IAM, once), then every region in parallel ({@link RegionCollector}), and the manifest
 * last — which is what makes the folder a finished snapshot.
 */
public final class AwsCollector {

  /** What a collection did. */
  public record Result(
      Path output,
      String account,
      List<String> regions,
      int functions,
      long calls,
      long attempts,
      long reused,
      int failures,
      boolean resumed,
      Duration took) {}

  private AwsCollector() {}

  public static Result collect(CollectOptions options) {
    Instant started = Instant.now();
    CallLedger ledger = new CallLedger();
    Progress progress = new Progress(options.progress(), ledger);
    try (AwsClients clients = new AwsClients(options, ledger)) {
      Identity identity = Identity.of(clients, options);
      SnapshotFolder folder = SnapshotFolder.open(options.output());
      if (folder.resumed()) {
        progress.say("resuming the interrupted collection in " + options.output());
      }
      List<Region> regions = regions(options, identity.partition());
      progress.say(
          "account "
              + identity.account()
              + " as "
              + identity.arn()
              + "; "
              + regions.size()
              + (regions.size() == 1 ? " region" : " regions"));
      CallRunner runner = new CallRunner(folder, ledger);
      CodeDownloader code = new CodeDownloader(folder, ledger);
      ExecutorService calls = Executors.newFixedThreadPool(options.concurrency(), daemon("call"));
      ExecutorService regionPool =
          Executors.newFixedThreadPool(Math.min(8, Math.max(1, regions.size())), daemon("region"));
      try {
        runner.fetch(
            "iam/get-account-authorization-details.json",
            "iam",
            "GetAccountAuthorizationDetails",
            Region.AWS_GLOBAL.id(),
            null,
            () ->
                SdkJson.merged(
                    clients
                        .iam()
                        .getAccountAuthorizationDetailsPaginator(
                            r -> r.filter(EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY))
                        .stream()
                        .toList(),
                    List.of("RoleDetailList", "Policies"),
                    List.of("Marker", "IsTruncated")));
        List<Future<?>> running = new ArrayList<>();
        for (Region region : regions) {
          running.add(
              regionPool.submit(
                  () ->
                      new RegionCollector(
                              region,
                              identity.account(),
                              clients,
                              runner,
                              calls,
                              progress,
                              code,
                              options.withCode())
                          .collect()));
        }
        for (Future<?> region : running) {
          region.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CollectException(
            "the collection was interrupted",
            "Run the same command again: it resumes where it stopped.",
            e);
      } catch (ExecutionException e) {
        throw new CollectException(
            "the collection stopped: " + e.getCause().getMessage(),
            "Run the same command again: it resumes where it stopped.",
            e.getCause());
      } finally {
        calls.shutdownNow();
        regionPool.shutdownNow();
      }
      Instant finished = Instant.now();
      folder.finish(manifest(identity, regions, started, finished, ledger));
      return new Result(
          options.output(),
          identity.account(),
          regions.stream().map(Region::id).toList(),
          progress.functions(),
          ledger.totalCalls(),
          ledger.totalAttempts(),
          ledger.reusedCount(),
          ledger.failures().size(),
          folder.resumed(),
          Duration.between(started, finished));
    }
  }

  /** The regions asked for, or every commercial region of the account's partition. */
  static List<Region> regions(CollectOptions options, String partition) {
    if (!options.regions().isEmpty()) {
      return options.regions().stream().map(Region::of).toList();
    }
    List<Region> all = new ArrayList<>();
    for (Region region : Region.regions()) {
      RegionMetadata metadata = RegionMetadata.of(region);
      if (!region.isGlobalRegion()
          && metadata != null
          && metadata.partition().id().equals(partition)) {
        all.add(region);
      }
    }
    all.sort(java.util.Comparator.comparing(Region::id));
    return all;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, "warden-collect-" + name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static ObjectNode manifest(
      Identity identity,
      List<Region> regions,
      Instant started,
      Instant finished,
      CallLedger ledger) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode manifest = nodes.objectNode();
    manifest.put("schemaVersion", 1);
    manifest.put("account", identity.account());
    manifest.put("partition", identity.partition());
    ArrayNode regionList = manifest.putArray("regions");
    regions.forEach(r -> regionList.add(r.id()));
    manifest.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
    manifest.put("finishedAt", finished.truncatedTo(ChronoUnit.SECONDS).toString());
    manifest.put("wardenVersion", WardenVersion.VERSION);
    manifest.put("principal", identity.arn());
    ArrayNode calls = manifest.putArray("calls");
    for (Map.Entry<CallLedger.Key, Long> call : ledger.calls().entrySet()) {
      ObjectNode c = calls.addObject();
      c.put("service", call.getKey().service());
      c.put("operation", call.getKey().operation());
      c.put("region", call.getKey().region());
      c.put("count", call.getValue());
      c.put("attempts", ledger.attempts(call.getKey()));
    }
    ArrayNode failures = manifest.putArray("failures");
    for (CallLedger.Failure failure : ledger.failures()) {
      ObjectNode f = failures.addObject();
      f.put("service", failure.service());
      f.put("operation", failure.operation());
      f.put("region", failure.region());
      failure.resource().ifPresent(r -> f.put("resource", r));
      f.put("error", failure.error());
      if (!failure.message().isEmpty()) {
        f.put("message", failure.message());
      }
    }
    return manifest;
  }
}
