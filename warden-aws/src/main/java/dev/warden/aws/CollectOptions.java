package dev.warden.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code warden collect aws} was asked for.
 *
 * @param regions the regions to read; empty means every region of the account's partition
 * @param profile a profile of the shared AWS config files, else the default credential chain
 * @param roleArn a role to assume first (another account), with its external id when it wants one
 * @param endpoint one endpoint for every service (a local test server, a proxy); else AWS's own
 * @param output the snapshot folder: new or empty, or one an interrupted run left (resumed)
 * @param withCode also download each function's deployment package and its layers
 * @param concurrency how many API calls may be in flight at once
 * @param progress where progress lines go (stderr)
 */
public record CollectOptions(
    List<String> regions,
    Optional<String> profile,
    Optional<String> roleArn,
    Optional<String> externalId,
    Optional<URI> endpoint,
    Path output,
    boolean withCode,
    int concurrency,
    Consumer<String> progress) {

  public static final int DEFAULT_CONCURRENCY = 24;

  public CollectOptions {
    regions = List.copyOf(regions);
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }
}
