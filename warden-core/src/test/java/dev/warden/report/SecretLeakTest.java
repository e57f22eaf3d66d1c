package dev.warden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.report.console.InventoryTable;
import dev.warden.report.console.ReportTable;
import dev.warden.report.console.Style;
import dev.warden.report.html.HtmlReportWriter;
import dev.warden.report.json.JsonReportWriter;
import dev.warden.report.sarif.SarifWriter;
import dev.warden.scan.Scan;
import dev.warden.scan.ScanRequest;
import dev.warden.scan.ScanResult;
import dev.warden.testing.Loaded;
import dev.warden.testing.RuleFixture;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants secrets of every kind Warden recognises in a template (inline, under innocent names, in a
 * parameter default, in Globals) and checks that no output format prints any of them: not the whole
 * value, and not any part of it longer than the masked prefix.
 */
class SecretLeakTest {

  private static final List<String> SECRETS =
      List.of(
          "AKIAZ3MQ5RT2W7LKXN4B",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9Lm2Tn8V",
          "sk_live_4eC39HqLyjWDarjtT1zdp7dc00",
          "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
          "xoxb-2401234567-2412345678901-AbCdEfGhIjKlMnOpQrStUvWx",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
          "Tr0ub4dor3-Horse!",
          "Sup3rS3cretDbPassw0rd!",
          "q8Zt4WmX2pL9vRk7Ns3Yd6Hc1Jb5Gf0A");

  @TempDir Path dir;

  @Test
  void noOutputFormatPrintsAPlantedSecret() throws IOException {
    Loaded.write(
        dir,
        "template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          DbPassword: {Type: String, NoEcho: true, Default: "Sup3rS3cretDbPassw0rd!"}
        Globals:
          Function:
            Environment:
              Variables:
                SHARED_SIGNING_KEY: "q8Zt4WmX2pL9vRk7Ns3Yd6Hc1Jb5Gf0A"
        Resources:
          LeakyFn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: x
              FunctionUrlConfig: {AuthType: NONE}
              Environment:
                Variables:
                  AWS_ACCESS_KEY_ID: AKIAZ3MQ5RT2W7LKXN4B
                  AWS_SECRET_ACCESS_KEY: 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
                  PAYMENTS: sk_live_4eC39HqLyjWDarjtT1zdp7dc00
                  CI_HELPER: ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8
                  NOTIFY: xoxb-2401234567-2412345678901-AbCdEfGhIjKlMnOpQrStUvWx
                  SESSION: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U
                  ADMIN_PASSWORD: "Tr0ub4dor3-Horse!"
                  DB_PASSWORD: !Ref DbPassword
        """);
    ScanResult result = Scan.run(ScanRequest.of(dir), RuleFixture.CLOCK);
    assertThat(result.findings())
        .filteredOn(f -> f.rule().id().equals("WDN-ENV-001"))
        .hasSize(SECRETS.size());
    Map<String, String> outputs = new LinkedHashMap<>();
    StringWriter table = new StringWriter();
    new ReportTable(RuleFixture.CLOCK, Style.PLAIN, false).write(result, table);
    outputs.put("table", table.toString());
    StringWriter json = new StringWriter();
    new JsonReportWriter().writeReport(result, json);
    outputs.put("json", json.toString());
    StringWriter inventory = new StringWriter();
    new JsonReportWriter().writeInventory(result.inventory(), inventory);
    outputs.put("inventory json", inventory.toString());
    StringWriter inventoryTable = new StringWriter();
    new InventoryTable().write(result.inventory(), inventoryTable);
    outputs.put("inventory table", inventoryTable.toString());
    StringWriter sarif = new StringWriter();
    new SarifWriter().write(result, sarif);
    outputs.put("sarif", sarif.toString());
    StringWriter html = new StringWriter();
    new HtmlReportWriter().write(result, html);
    outputs.put("html", html.toString());

    for (Map.Entry<String, String> output : outputs.entrySet()) {
      for (String secret : SECRETS) {
        for (String part : parts(secret)) {
          assertThat(output.getValue())
              .as("%s must not show %s", output.getKey(), part)
              .doesNotContain(part)
              .doesNotContain(part.replace("/", "\\/"));
        }
      }
    }
    assertThat(outputs.get("table")).contains("sk_l…[34 chars, sha256:");
  }

  /** Every piece of the secret longer than the four characters a mask may show. */
  private static List<String> parts(String secret) {
    int window = 6;
    return java.util.stream.IntStream.rangeClosed(0, secret.length() - window)
        .mapToObj(i -> secret.substring(i, i + window))
        .filter(part -> !part.matches("[a-z_]*") && !part.startsWith("AKIA"))
        .toList();
  }
}
