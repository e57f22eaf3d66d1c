package dev.warden.code.python;

import dev.warden.code.Injection;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Follows event data through one Python module, without control flow: the parameter named {@code
 * event} (and the first parameter of {@code handler} / {@code lambda_handler}) is tainted; a name
 * assigned, looped over or passed as an argument from a tainted expression becomes tainted (also
 * across the module's own functions); a tainted argument of a command, code or deserialisation sink
 * is reported with the chain of names it went through. Writing the whole event to the logs is
 * reported as {@code log}.
 */
public final class PythonInjections {

  private record Sink(String kind, String name) {}

  /** Call names (as written, dotted) and what they are. */
  private static final Map<String, String> SINKS =
      Map.ofEntries(
          Map.entry("os.system", "command"),
          Map.entry("os.popen", "command"),
          Map.entry("eval", "code"),
          Map.entry("exec", "code"),
          Map.entry("pickle.loads", "deserialisation"),
          Map.entry("marshal.loads", "deserialisation"),
          Map.entry("yaml.unsafe_load", "deserialisation"),
          Map.entry("yaml.full_load", "deserialisation"),
          Map.entry("open", "path"),
          Map.entry("os.remove", "path"),
          Map.entry("shutil.rmtree", "path"),
          Map.entry("requests.get", "ssrf"),
          Map.entry("requests.post", "ssrf"),
          Map.entry("requests.put", "ssrf"),
          Map.entry("httpx.get", "ssrf"),
          Map.entry("urlopen", "ssrf"),
          Map.entry("urllib.request.urlopen", "ssrf"));

  private static final Set<String> SUBPROCESS =
      Set.of(
          "subprocess.run",
          "subprocess.call",
          "subprocess.Popen",
          "subprocess.check_output",
          "subprocess.check_call");

  private static final Set<String> LOGGERS =
      Set.of(
          "print",
          "logger.info",
          "logger.debug",
          "logger.warning",
          "logging.info",
          "logging.debug",
          "logging.warning",
          "log.info");

  /**
   * pymongo's query and update methods: a dict from the event can carry operators ($ne, $where).
   */
  private static final Set<String> MONGO =
      Set.of(
          "find_one",
          "find_one_and_update",
          "find_one_and_delete",
          "find_one_and_replace",
          "delete_one",
          "delete_many",
          "update_one",
          "update_many",
          "replace_one",
          "count_documents",
          "aggregate");

  /** lxml's parsers, which resolve external entities only with a parser told to. */
  private static final Set<String> LXML_PARSE =
      Set.of(
          "etree.fromstring",
          "etree.XML",
          "etree.parse",
          "lxml.etree.fromstring",
          "lxml.etree.XML",
          "lxml.etree.parse");

  private static final Pattern ENTITY_PARSER =
      Pattern.compile(
          "XMLParser\\([^)]*(?:resolve_entities\\s*=\\s*True|no_network\\s*=\\s*False)");

  private final String file;
  private final List<List<Token>> statements = new ArrayList<>();

  /** The module builds an lxml parser that resolves external entities. */
  private boolean entityParser;

  /** Tainted names and the name they were tainted from ("" for a source). */
  private final Map<String, String> tainted = new LinkedHashMap<>();

  /** The module's functions and their parameter names. */
  private final Map<String, List<String>> functions = new HashMap<>();

  private PythonInjections(String file, List<Token> tokens) {
    this.file = file;
    List<Token> current = new ArrayList<>();
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.NEWLINE) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
  }

  /** The injections of a module. */
  public static List<Injection> find(String file, String source) {
    PythonInjections finder = new PythonInjections(file, PythonTokenizer.tokenize(source));
    finder.entityParser = ENTITY_PARSER.matcher(source).find();
    finder.functions();
    finder.propagate();
    return finder.sinks();
  }

  private void functions() {
    for (List<Token> statement : statements) {
      int def = indexOf(statement, "def");
      if (def < 0 || def + 2 >= statement.size() || !statement.get(def + 2).is("(")) {
        continue;
      }
      String name = statement.get(def + 1).text();
      List<String> params = new ArrayList<>();
      int depth = 0;
      boolean expectName = true;
      for (int i = def + 2; i < statement.size(); i++) {
        Token t = statement.get(i);
        if (t.is("(") || t.is("[") || t.is("{")) {
          depth++;
          continue;
        }
        if (t.is(")") || t.is("]") || t.is("}")) {
          depth--;
          if (depth == 0) {
            break;
          }
          continue;
        }
        if (depth == 1 && t.is(",")) {
          expectName = true;
        } else if (depth == 1 && expectName && t.kind() == Token.Kind.NAME) {
          params.add(t.text());
          expectName = false;
        }
      }
      functions.put(name, params);
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).equals("event")
            || (i == 0 && (name.equals("handler") || name.equals("lambda_handler")))) {
          tainted.putIfAbsent(params.get(i), "");
        }
      }
    }
  }

  private void propagate() {
    for (int round = 0; round < 10; round++) {
      int before = tainted.size();
      for (List<Token> statement : statements) {
        assignment(statement);
        loop(statement);
        calls(statement);
      }
      if (tainted.size() == before) {
        return;
      }
    }
  }

  /** {@code name = expr}, {@code name: T = expr}, {@code name += expr}. */
  private void assignment(List<Token> statement) {
    if (statement.size() < 3 || statement.get(0).kind() != Token.Kind.NAME) {
      return;
    }
    int equals = -1;
    for (int i = 1; i < statement.size(); i++) {
      Token t = statement.get(i);
      if (t.is("=")
          && !(i + 1 < statement.size() && statement.get(i + 1).is("="))
          && !statement.get(i - 1).is("=")
          && !statement.get(i - 1).is("!")
          && !statement.get(i - 1).is("<")
          && !statement.get(i - 1).is(">")) {
        equals = i;
        break;
      }
      if (t.is("(") || t.is("[")) {
        return; // a call or subscript first: not a plain assignment
      }
    }
    if (equals < 0) {
      return;
    }
    String from = taintedIn(statement, equals + 1, statement.size());
    if (from != null) {
      for (int i = 0; i < equals; i++) {
        Token target = statement.get(i);
        if (target.kind() == Token.Kind.NAME
            && (i == 0 || statement.get(i - 1).is(","))
            && !tainted.containsKey(target.text())) {
          tainted.put(target.text(), from);
        }
      }
    }
  }

  /** {@code for name in expr:} and {@code with expr as name:}. */
  private void loop(List<Token> statement) {
    int forAt = indexOf(statement, "for");
    int in = indexOf(statement, "in");
    if (forAt >= 0 && in > forAt) {
      String from = taintedIn(statement, in + 1, statement.size());
      if (from != null) {
        for (int i = forAt + 1; i < in; i++) {
          Token t = statement.get(i);
          if (t.kind() == Token.Kind.NAME) {
            tainted.putIfAbsent(t.text(), from);
          }
        }
      }
    }
  }

  /** {@code f(tainted)} for a function of the module taints its parameter. */
  private void calls(List<Token> statement) {
    for (int i = 0; i + 1 < statement.size(); i++) {
      Token name = statement.get(i);
      if (name.kind() != Token.Kind.NAME
          || !statement.get(i + 1).is("(")
          || !functions.containsKey(name.text())
          || (i > 0 && statement.get(i - 1).text().equals("def"))) {
        continue;
      }
      List<int[]> args = arguments(statement, i + 1);
      List<String> params = functions.get(name.text());
      for (int a = 0; a < args.size() && a < params.size(); a++) {
        String from = taintedIn(statement, args.get(a)[0], args.get(a)[1]);
        if (from != null) {
          tainted.putIfAbsent(params.get(a), from);
        }
      }
    }
  }

  private List<Injection> sinks() {
    List<Injection> found = new ArrayList<>();
    for (List<Token> statement : statements) {
      for (int i = 0; i + 1 < statement.size(); i++) {
        boolean chained = i > 1 && statement.get(i - 1).is(".") && statement.get(i - 2).is(")");
        if (statement.get(i).kind() != Token.Kind.NAME
            || (i > 0 && statement.get(i - 1).is(".") && !chained)) {
          continue;
        }
        int end = i;
        StringBuilder name =
            new StringBuilder(chained ? "(…)." : "").append(statement.get(i).text());
        while (end + 2 < statement.size()
            && statement.get(end + 1).is(".")
            && statement.get(end + 2).kind() == Token.Kind.NAME) {
          name.append('.').append(statement.get(end + 2).text());
          end += 2;
        }
        if (end + 1 >= statement.size() || !statement.get(end + 1).is("(")) {
          continue;
        }
        Sink sink = sink(name.toString(), statement, end + 1);
        if (sink == null) {
          continue;
        }
        List<int[]> args = arguments(statement, end + 1);
        if (args.isEmpty()) {
          continue;
        }
        int[] first = args.get(0);
        if (sink.kind().equals("log")) {
          if (wholeEvent(statement, first[0], first[1])) {
            found.add(injection(sink, statement.get(i), "event"));
          }
          continue;
        }
        String from = taintedIn(statement, first[0], first[1]);
        if (from != null) {
          found.add(injection(sink, statement.get(i), from));
        }
      }
    }
    return found;
  }

  private Sink sink(String name, List<Token> statement, int open) {
    if (SINKS.containsKey(name)) {
      return new Sink(SINKS.get(name), name);
    }
    if (name.equals("yaml.load")) {
      int close = close(statement, open);
      for (int k = open; k < close; k++) {
        if (statement.get(k).text().contains("SafeLoader")
            || statement.get(k).text().equals("CSafeLoader")) {
          return null;
        }
      }
      return new Sink("deserialisation", name);
    }
    if (SUBPROCESS.contains(name)) {
      int close = close(statement, open);
      for (int k = open; k + 2 < close; k++) {
        if (statement.get(k).text().equals("shell")
            && statement.get(k + 1).is("=")
            && statement.get(k + 2).text().equals("True")) {
          return new Sink("command", name);
        }
      }
      return null;
    }
    if (name.endsWith(".execute")
        || name.endsWith(".executemany")
        || name.endsWith(".execute_statement")) {
      return new Sink("sql", name);
    }
    String method = name.substring(name.lastIndexOf('.') + 1);
    String receiver = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
    if (!receiver.isEmpty()
        && (MONGO.contains(method)
            || (method.equals("find")
                && (receiver.contains(".")
                    || receiver.toLowerCase(java.util.Locale.ROOT).contains("collection"))))) {
      return new Sink("nosql", name);
    }
    if (entityParser && LXML_PARSE.contains(name)) {
      return new Sink("xxe", name);
    }
    if (LOGGERS.contains(name)) {
      return new Sink("log", name);
    }
    return null;
  }

  /** {@code event} or {@code json.dumps(event)}: the whole event as the argument. */
  private boolean wholeEvent(List<Token> statement, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int k = from; k < to; k++) {
      texts.add(statement.get(k).text());
    }
    String joined = String.join("", texts);
    for (Map.Entry<String, String> name : tainted.entrySet()) {
      if (name.getValue().isEmpty()
          && (joined.equals(name.getKey()) || joined.equals("json.dumps(" + name.getKey() + ")"))) {
        return true;
      }
    }
    return false;
  }

  private Injection injection(Sink sink, Token at, String from) {
    return Injection.traced(
        sink.kind(), sink.name(), new SourceLocation(file, at.line(), at.column()), tainted, from);
  }

  /** The first tainted name used in the range (names, and names inside f-string braces). */
  /**
   * A tainted name an f-string interpolates: {@code {name}}, {@code {name.x}}, {@code {name[0]}}.
   */
  private @Nullable String taintedInBraces(String text) {
    for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
      int end = open + 1;
      while (end < text.length()
          && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
        end++;
      }
      if (end > open + 1 && end < text.length() && "}.[".indexOf(text.charAt(end)) >= 0) {
        String name = text.substring(open + 1, end);
        if (tainted.containsKey(name)) {
          return name;
        }
      }
    }
    return null;
  }

  private String taintedIn(List<Token> statement, int from, int to) {
    for (int k = from; k < to && k < statement.size(); k++) {
      Token t = statement.get(k);
      if (t.kind() == Token.Kind.NAME
          && tainted.containsKey(t.text())
          && !(k > 0 && statement.get(k - 1).is("."))
          && !(k + 1 < statement.size() && statement.get(k + 1).is("="))) {
        return t.text();
      }
      if (t.kind() == Token.Kind.STRING) {
        String inBraces = taintedInBraces(t.text());
        if (inBraces != null) {
          return inBraces;
        }
      }
    }
    return null;
  }

  private static List<int[]> arguments(List<Token> statement, int open) {
    List<int[]> args = new ArrayList<>();
    int close = close(statement, open);
    int start = open + 1;
    int depth = 0;
    for (int k = open + 1; k <= close; k++) {
      Token t = k < statement.size() ? statement.get(k) : null;
      if (t != null && (t.is("(") || t.is("[") || t.is("{"))) {
        depth++;
      } else if (t != null && (t.is(")") || t.is("]") || t.is("}")) && k != close) {
        depth--;
      }
      if (k == close || (depth == 0 && t != null && t.is(","))) {
        if (start < k) {
          args.add(new int[] {start, k});
        }
        start = k + 1;
      }
    }
    return args;
  }

  private static int close(List<Token> statement, int open) {
    int depth = 0;
    for (int k = open; k < statement.size(); k++) {
      Token t = statement.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return statement.size();
  }

  private static int indexOf(List<Token> statement, String keyword) {
    for (int i = 0; i < statement.size(); i++) {
      if (statement.get(i).kind() == Token.Kind.NAME && statement.get(i).text().equals(keyword)) {
        return i;
      }
    }
    return -1;
  }
}
