package dev.warden.report.html;

import static dev.warden.report.html.Html.escape;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.Trigger;
import dev.warden.report.WardenVersion;
import dev.warden.rules.Finding;
import dev.warden.rules.Severity;
import dev.warden.scan.ScanResult;
import dev.warden.score.FleetSummary;
import dev.warden.score.RiskLevel;
import dev.warden.score.RiskScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a scan as one self-contained HTML page. */
public final class HtmlReportWriter {

  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  public void write(ScanResult result, Writer out) throws IOException {
    FleetSummary summary = result.summary();
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>Warden report</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n")
        .append("<h1>Warden report</h1>\n<p class=\"headline\" id=\"headline\">")
        .append(escape(summary.headline()))
        .append("</p>\n<p class=\"muted\">")
        .append(escape(WardenVersion.NAME + " " + WardenVersion.VERSION))
        .append(" · not analysed yet: ")
        .append(escape(String.join("; ", summary.notAnalysed())))
        .append("</p>\n<p class=\"muted\" id=\"advisories\">")
        .append(escape(result.advisories().line(result.clock())))
        .append("</p>\n</header>\n<main>\n");
    cards(page, summary);
    distribution(page, result);
    page.append("<section>\n<h2>Attack surface</h2>\n<div id=\"graph\">\n")
        .append(AttackSurfaceGraph.render(result))
        .append("</div>\n</section>\n");
    table(page, result);
    details(page, result);
    page.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    out.write(page.toString());
    out.flush();
  }

  private static void cards(StringBuilder page, FleetSummary summary) {
    page.append("<section>\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    card(page, "functions", summary.functions());
    card(page, "serious", summary.serious());
    card(page, "at risk", summary.atRisk());
    for (Severity severity : Severity.values()) {
      card(page, severity.wireName() + " findings", summary.bySeverity().get(severity));
    }
    card(page, "suppressed", summary.suppressed());
    page.append("</div>\n");
    if (!summary.topRisks().isEmpty()) {
      page.append("<p>Top risks:</p>\n<ul>\n");
      for (FleetSummary.TopRisk risk : summary.topRisks()) {
        page.append("<li><code>")
            .append(risk.ruleId())
            .append("</code> ")
            .append(escape(risk.title()))
            .append(" — ")
            .append(risk.functions())
            .append(risk.functions() == 1 ? " function" : " functions")
            .append("</li>\n");
      }
      page.append("</ul>\n");
    }
    page.append("</section>\n");
  }

  private static void card(StringBuilder page, String label, int value) {
    page.append("<div class=\"card\"><b>")
        .append(value)
        .append("</b>")
        .append(escape(label))
        .append("</div>\n");
  }

  /** A bar per risk level: how many functions fall in it. */
  private static void distribution(StringBuilder page, ScanResult result) {
    Map<RiskLevel, Integer> counts = new EnumMap<>(RiskLevel.class);
    for (RiskLevel level : RiskLevel.values()) {
      counts.put(level, 0);
    }
    for (ServerlessFunction function : result.inventory().functions().toList()) {
      counts.merge(result.score(function).level(), 1, Integer::sum);
    }
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    page.append("<section>\n<h2>Risk distribution</h2>\n")
        .append(
            "<svg id=\"distribution\" class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 520 150\" width=\"520\" height=\"150\" role=\"img\""
                + " aria-label=\"Functions per risk level\">\n");
    RiskLevel[] order = {RiskLevel.SERIOUS, RiskLevel.AT_RISK, RiskLevel.LOW, RiskLevel.NONE};
    for (int i = 0; i < order.length; i++) {
      int count = counts.get(order[i]);
      int height = (int) Math.round(100.0 * count / max);
      int x = 20 + i * 125;
      page.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"90\" height=\"%d\"><title>%d %s</title>"
                  + "</rect><text x=\"%d\" y=\"%d\">%d</text><text x=\"%d\" y=\"145\">%s</text>%n",
              order[i].wireName(),
              x,
              115 - height,
              height,
              count,
              order[i].wireName(),
              x + 40,
              110 - height,
              count,
              x,
              order[i].wireName()));
    }
    page.append("</svg>\n</section>\n");
  }

  private static void table(StringBuilder page, ScanResult result) {
    page.append("<section>\n<h2>Functions</h2>\n<div class=\"filters\">\n")
        .append(
            "<input id=\"filter-text\" type=\"search\" placeholder=\"Filter by name, runtime,"
                + " trigger, rule…\" aria-label=\"Filter functions\">\n")
        .append("<select id=\"filter-level\" aria-label=\"Risk level\">")
        .append("<option value=\"\">every level</option>")
        .append("<option value=\"at-risk+\">at risk or serious</option>")
        .append("<option value=\"serious\">serious</option>")
        .append("<option value=\"at-risk\">at-risk</option>")
        .append("<option value=\"low\">low</option>")
        .append("<option value=\"none\">none</option></select>\n")
        .append("<span class=\"muted\"><span id=\"shown-count\"></span> shown</span>\n</div>\n")
        .append("<table id=\"functions\">\n<thead><tr>")
        .append("<th data-type=\"number\">Score</th><th>Level</th><th>Function</th>")
        .append("<th>Runtime</th><th>Triggers</th><th data-type=\"number\">Findings</th>")
        .append("<th>Source</th></tr></thead>\n<tbody>\n");
    for (ServerlessFunction function : result.functionsByRisk()) {
      RiskScore score = result.score(function);
      List<Finding> findings =
          result.findingsOf(function).stream().filter(f -> !f.suppressed()).toList();
      String triggers = triggers(function);
      StringBuilder search =
          new StringBuilder(function.logicalId())
              .append(' ')
              .append(function.runtime().orElse(""))
              .append(' ')
              .append(triggers);
      for (Finding finding : findings) {
        search.append(' ').append(finding.rule().id()).append(' ').append(finding.rule().title());
      }
      page.append("<tr data-level=\"")
          .append(score.level().wireName())
          .append("\" data-search=\"")
          .append(escape(search.toString().toLowerCase(Locale.ROOT)))
          .append("\"><td data-value=\"")
          .append(score.score())
          .append("\">")
          .append(score.score())
          .append("</td><td><span class=\"level ")
          .append(score.level().wireName())
          .append("\">")
          .append(score.level().wireName())
          .append("</span></td><td><a href=\"#fn-")
          .append(anchor(function))
          .append("\">")
          .append(escape(function.logicalId()))
          .append("</a></td><td>")
          .append(escape(function.runtime().orElse(function.packageType().wireName())))
          .append("</td><td>")
          .append(escape(triggers))
          .append("</td><td data-value=\"")
          .append(findings.size())
          .append("\">")
          .append(findings.size())
          .append("</td><td>")
          .append(escape(function.declaredAt().toString()))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void details(StringBuilder page, ScanResult result) {
    page.append("<section>\n<h2>Findings by function</h2>\n");
    for (ServerlessFunction function : result.functionsByRisk()) {
      RiskScore score = result.score(function);
      page.append("<details id=\"fn-")
          .append(anchor(function))
          .append("\"")
          .append(score.level().atRisk() ? " open" : "")
          .append("><summary>")
          .append(escape(function.logicalId()))
          .append(" — ")
          .append(score.score())
          .append(" <span class=\"level ")
          .append(score.level().wireName())
          .append("\">")
          .append(score.level().wireName())
          .append("</span></summary>\n<ul class=\"muted\">");
      for (String reason : score.reasons()) {
        page.append("<li>").append(escape(reason)).append("</li>");
      }
      page.append("</ul>\n");
      for (Finding finding : result.findingsOf(function)) {
        finding(page, finding);
      }
      page.append("</details>\n");
    }
    List<Finding> appFindings =
        result.findings().stream().filter(f -> f.functionId().isEmpty()).toList();
    if (!appFindings.isEmpty()) {
      page.append("<details open><summary>Apps and APIs</summary>\n");
      for (Finding finding : appFindings) {
        finding(page, finding);
      }
      page.append("</details>\n");
    }
    page.append("</section>\n");
  }

  private static void finding(StringBuilder page, Finding finding) {
    page.append("<div class=\"finding\"><span class=\"sev ")
        .append(finding.severity().wireName())
        .append("\">")
        .append(finding.severity().wireName())
        .append("</span> <code>")
        .append(finding.rule().id())
        .append("</code> ")
        .append(escape(finding.rule().title()))
        .append(" <span class=\"muted\">")
        .append(escape(finding.location().toString()))
        .append(" · ")
        .append(finding.rule().category().wireName())
        .append("</span>");
    if (finding.suppressed()) {
      page.append(" <em>suppressed: ")
          .append(escape(finding.suppression().orElseThrow()))
          .append("</em>");
    }
    page.append("<br>")
        .append(escape(finding.message()))
        .append("<br><span class=\"fix\">Fix: ")
        .append(escape(finding.rule().remediation()))
        .append("</span></div>\n");
  }

  private static String triggers(ServerlessFunction function) {
    return String.join(
        ", ",
        function.triggers().stream()
            .map(
                (Trigger t) ->
                    t.route().map(Object::toString).orElse(t.kind().wireName())
                        + (t.isPublic() ? " (public)" : ""))
            .toList());
  }

  private static String anchor(ServerlessFunction function) {
    return function.id().replaceAll("[^A-Za-z0-9_-]", "-");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
