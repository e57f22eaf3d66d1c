package dev.warden.inventory.azure;

import dev.warden.inventory.App;
import dev.warden.inventory.CodeLocation;
import dev.warden.inventory.HostSettings;
import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Trigger;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads an Azure Functions project — the folder of a {@code host.json} — into an app of format
 * {@code azure-functions}: one function per {@code function.json} folder and per function declared
 * in code (Python v2, Node.js v4, C#), each with its trigger and its code. The project says nothing
 * of the function app's identity and settings; those come from its ARM template or Terraform.
 */
public final class AzureProjectLoader {

  private static final Set<String> SKIPPED =
      Set.of(
          "node_modules",
          ".venv",
          "venv",
          "bin",
          "obj",
          ".git",
          "__pycache__",
          "dist",
          ".python_packages");
  private static final long MAX_SOURCE_BYTES = 2L * 1024 * 1024;

  private final DocumentReader reader;

  public AzureProjectLoader(DocumentReader reader) {
    this.reader = reader;
  }

  /** True for a {@code host.json} of the Functions runtime 2.x or later. */
  public static boolean isHostJson(Path file, Value document) {
    return file.getFileName().toString().equalsIgnoreCase("host.json")
        && document instanceof Value.Obj obj
        && obj.get("version").flatMap(Value::asString).map(v -> v.startsWith("2")).orElse(false);
  }

  public App load(ScanRoot root, Path hostJson, List<InputProblem> problems) throws IOException {
    Path folder = hostJson.toAbsolutePath().getParent();
    String display = root.display(hostJson);
    String project = root.display(folder);
    List<ServerlessFunction> functions = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        folder,
        Set.of(),
        5,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(folder) && SKIPPED.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && attrs.size() <= MAX_SOURCE_BYTES) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    for (Path file : files) {
      String name = file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      String shown = root.display(file);
      if (lower.equals("function.json")) {
        Document document;
        try {
          document = reader.read(file, shown);
        } catch (InputError e) {
          problems.add(e.toProblem()); // the other functions of the project still load
          continue;
        }
        problems.addAll(document.problems());
        String function = file.getParent().getFileName().toString();
        List<Trigger> triggers = new ArrayList<>();
        for (AzureBindings.Binding binding : FunctionJson.triggers(document.root())) {
          triggers.add(AzureBindings.trigger(function, binding, true));
        }
        if (triggers.isEmpty()) {
          problems.add(
              new InputProblem(
                  document.root().at(),
                  "function.json of " + function + " has no trigger binding",
                  "Every function needs exactly one binding whose type ends in Trigger."));
        }
        Optional<String> script =
            document.root().asObj().flatMap(o -> o.get("scriptFile")).flatMap(Value::asString);
        functions.add(
            function(
                project,
                function,
                language(script.orElse(""), folder),
                root.display(file.getParent()),
                triggers,
                document.root().at()));
        continue;
      }
      List<CodeTriggers.Declared> declared = declaredIn(file, lower, shown);
      for (CodeTriggers.Declared d : declared) {
        functions.add(
            function(
                project,
                d.name(),
                language(lower, folder),
                shown,
                List.of(AzureBindings.trigger(d.name(), d.binding(), true)),
                d.binding().at()));
      }
    }
    return new App(
        display,
        "azure-functions",
        Optional.of("Azure Functions project"),
        functions,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        SourceLocation.ofFile(display));
  }

  private static List<CodeTriggers.Declared> declaredIn(Path file, String lower, String shown)
      throws IOException {
    boolean python = lower.endsWith(".py");
    boolean node =
        lower.endsWith(".js")
            || lower.endsWith(".ts")
            || lower.endsWith(".mjs")
            || lower.endsWith(".cjs");
    boolean csharp = lower.endsWith(".cs");
    if (!python && !node && !csharp) {
      return List.of();
    }
    String source = Files.readString(file, StandardCharsets.UTF_8);
    if (python && (source.contains("FunctionApp(") || source.contains("Blueprint("))) {
      return CodeTriggers.python(source, shown);
    }
    if (node && source.contains("@azure/functions")) {
      return CodeTriggers.node(source, shown);
    }
    if (csharp && (source.contains("[Function(") || source.contains("[FunctionName("))) {
      return CodeTriggers.csharp(source, shown);
    }
    return List.of();
  }

  private static String language(String file, Path folder) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".py")) {
      return "python";
    }
    if (lower.endsWith(".cs") || lower.endsWith(".dll")) {
      return "dotnet";
    }
    if (lower.endsWith(".js")
        || lower.endsWith(".ts")
        || lower.endsWith(".mjs")
        || lower.endsWith(".cjs")) {
      return "node";
    }
    if (Files.exists(folder.resolve("requirements.txt"))) {
      return "python";
    }
    return Files.exists(folder.resolve("package.json")) ? "node" : "unknown";
  }

  private static ServerlessFunction function(
      String project,
      String name,
      String runtime,
      String code,
      List<Trigger> triggers,
      SourceLocation at) {
    return new AzureFunctionApp(
            project + "#" + name,
            name,
            SymbolicText.of(name),
            Optional.of(runtime),
            new CodeLocation.LocalPath(code, at),
            List.of(),
            Optional.empty(),
            HostSettings.NONE,
            triggers,
            Map.of(),
            at)
        .toFunction();
  }
}
