package dev.warden.leastpriv.patch;

import dev.warden.inventory.Value;
import dev.warden.inventory.document.Document;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import dev.warden.inventory.serverless.ServerlessCompiler;
import dev.warden.inventory.serverless.ServerlessLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Patches a YAML template line by line: the blocks of the properties it replaces ({@code Role},
 * {@code Policies}) are found from the positions the reader records and the indentation of the
 * lines that follow them; everything else, comments included, is left byte for byte. Functions
 * whose {@code Properties} are written in flow style ({@code {...}}) are not patched, with a note.
 */
final class YamlPatch {

  /** Replace lines [from, to) (0-based) by {@code lines}. */
  private record Edit(int from, int to, List<String> lines) {}

  private final SourceFile source;
  private final List<String> lines;
  private final String newline;
  private final List<Edit> edits = new ArrayList<>();
  private final List<String> patched = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private YamlPatch(SourceFile source) {
    this.source = source;
    this.newline = source.text().contains("\r\n") ? "\r\n" : "\n";
    this.lines = new ArrayList<>(List.of(source.text().split("\r?\n", -1)));
  }

  static TemplatePatch apply(SourceFile source, List<FunctionPatch> functions) {
    YamlPatch patch = new YamlPatch(source);
    Document document = new DocumentReader(ReadLimits.DEFAULT).parse(source);
    if (document.root() instanceof Value.Obj root && ServerlessLoader.isServerless(root)) {
      patch.serverless(root, functions);
      return new TemplatePatch(patch.text(), patch.patched, patch.notes);
    }
    Optional<Value.Obj> resources =
        document.root() instanceof Value.Obj root ? root.obj("Resources") : Optional.empty();
    if (resources.isEmpty() || resources.get().fields().isEmpty()) {
      return new TemplatePatch(
          source.text(), List.of(), List.of(source.displayPath() + ": no Resources to patch"));
    }
    List<RoleToAdd> roles = new ArrayList<>();
    for (FunctionPatch function : functions) {
      patch.function(resources.get(), function, roles);
    }
    patch.addRoles(resources.get(), roles);
    return new TemplatePatch(patch.text(), patch.patched, patch.notes);
  }

  private record RoleToAdd(String id, FunctionPatch function, Optional<String> condition) {}

  /**
   * A {@code serverless.yml}: each function gets its own {@code iamRoleStatements} (replacing the
   * ones it has, and its {@code role}, which would win over them), and the per-function-roles
   * plugin that turns them into a role of its own is added to {@code plugins} when missing.
   */
  private void serverless(Value.Obj root, List<FunctionPatch> functions) {
    Optional<Value.Obj> declared = root.obj("functions");
    for (FunctionPatch function : functions) {
      Optional<Value.Field> field =
          declared.stream()
              .flatMap(d -> d.fields().stream())
              .filter(f -> ServerlessCompiler.logicalIdOf(f.key()).equals(function.logicalId()))
              .findFirst();
      if (field.isEmpty()
          || !(field.get().value() instanceof Value.Obj settings)
          || settings.fields().isEmpty()) {
        notes.add(function.logicalId() + ": not a function written in " + source.displayPath());
        continue;
      }
      if (settings.fields().get(0).keyAt().line() == field.get().keyAt().line()) {
        notes.add(
            field.get().key()
                + ": written in flow style ({...}) at "
                + source.displayPath()
                + ":"
                + field.get().keyAt().line()
                + "; not patched");
        continue;
      }
      int indent = settings.fields().get(0).keyAt().column() - 1;
      YamlLines yaml = new YamlLines(indent - (field.get().keyAt().column() - 1));
      List<String> block = yaml.roleStatements(indent, stageless(function, field.get().key()));
      Optional<Value.Field> statements = settings.field("iamRoleStatements");
      Optional<Value.Field> role = settings.field("role");
      if (statements.isPresent()) {
        replace(statements.get(), block);
        role.ifPresent(r -> replace(r, List.of()));
      } else if (role.isPresent()) {
        replace(role.get(), block);
      } else {
        int end = blockEnd(settings.fields().get(settings.fields().size() - 1));
        edits.add(new Edit(end, end, block));
      }
      role.ifPresent(
          r ->
              notes.add(
                  field.get().key()
                      + ": its role "
                      + r.value().asText().map(Object::toString).orElse("")
                      + " is replaced by a role of its own"));
      patched.add(function.logicalId());
    }
    if (!patched.isEmpty()) {
      addPlugin(root);
    }
  }

  /**
   * The patch with the deployed {@code service-stage} prefix of names in its resources written back
   * as the framework's variables, so that one file serves every stage.
   */
  @SuppressWarnings("unchecked")
  private static FunctionPatch stageless(FunctionPatch function, String key) {
    Optional<String> prefix =
        function
            .deployedName()
            .filter(n -> n.endsWith("-" + key))
            .map(n -> n.substring(0, n.length() - key.length() - 1))
            .filter(p -> p.indexOf('-') > 0);
    if (prefix.isEmpty()) {
      return function;
    }
    java.util.regex.Pattern name =
        java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_-])" + java.util.regex.Pattern.quote(prefix.get()) + "(?=[-/:*.]|$)");
    List<Object> statements = new ArrayList<>();
    for (Object statement : (List<Object>) function.policy().get("Statement")) {
      java.util.Map<String, Object> copy =
          new java.util.LinkedHashMap<>((java.util.Map<String, Object>) statement);
      Object resource = copy.get("Resource");
      if (resource instanceof String text) {
        copy.put(
            "Resource",
            name.matcher(text)
                .replaceAll(
                    java.util.regex.Matcher.quoteReplacement("${self:service}-${sls:stage}")));
      }
      statements.add(copy);
    }
    java.util.Map<String, Object> policy = new java.util.LinkedHashMap<>(function.policy());
    policy.put("Statement", statements);
    return new FunctionPatch(
        function.logicalId(),
        policy,
        function.boundary(),
        function.summary(),
        function.deployedName());
  }

  private void addPlugin(Value.Obj root) {
    String plugin = ServerlessCompiler.PER_FUNCTION_ROLES;
    Optional<Value.Field> plugins = root.field("plugins");
    if (plugins.isEmpty()) {
      edits.add(new Edit(lines.size(), lines.size(), List.of("plugins:", "  - " + plugin, "")));
      notes.add(
          "added the " + plugin + " plugin: install it (npm install --save-dev " + plugin + ")");
      return;
    }
    if (plugins.get().value() instanceof Value.Seq list) {
      if (list.items().stream().anyMatch(i -> i.asString().orElse("").equals(plugin))) {
        return;
      }
      if (!list.items().isEmpty()
          && list.items().get(0).at().line() != plugins.get().keyAt().line()) {
        int column = list.items().get(0).at().column() - 1;
        int end = blockEnd(plugins.get());
        edits.add(
            new Edit(end, end, List.of(YamlLines.pad(Math.max(0, column - 2)) + "- " + plugin)));
        notes.add(
            "added the " + plugin + " plugin: install it (npm install --save-dev " + plugin + ")");
        return;
      }
    }
    notes.add(
        "add the "
            + plugin
            + " plugin to plugins: without it the framework ignores iamRoleStatements on functions");
  }

  private void function(Value.Obj resources, FunctionPatch function, List<RoleToAdd> roles) {
    Optional<Value.Obj> resource = resources.obj(function.logicalId());
    Optional<Value.Field> propertiesField = resource.flatMap(r -> r.field("Properties"));
    if (propertiesField.isEmpty()
        || !(propertiesField.get().value() instanceof Value.Obj properties)
        || properties.fields().isEmpty()) {
      notes.add(function.logicalId() + ": no Properties block in " + source.displayPath());
      return;
    }
    String type = resource.flatMap(r -> r.text("Type")).map(Object::toString).orElse("");
    boolean serverless = type.equals("AWS::Serverless::Function");
    if (!serverless && !type.equals("AWS::Lambda::Function")) {
      notes.add(function.logicalId() + ": not a function of " + source.displayPath());
      return;
    }
    int keyLine = propertiesField.get().keyAt().line();
    if (properties.fields().get(0).keyAt().line() == keyLine) {
      notes.add(
          function.logicalId()
              + ": its Properties are written in flow style ({...}) at "
              + source.displayPath()
              + ":"
              + keyLine
              + "; not patched, paste `warden policy --function "
              + function.logicalId()
              + " --format sam` instead");
      return;
    }
    int indent = properties.fields().get(0).keyAt().column() - 1;
    YamlLines yaml = new YamlLines(indent - (propertiesField.get().keyAt().column() - 1));
    Optional<Value.Field> role = properties.field("Role");
    Optional<Value.Field> policies = properties.field("Policies");
    if (!serverless) {
      if (role.isEmpty()) {
        notes.add(function.logicalId() + ": a Lambda function without a Role; not patched");
        return;
      }
      String roleId = freeId(resources, function.logicalId() + "WardenRole", roles);
      replace(role.get(), List.of(YamlLines.pad(indent) + "Role: !GetAtt " + roleId + ".Arn"));
      roles.add(
          new RoleToAdd(
              roleId, function, resource.flatMap(r -> r.text("Condition")).map(Object::toString)));
      patched.add(function.logicalId());
      return;
    }
    List<String> block = new ArrayList<>(yaml.policies(indent, function));
    if (function.boundary().isPresent() && !properties.has("PermissionsBoundary")) {
      block.add(
          YamlLines.pad(indent)
              + "PermissionsBoundary: "
              + YamlLines.scalar(function.boundary().get().toString()));
    }
    if (policies.isPresent()) {
      replace(policies.get(), block);
      role.ifPresent(r -> replace(r, List.of()));
    } else if (role.isPresent()) {
      replace(role.get(), block);
    } else {
      int end = blockEnd(properties.fields().get(properties.fields().size() - 1));
      edits.add(new Edit(end, end, block));
    }
    patched.add(function.logicalId());
  }

  /** New roles go after the last resource, in the order of the functions. */
  private void addRoles(Value.Obj resources, List<RoleToAdd> roles) {
    if (roles.isEmpty()) {
      return;
    }
    Value.Field first = resources.fields().get(0);
    int indent = first.keyAt().column() - 1;
    int step = Math.max(2, indent);
    YamlLines yaml = new YamlLines(step);
    int end = blockEnd(resources.fields().get(resources.fields().size() - 1));
    List<String> block = new ArrayList<>();
    for (RoleToAdd role : roles) {
      block.addAll(yaml.role(indent, role.id(), role.function(), role.condition()));
    }
    edits.add(new Edit(end, end, block));
  }

  private static String freeId(Value.Obj resources, String wanted, List<RoleToAdd> taken) {
    String id = wanted;
    for (int i = 2; resources.has(id) || isTaken(id, taken); i++) {
      id = wanted + i;
    }
    return id;
  }

  private static boolean isTaken(String id, List<RoleToAdd> taken) {
    return taken.stream().anyMatch(r -> r.id().equals(id));
  }

  private void replace(Value.Field field, List<String> with) {
    int from = field.keyAt().line() - 1;
    edits.add(new Edit(from, blockEnd(field), with));
  }

  /**
   * The line after the last line of a field's block (0-based, exclusive): the block goes on while
   * lines are indented deeper than its key, or as deep when they are items of a sequence the key
   * holds ({@code - ...}); a comment at the key's depth or less, like trailing blank lines, belongs
   * to what follows.
   */
  private int blockEnd(Value.Field field) {
    int keyIndent = field.keyAt().column() - 1;
    int end = field.keyAt().line();
    for (int i = field.keyAt().line(); i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      boolean item = stripped.equals("-") || stripped.startsWith("- ");
      if (stripped.equals("---") || stripped.equals("...")) {
        break;
      }
      if (stripped.startsWith("#")) {
        if (indent <= keyIndent) {
          break;
        }
        continue;
      }
      if (indent < keyIndent || (indent == keyIndent && !item)) {
        break;
      }
      end = i + 1;
    }
    return end;
  }

  private String text() {
    List<Edit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt(Edit::from).thenComparingInt(Edit::to).reversed());
    for (Edit edit : ordered) {
      List<String> range = lines.subList(edit.from(), edit.to());
      range.clear();
      range.addAll(edit.lines());
    }
    return String.join(newline, lines);
  }
}
