package dev.warden.inventory.serverless;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ScanRoot;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the variables of a {@code serverless.yml}: {@code ${self:path}}, {@code ${opt:stage}}
 * and {@code ${opt:region}} (from the command line), {@code ${sls:stage}}, {@code
 * ${file(path):key}} (YAML or JSON files inside the scan root; a JavaScript file is never run),
 * nested ({@code ${self:custom.${sls:stage}.memory}}) and with fallbacks ({@code ${opt:stage,
 * 'dev'}}). What is known only at deployment — {@code ssm}, {@code aws}, {@code cf}, {@code s3},
 * {@code param}, and {@code env} (the deploying machine's environment, not the scanner's) — stays
 * symbolic ({@code ${ssm:/app/key}}). A variable that cannot be resolved is a problem with its file
 * and line, and symbolic.
 */
public final class ServerlessVariables {

  /** What the command line says: the stage and region (either may be null). */
  public record Options(@Nullable String stage, @Nullable String region) {
    public static Options none() {
      return new Options(null, null);
    }
  }

  private static final Set<String> DEPLOY_TIME =
      Set.of("ssm", "aws", "cf", "s3", "param", "env", "sls:instanceId", "git", "strToBool");

  private static final int MAX_DEPTH = 40;

  private final Value root;
  private final Path file;
  private final ScanRoot scanRoot;
  private final DocumentReader reader;
  private final Options options;
  private final List<InputProblem> problems;
  private final Map<Path, Value> files = new HashMap<>();
  private final Deque<String> resolving = new ArrayDeque<>();
  private @Nullable String stage;

  public ServerlessVariables(
      Value root,
      Path file,
      ScanRoot scanRoot,
      DocumentReader reader,
      Options options,
      List<InputProblem> problems) {
    this.root = root;
    this.file = file;
    this.scanRoot = scanRoot;
    this.reader = reader;
    this.options = options;
    this.problems = problems;
  }

  /** The whole configuration with every variable resolved or symbolic. */
  public Value resolveAll() {
    return resolve(root);
  }

  /**
   * The stage: the command line's, else {@code provider.stage}, else {@code dev} — as the framework
   * decides it.
   */
  public String stage() {
    if (stage == null) {
      stage = "dev"; // while provider.stage is read, a reference back to the stage sees the default
      String chosen = options.stage();
      if (chosen == null) {
        chosen =
            lookup(List.of("provider", "stage"))
                .map(this::resolve)
                .flatMap(Value::asString)
                .orElse("dev");
      }
      stage = chosen;
    }
    return stage;
  }

  /** A value with its variables resolved (strings interpolated, mappings and lists throughout). */
  public Value resolve(Value value) {
    if (resolving.size() > MAX_DEPTH) {
      problem(value.at(), "variables nested too deep (a loop?)", "Check the variables here.");
      return new Value.Str(SymbolicText.symbol("self"), value.at());
    }
    if (value instanceof Value.Obj obj) {
      List<Value.Field> fields = new ArrayList<>(obj.fields().size());
      for (Value.Field field : obj.fields()) {
        fields.add(new Value.Field(field.key(), field.keyAt(), resolve(field.value())));
      }
      return new Value.Obj(fields, obj.at());
    }
    if (value instanceof Value.Seq seq) {
      List<Value> items = new ArrayList<>(seq.items().size());
      for (Value item : seq.items()) {
        items.add(resolve(item));
      }
      return new Value.Seq(items, seq.at());
    }
    if (value instanceof Value.Str str && str.text().isConcrete()) {
      String text = str.text().toString();
      if (text.contains("${")) {
        return interpolate(text, str.at());
      }
    }
    return value;
  }

  // ---------------------------------------------------------------- strings

  /** A string with variables: one variable alone keeps its value's type; otherwise text. */
  private Value interpolate(String text, SourceLocation at) {
    List<Object> pieces = new ArrayList<>(); // String or Value
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        pieces.add(text.substring(i));
        break;
      }
      int end = matchingBrace(text, start + 2);
      if (end < 0) {
        problem(at, "a variable that is not closed: " + text, "Close it with '}'.");
        pieces.add(text.substring(i));
        break;
      }
      if (start > i) {
        pieces.add(text.substring(i, start));
      }
      String inside = text.substring(start + 2, end);
      if (isVariable(inside)) {
        pieces.add(variable(inside, at));
      } else {
        // ${AWS::Region}, ${MyBucket.Arn}: CloudFormation's, for Fn::Sub; the framework leaves them
        pieces.add(text.substring(start, end + 1));
      }
      i = end + 1;
    }
    if (pieces.size() == 1 && pieces.get(0) instanceof Value value) {
      return value;
    }
    List<SymbolicText> texts = new ArrayList<>();
    for (Object piece : pieces) {
      if (piece instanceof String s) {
        texts.add(SymbolicText.of(s));
      } else {
        Value value = (Value) piece;
        Optional<SymbolicText> scalar = value.asText();
        if (scalar.isEmpty() && !(value instanceof Value.Nil)) {
          problem(
              at,
              "a variable inside a string is " + value.kindName() + ", not text",
              "Use the variable alone as the value, or point it at a text value.");
        }
        texts.add(scalar.orElse(SymbolicText.empty()));
      }
    }
    return new Value.Str(SymbolicText.concat(texts), at);
  }

  /**
   * True for the framework's variables — a source and one colon ({@code self:x}, {@code
   * ssm(us-east-1):/p}) or {@code file(…)} — and not for CloudFormation's {@code ${AWS::Region}} or
   * {@code ${Resource.Attribute}}, which the framework leaves for Fn::Sub.
   */
  static boolean isVariable(String inside) {
    String text = inside.trim();
    return text.startsWith("file(") || VARIABLE.matcher(text).lookingAt();
  }

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\([^)]*\\))?:(?!:)");

  private static int matchingBrace(String text, int from) {
    int depth = 1;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{' && i > 0 && text.charAt(i - 1) == '$') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- variables

  /** The value of one variable's inside ({@code self:a.b, 'fallback'}). */
  private Value variable(String inside, SourceLocation at) {
    String expression = inside;
    if (expression.contains("${")) {
      Value inner = interpolate(expression, at);
      Optional<String> known = inner.asString();
      if (known.isEmpty()) {
        return new Value.Str(inner.asText().orElse(SymbolicText.symbol(inside)), at);
      }
      expression = known.get();
    }
    List<String> choices = splitTopLevel(expression);
    int reported = problems.size();
    for (int i = 0; i < choices.size(); i++) {
      String choice = choices.get(i).trim();
      boolean last = i == choices.size() - 1;
      Optional<Value> value = choice(choice, at, last && choices.size() > 1);
      if (value.isPresent()) {
        return value.get();
      }
    }
    String primary = choices.isEmpty() ? inside : choices.get(0).trim();
    if (problems.size() > reported) {
      return new Value.Str(SymbolicText.symbol(primary), at); // already said why
    }
    problem(
        at,
        "cannot resolve ${" + inside + "}",
        "Give the value it points to, a fallback (${" + primary + ", 'value'}), or --stage.");
    return new Value.Str(SymbolicText.symbol(primary), at);
  }

  /**
   * One choice of a variable: a literal, or a reference. Empty when a reference finds nothing, so
   * the next choice is tried; references known only at deployment are symbolic, not empty.
   */
  private Optional<Value> choice(String choice, SourceLocation at, boolean isFallback) {
    if (choice.length() >= 2
        && ((choice.startsWith("'") && choice.endsWith("'"))
            || (choice.startsWith("\"") && choice.endsWith("\"")))) {
      return Optional.of(Value.Str.of(choice.substring(1, choice.length() - 1), at));
    }
    if (choice.matches("-?\\d+(\\.\\d+)?")) {
      return Optional.of(new Value.Num(choice, at));
    }
    if (choice.equals("true") || choice.equals("false")) {
      return Optional.of(new Value.Bool(Boolean.parseBoolean(choice), at));
    }
    if (choice.equals("null")) {
      return Optional.of(new Value.Nil(at));
    }
    int colon = choice.indexOf(':');
    String source = colon < 0 ? choice : choice.substring(0, colon);
    String address = colon < 0 ? "" : choice.substring(colon + 1).trim();
    if (source.startsWith("file(")) {
      return file(source, address, at);
    }
    String kind = source.contains("(") ? source.substring(0, source.indexOf('(')) : source;
    switch (kind) {
      case "self" -> {
        return self(address, at);
      }
      case "opt" -> {
        return switch (address) {
          case "stage" ->
              Optional.ofNullable(options.stage()).map(s -> (Value) Value.Str.of(s, at));
          case "region" ->
              Optional.ofNullable(options.region()).map(r -> (Value) Value.Str.of(r, at));
          default -> Optional.empty();
        };
      }
      case "sls" -> {
        if (address.equals("stage")) {
          return Optional.of(Value.Str.of(stage(), at));
        }
        return Optional.of(new Value.Str(SymbolicText.symbol("sls:" + address), at));
      }
      default -> {
        if (DEPLOY_TIME.contains(kind) || DEPLOY_TIME.contains(kind + ":" + address)) {
          return Optional.of(new Value.Str(SymbolicText.symbol(choice), at));
        }
        if (colon < 0 && isFallback) {
          return Optional.of(Value.Str.of(choice, at)); // an unquoted literal fallback
        }
        problem(
            at,
            "unknown variable source '" + kind + "' in ${" + choice + "}",
            "Use self, opt, sls, env, file, ssm, aws, cf, s3 or param; the value stays unknown.");
        return Optional.of(new Value.Str(SymbolicText.symbol(choice), at));
      }
    }
  }

  /** {@code self:a.b.0}: another part of this configuration. */
  private Optional<Value> self(String address, SourceLocation at) {
    String key = "self:" + address;
    return guarded(
        key,
        "${" + key + "} refers to itself",
        key,
        at,
        () -> lookup(dotted(address)).map(this::resolve));
  }

  private static List<String> dotted(String address) {
    return address.isEmpty() ? List.of() : List.of(address.split("\\.", -1));
  }

  /**
   * Resolves with {@code key} marked as in progress; a key met again while in progress is a loop:
   * reported, and the value stays the symbol {@code symbol}.
   */
  private Optional<Value> guarded(
      String key,
      String loop,
      String symbol,
      SourceLocation at,
      java.util.function.Supplier<Optional<Value>> resolution) {
    if (resolving.contains(key)) {
      problem(at, loop, "Break the loop.");
      return Optional.of(new Value.Str(SymbolicText.symbol(symbol), at));
    }
    resolving.push(key);
    try {
      return resolution.get();
    } finally {
      resolving.pop();
    }
  }

  /** The node at {@code path} in this configuration, following whole-value variables on the way. */
  private Optional<Value> lookup(List<String> path) {
    return lookup(root, path);
  }

  /** The node at {@code path} under {@code from}, following whole-value variables on the way. */
  private Optional<Value> lookup(Value from, List<String> path) {
    Value node = from;
    for (String step : path) {
      node = shallow(node);
      Optional<Value> next = child(node, step);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return Optional.of(node);
  }

  /** A node that is one variable alone, replaced by that variable's value. */
  private Value shallow(Value node) {
    if (node instanceof Value.Str str && str.text().isConcrete()) {
      String text = str.text().toString().trim();
      if (text.startsWith("${") && matchingBrace(text, 2) == text.length() - 1) {
        return resolve(node);
      }
    }
    return node;
  }

  private static Optional<Value> child(Value node, String step) {
    if (node instanceof Value.Obj obj) {
      return obj.get(step);
    }
    if (node instanceof Value.Seq seq && step.matches("\\d+")) {
      int index = Integer.parseInt(step);
      return index < seq.items().size() ? Optional.of(seq.items().get(index)) : Optional.empty();
    }
    return Optional.empty();
  }

  /** {@code file(path):a.b}: a YAML or JSON file inside the scan root, or a part of it. */
  private Optional<Value> file(String source, String address, SourceLocation at) {
    int close = source.lastIndexOf(')');
    String reference = source.substring("file(".length(), close < 0 ? source.length() : close);
    reference = reference.trim();
    if (reference.length() >= 2 && (reference.startsWith("'") || reference.startsWith("\""))) {
      reference = reference.substring(1, reference.length() - 1);
    }
    String lower = reference.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".js")
        || lower.endsWith(".ts")
        || lower.endsWith(".mjs")
        || lower.endsWith(".cjs")) {
      problem(
          at,
          "${file(" + reference + ")} is a script, which Warden never runs; the value is unknown",
          "Put the value in a YAML or JSON file to have it checked.");
      return Optional.of(new Value.Str(SymbolicText.symbol("file(" + reference + ")"), at));
    }
    Optional<Path> inside = scanRoot.resolveInside(file, reference);
    if (inside.isEmpty()) {
      problem(
          at,
          "${file(" + reference + ")}: no such file inside the scanned folder",
          "Check the path; files outside the scanned folder are not read.");
      return Optional.empty();
    }
    Value document;
    try {
      document =
          files.computeIfAbsent(inside.get(), p -> reader.read(p, scanRoot.display(p)).root());
    } catch (InputError e) {
      problems.add(e.toProblem());
      return Optional.empty();
    }
    Optional<Value> node = lookup(document, dotted(address));
    if (node.isEmpty()) {
      return Optional.empty();
    }
    return guarded(
        "file(" + inside.get() + "):" + address,
        "${file(" + reference + ")} includes itself",
        "file(" + reference + ")",
        at,
        () -> Optional.of(resolve(node.get())));
  }

  /** Splits {@code a, 'b, c', ${x, y}} at its top-level commas. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '{') {
        depth++;
      } else if (c == ')' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private void problem(SourceLocation at, String message, String hint) {
    InputProblem problem = new InputProblem(at, message, hint);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }
}
