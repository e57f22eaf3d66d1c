package dev.warden.leastpriv.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.inventory.ServerlessFunction;
import dev.warden.leastpriv.GeneratedPolicy;
import dev.warden.leastpriv.LeastPrivilege;
import dev.warden.testing.Loaded;
import dev.warden.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise for the demo app: its template, patched with every function's generated
 * policy, still loads, and then no function has a permission it does not use or lacks one it needs.
 */
class PatchedDemoTest {

  @Test
  void thePatchedDemoLoadsWithNothingUnusedAndNothingMissing(@TempDir Path dir) throws IOException {
    Repo.copy("examples/acme-shop", dir);
    Loaded before = Loaded.folder(dir);
    LeastPrivilege leastPrivilege = new LeastPrivilege();
    List<FunctionPatch> patches = new ArrayList<>();
    for (ServerlessFunction fn : before.app().functions()) {
      GeneratedPolicy policy = leastPrivilege.of(dir, fn, before.app());
      assertThat(policy.complete()).as(fn.logicalId() + " " + policy.notes()).isTrue();
      patches.add(
          new FunctionPatch(
              fn.logicalId(), policy.document(), fn.role().permissionsBoundary(), "test"));
    }
    Path template = dir.resolve("template.yaml");
    TemplatePatch patch =
        TemplatePatch.of(
            "template.yaml", Files.readString(template, StandardCharsets.UTF_8), patches);
    assertThat(patch.notes()).isEmpty();
    Files.writeString(template, patch.text(), StandardCharsets.UTF_8);

    Loaded after = Loaded.folder(dir);
    assertThat(after.inventory().problems()).isEmpty();
    assertThat(after.app().functions()).hasSameSizeAs(before.app().functions());
    for (ServerlessFunction fn : after.app().functions()) {
      GeneratedPolicy policy = leastPrivilege.of(dir, fn, after.app());
      assertThat(policy.unused()).as(fn.logicalId() + " unused").isEmpty();
      assertThat(policy.missing()).as(fn.logicalId() + " missing").isEmpty();
      assertThat(policy.complete()).isTrue();
    }
  }
}
