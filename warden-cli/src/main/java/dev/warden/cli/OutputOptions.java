package dev.warden.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where a command writes its result: standard output, or a file written whole or not at all. */
final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the result to FILE instead of standard output ('-').",
      defaultValue = "-")
  String output;

  boolean isStandardOutput() {
    return output.equals("-");
  }

  /** Something that writes the result. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  /** Writes a value as indented JSON, with a final newline. */
  void writeJson(PrintStream stdout, Object value) throws IOException {
    String text =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(value);
    write(stdout, out -> out.write(text + "\n"));
  }

  void write(PrintStream stdout, Body body) throws IOException {
    if (output.equals("-")) {
      Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
      body.write(out);
      out.flush();
      return;
    }
    Path target = Path.of(output).toAbsolutePath();
    Path folder = target.getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    Path temporary = Files.createTempFile(folder, ".warden-", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        body.write(out);
      }
      keepPermissions(target, temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The result gets the permissions of the file it replaces, or rw-r--r-- when it is new (a
   * temporary file is private to its owner).
   */
  private static void keepPermissions(Path target, Path temporary) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, permissions);
  }

  /** Refuses to overwrite a file that looks like an input (a template), whatever the user typed. */
  void checkNotAnInput() throws IOException {
    if (output.equals("-")) {
      return;
    }
    Path target = Path.of(output);
    if (Files.isRegularFile(target)) {
      String head;
      try (var in = Files.newInputStream(target)) {
        head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      if (head.contains("AWSTemplateFormatVersion")
          || head.contains("AWS::Serverless-2016-10-31")) {
        throw new UsageProblem(
            "--output "
                + output
                + " is a template; Warden does not overwrite its input. Choose another file.");
      }
    }
  }
}
