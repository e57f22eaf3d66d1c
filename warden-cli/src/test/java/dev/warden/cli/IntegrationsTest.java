package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The GitHub Action and the pre-commit hook call the command line with options it takes. */
class IntegrationsTest {

  private static Object yaml(String file) throws IOException {
    return new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(Repo.path(file)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theActionRunsTheLauncherWithTheInputsItDeclares() throws IOException {
    Map<String, Object> action = (Map<String, Object>) yaml("action.yml");
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs).containsKeys("path", "fail-on", "sarif-file", "upload-sarif", "baseline");
    String text = Files.readString(Repo.path("action.yml"));
    for (String input : inputs.keySet()) {
      assertThat(text).as("input %s is used", input).contains("inputs." + input);
    }
    assertThat(text)
        .contains("$GITHUB_ACTION_PATH/warden\" scan")
        .contains("--format sarif")
        .contains("upload-sarif@");
    assertThat(text).as("inputs never spliced into the script").doesNotContain("run: ${{");
  }

  @Test
  void theActionsOptionsAreOptionsOfScan() throws IOException {
    Path template = Repo.path("examples/acme-shop");
    Path sarif = Files.createTempFile("warden", ".sarif");
    Cli cli =
        Cli.run(
            "scan",
            "--format",
            "sarif",
            "--output",
            sarif.toString(),
            "--fail-on",
            "high",
            "--",
            template.toString());
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(Files.size(sarif)).isPositive();
    Files.delete(sarif);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePreCommitHookRunsAQuietScanThatFailsOnHigh() throws IOException {
    List<Map<String, Object>> hooks = (List<Map<String, Object>>) yaml(".pre-commit-hooks.yaml");
    Map<String, Object> hook = hooks.get(0);
    assertThat(hook.get("id")).isEqualTo("warden-scan");
    assertThat(Files.isExecutable(Repo.path((String) hook.get("entry")))).isTrue();
    List<String> args = (List<String>) hook.get("args");
    Cli cli = Cli.run(args.subList(0, args.size() - 1).toArray(String[]::new));
    assertThat(cli.exitCode()).as("the hook's options parse (no path: usage error)").isEqualTo(2);
    assertThat(cli.err()).doesNotContain("Unknown option");
  }
}
