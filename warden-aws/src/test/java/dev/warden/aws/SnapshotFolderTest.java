package dev.warden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A downloaded package is streamed to disk whole or not at all, within its size limit. */
class SnapshotFolderTest {

  @TempDir Path temp;

  @Test
  void aStreamOverTheLimitLeavesNoFileAndOneWithinItIsWrittenWhole() throws Exception {
    SnapshotFolder folder = SnapshotFolder.open(temp.resolve("snap"));

    assertThatThrownBy(
            () -> folder.write("code/r/big.zip", new ByteArrayInputStream(new byte[20]), 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than");
    folder.write("code/r/small.zip", new ByteArrayInputStream(new byte[10]), 10);

    assertThat(temp.resolve("snap/code/r/small.zip")).hasSize(10);
    try (Stream<Path> files = Files.list(temp.resolve("snap/code/r"))) {
      assertThat(files).containsExactly(temp.resolve("snap/code/r/small.zip"));
    }
  }
}
