package dev.warden.deps.osv;

import dev.warden.deps.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Downloads the per-ecosystem OSV exports ({@code <base>/npm/all.zip}, {@code PyPI}, {@code Maven},
 * {@code Go}) into a folder, each streamed to a file. The only network access Warden makes, and
 * only when asked ({@code warden db update}); a scan never calls it.
 */
public final class OsvExports {

  /** Where osv.dev publishes its exports. */
  public static final URI OSV_DEV =
      URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

  /** Hears how many bytes of which export have arrived. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (ecosystem, bytes) -> {};

    void received(Ecosystem ecosystem, long bytes);
  }

  /** A download that did not complete: which export, and why. */
  public static final class DownloadFailed extends IOException {
    private static final long serialVersionUID = 1L;

    DownloadFailed(String message, Throwable cause) {
      super(message, cause);
    }

    DownloadFailed(String message) {
      super(message);
    }
  }

  private final URI base;
  private final HttpClient client;

  public OsvExports(URI base) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The export's address: {@code <base>/<ecosystem>/all.zip}. */
  public URI address(Ecosystem ecosystem) {
    return base.resolve(ecosystem.osvName() + "/all.zip");
  }

  /**
   * Downloads the export of every ecosystem into {@code folder}, returning the files in order.
   *
   * @throws DownloadFailed when one cannot be downloaded whole (the files already written are left
   *     for the caller to delete)
   */
  public List<Path> download(List<Ecosystem> ecosystems, Path folder, Progress progress)
      throws DownloadFailed, InterruptedException {
    List<Path> files = new ArrayList<>();
    for (Ecosystem ecosystem : ecosystems) {
      URI address = address(ecosystem);
      Path file = folder.resolve(ecosystem.osvName() + "-all.zip");
      HttpRequest request =
          HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(10)).GET().build();
      try {
        HttpResponse<InputStream> response =
            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          if (response.statusCode() != 200) {
            throw new DownloadFailed(
                address + " answered HTTP " + response.statusCode() + " instead of the export");
          }
          long total = 0;
          byte[] buffer = new byte[1 << 16];
          try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
              out.write(buffer, 0, n);
              total += n;
              progress.received(ecosystem, total);
            }
          }
        }
      } catch (DownloadFailed e) {
        throw e;
      } catch (IOException e) {
        throw new DownloadFailed(
            "cannot download " + address + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
      }
      files.add(file);
    }
    return files;
  }
}
