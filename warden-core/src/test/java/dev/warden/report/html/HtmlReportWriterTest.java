package dev.warden.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Repo;
import dev.warden.testing.RuleFixture;
import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  static ScanResult demo() {
    return Scan.run(ScanRequest.of(Repo.path("examples/acme-shop")), RuleFixture.CLOCK);
  }

  static String html(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    new HtmlReportWriter().write(result, out);
    return out.toString();
  }

  @Test
  void thePageIsSelfContained() throws IOException {
    String page = html(demo());
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("Content-Security-Policy")
        .doesNotContainPattern("(src|href)=\"https?://")
        .doesNotContain("<link ");
  }

  @Test
  void ithasTheSummaryTheChartTheGraphAndARowPerFunction() throws IOException {
    ScanResult result = demo();
    String page = html(result);
    assertThat(page)
        .contains(result.summary().headline().replace("'", "&#39;"))
        .contains("<svg id=\"distribution\"")
        .contains("<svg id=\"attack-surface\"")
        .contains("id=\"filter-text\"")
        .contains("<p class=\"muted\" id=\"advisories\">Warning: no advisory database:");
    assertThat(Pattern.compile("<tr data-level=").matcher(page).results().count()).isEqualTo(13);
    assertThat(page).contains("GET /partners/status").contains("UploadsBucket");
  }

  @Test
  void textFromTemplatesIsEscaped() throws IOException {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }
}
