package dev.warden.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.scan.ScanResult;
import dev.warden.score.RiskLevel;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in a real headless Chromium: the page loads without errors, the script
 * runs, the graph and the table render, and filtering (given in the address) hides the rows it
 * should. Saves a screenshot to {@code target/html-report.png}. Skips when no Chromium is
 * installed, except under {@code CI=true}, where a missing browser fails the build ({@code .ci/run}
 * installs it).
 */
class HeadlessChromiumTest {

  private static Path page;
  private static ScanResult result;
  private static String browser;

  @BeforeAll
  static void writeThePage() throws IOException {
    Optional<String> found = chromium();
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but no Chromium was found (looked at $CHROMIUM, chromium, chromium-browser,"
              + " google-chrome); .ci/run installs the Debian package chromium");
    }
    assumeTrue(
        found.isPresent(), "no Chromium installed; the HTML report is not tested in a browser");
    browser = found.get();
    result = HtmlReportWriterTest.demo();
    page = Repo.path("warden-core/target/html-report.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, HtmlReportWriterTest.html(result), StandardCharsets.UTF_8);
  }

  @Test
  void thePageLoadsWithoutErrorsAndDrawsTheGraphAndTheTable() throws Exception {
    Run run = chromium("--dump-dom", page.toUri().toString());
    String body = bodyTag(run.out());
    assertThat(body).contains("data-ready=\"true\"").doesNotContain("data-errors");
    assertThat(run.err()).doesNotContainPattern("(?i)uncaught|SyntaxError|ReferenceError");
    assertThat(run.out())
        .contains("<svg id=\"attack-surface\"")
        .contains("<table id=\"functions\"");
    assertThat(body).contains("data-shown=\"13\"");
  }

  @Test
  void filteringByTextAndLevelHidesTheOtherRows() throws Exception {
    String byName = bodyTag(chromium("--dump-dom", page.toUri() + "#filter=reportsfunction").out());
    assertThat(byName).contains("data-shown=\"1\"");
    long serious =
        result
            .inventory()
            .functions()
            .filter(f -> result.score(f).level() == RiskLevel.SERIOUS)
            .count();
    String byLevel = bodyTag(chromium("--dump-dom", page.toUri() + "#level=serious").out());
    assertThat(byLevel).contains("data-shown=\"" + serious + "\"");
  }

  @Test
  void aScreenshotIsSaved() throws Exception {
    Path shot = Repo.path("warden-core/target/html-report.png");
    Files.deleteIfExists(shot);
    chromium("--screenshot=" + shot, "--window-size=1280,2400", page.toUri().toString());
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  private record Run(String out, String err) {}

  private static Run chromium(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(browser);
    command.add("--headless");
    command.add("--no-sandbox");
    command.add("--disable-gpu");
    command.add("--disable-dev-shm-usage");
    command.add("--enable-logging=stderr");
    command.add("--v=0");
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 90 s");
    }
    Run run = new Run(Files.readString(out), Files.readString(err));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return run;
  }

  private static String bodyTag(String dom) {
    Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(body.find()).as("a body in the dumped page").isTrue();
    return body.group();
  }

  private static Optional<String> chromium() {
    List<String> candidates = new ArrayList<>();
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    }
    candidates.addAll(
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
  }
}
