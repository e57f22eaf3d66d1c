package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.inventory.snapshot.SnapshotLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code --with-code}: each function's deployment package and each layer version it uses, fetched
 * from the pre-signed URL Lambda returns ({@code GetFunction}, {@code GetLayerVersion}) into {@code
 * code/REGION/NAME.zip} and {@code layers/REGION/NAME-VERSION.zip}, where the snapshot reader finds
 * them for code and dependency analysis. Container-image functions have no package to fetch.
 */
final class CodeDownloader {

  /** Lambda's own limit for a zipped package is 50 MB (250 MB unzipped); anything beyond is not. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private final SnapshotFolder folder;
  private final CallLedger ledger;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  CodeDownloader(SnapshotFolder folder, CallLedger ledger) {
    this.folder = folder;
    this.ledger = ledger;
  }

  void function(String region, String name, JsonNode getFunction) {
    String location = getFunction.path("Code").path("Location").asText("");
    if (location.isEmpty()) {
      return; // an image, or no access to the code
    }
    download(SnapshotLayout.functionPackage(region, name), location, region, "GetFunction", name);
  }

  void layer(Region region, String name, long version, LambdaClient lambda) {
    String file = SnapshotLayout.layerPackage(region.id(), name, String.valueOf(version));
    if (folder.exists(file)) {
      ledger.reused();
      return;
    }
    String id = name + ":" + version;
    Optional<String> location;
    try {
      location =
          Optional.ofNullable(
              lambda
                  .getLayerVersion(r -> r.layerName(name).versionNumber(version))
                  .content()
                  .location());
    } catch (SdkException e) {
      ledger.failed(
          new CallLedger.Failure(
              "lambda",
              "GetLayerVersion",
              region.id(),
              Optional.of(id),
              e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                  ? CallRunner.errorCode(service)
                  : "ClientError",
              String.valueOf(e.getMessage())));
      return;
    }
    location.ifPresent(url -> download(file, url, region.id(), "GetLayerVersion", id));
  }

  private void download(String file, String url, String region, String operation, String what) {
    if (folder.exists(file)) {
      ledger.reused();
      return;
    }
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        folder.write(file, body, MAX_BYTES); // streamed: packages are not held in memory
      }
    } catch (IOException | IllegalArgumentException e) {
      ledger.failed(
          new CallLedger.Failure(
              "lambda",
              operation + " (download)",
              region,
              Optional.of(what),
              "DownloadFailed",
              String.valueOf(e.getMessage())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
