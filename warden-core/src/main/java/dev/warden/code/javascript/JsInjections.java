package dev.warden.code.javascript;

import dev.warden.code.Injection;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Follows event data through one JavaScript/TypeScript module, without control flow: a parameter
 * named {@code event} is tainted; a name declared or assigned from a tainted expression (template
 * literals included) becomes tainted; a tainted argument of {@code exec}/{@code execSync}/{@code
 * spawn} with a shell, {@code eval}, {@code new Function}, {@code vm.run*} or an unserialiser is
 * reported with the chain of names. Logging the whole event is reported as {@code log}.
 */
public final class JsInjections {

  private static final Map<String, String> SINKS =
      Map.ofEntries(
          Map.entry("execSync", "command"),
          Map.entry("exec", "command"),
          Map.entry("child_process.exec", "command"),
          Map.entry("child_process.execSync", "command"),
          Map.entry("eval", "code"),
          Map.entry("Function", "code"),
          Map.entry("vm.runInNewContext", "code"),
          Map.entry("vm.runInThisContext", "code"),
          Map.entry("serialize.unserialize", "deserialisation"),
          Map.entry("unserialize", "deserialisation"),
          Map.entry("fs.readFile", "path"),
          Map.entry("fs.readFileSync", "path"),
          Map.entry("fs.createReadStream", "path"),
          Map.entry("fs.writeFileSync", "path"),
          Map.entry("readFileSync", "path"),
          Map.entry("fetch", "ssrf"),
          Map.entry("axios.get", "ssrf"),
          Map.entry("axios.post", "ssrf"),
          Map.entry("http.get", "ssrf"),
          Map.entry("https.get", "ssrf"),
          Map.entry("ExecuteStatementCommand", "sql"),
          Map.entry("console.log", "log"),
          Map.entry("console.info", "log"));

  private static final Pattern TEMPLATE_NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)");

  private final String file;
  private final List<JsToken> tokens;
  private final Map<String, String> tainted = new LinkedHashMap<>();

  private JsInjections(String file, List<JsToken> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  public static List<Injection> find(String file, String source) {
    JsInjections finder = new JsInjections(file, JsTokenizer.tokenize(source));
    for (JsToken token : finder.tokens) {
      if (token.kind() == JsToken.Kind.NAME && token.text().equals("event")) {
        finder.tainted.put("event", "");
        break;
      }
    }
    if (finder.tainted.isEmpty()) {
      return List.of();
    }
    for (int round = 0; round < 10; round++) {
      int before = finder.tainted.size();
      finder.assignments();
      if (finder.tainted.size() == before) {
        break;
      }
    }
    return finder.sinks();
  }

  /**
   * {@code const x = expr}, {@code x = expr}: the expression runs to a ';' or a line break at depth
   * 0.
   */
  private void assignments() {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      JsToken name = tokens.get(i);
      if (name.kind() != JsToken.Kind.NAME
          || !tokens.get(i + 1).is("=")
          || tokens.get(i + 2).is("=")
          || tokens.get(i + 2).is(">")) {
        continue;
      }
      int end = expressionEnd(i + 2);
      String from = taintedIn(i + 2, end);
      if (from != null) {
        tainted.putIfAbsent(name.text(), from);
      }
    }
  }

  private int expressionEnd(int start) {
    int depth = 0;
    int line = tokens.get(start).line();
    for (int k = start; k < tokens.size(); k++) {
      JsToken t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (depth == 0) {
          return k;
        }
        depth--;
      } else if (depth == 0 && (t.is(";") || t.is(",") || t.line() > line)) {
        return k;
      }
    }
    return tokens.size();
  }

  private List<Injection> sinks() {
    List<Injection> found = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      boolean chained = i > 1 && tokens.get(i - 1).is(".") && tokens.get(i - 2).is(")");
      if (tokens.get(i).kind() != JsToken.Kind.NAME
          || (i > 0 && tokens.get(i - 1).is(".") && !chained)) {
        continue;
      }
      int end = i;
      StringBuilder name = new StringBuilder(chained ? "(…)." : "").append(tokens.get(i).text());
      while (end + 2 < tokens.size()
          && tokens.get(end + 1).is(".")
          && tokens.get(end + 2).kind() == JsToken.Kind.NAME) {
        name.append('.').append(tokens.get(end + 2).text());
        end += 2;
      }
      String kind = kind(name.toString(), end);
      if (kind == null || end + 1 >= tokens.size() || !tokens.get(end + 1).is("(")) {
        continue;
      }
      int close = close(end + 1);
      int argumentEnd = firstArgumentEnd(end + 2, close);
      if (kind.equals("log")) {
        if (wholeEvent(end + 2, argumentEnd)) {
          found.add(injection(kind, name.toString(), tokens.get(i), "event"));
        }
        continue;
      }
      String from = taintedIn(end + 2, argumentEnd);
      if (from != null) {
        found.add(injection(kind, name.toString(), tokens.get(i), from));
      }
    }
    return found;
  }

  /**
   * What a called name is: a listed sink; {@code db.query} (SQL); a MongoDB query or update method
   * of a collection or a model ({@code users.findOne}, {@code User.find}, {@code
   * db.collection('u').find}, written {@code (…).find}), where an object from the event can carry
   * operators; libxmljs parsing with {@code noent: true} (external entities).
   */
  private @Nullable String kind(String name, int end) {
    String listed = SINKS.get(name);
    if (listed != null) {
      return listed;
    }
    if (SPAWN.contains(name) && hasOption(end, "shell", "true")) {
      return "command"; // spawn with a shell runs its command line like exec
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String method = name.substring(dot + 1);
    String receiver = name.substring(0, dot);
    if (method.equals("query") || method.equals("executeStatement")) {
      return "sql";
    }
    String last = receiver.substring(receiver.lastIndexOf('.') + 1);
    boolean collection =
        receiver.equals("(…)")
            || last.toLowerCase(java.util.Locale.ROOT).contains("collection")
            || (!last.isEmpty() && Character.isUpperCase(last.charAt(0)));
    if (collection && (MONGO.contains(method) || method.equals("find"))) {
      return "nosql";
    }
    if ((method.equals("parseXml") || method.equals("parseXmlString"))
        && receiver.endsWith("libxmljs")
        && hasOption(end, "noent", "true")) {
      return "xxe";
    }
    return null;
  }

  private static final java.util.Set<String> SPAWN =
      java.util.Set.of(
          "spawn", "spawnSync", "child_process.spawn", "child_process.spawnSync", "execa");

  /** {@code name: value} among the arguments of the call whose name ends at {@code end}. */
  private boolean hasOption(int end, String name, String value) {
    if (end + 1 >= tokens.size() || !tokens.get(end + 1).is("(")) {
      return false;
    }
    int close = close(end + 1);
    for (int k = end + 2; k + 2 < close; k++) {
      if (tokens.get(k).text().equals(name)
          && tokens.get(k + 1).is(":")
          && tokens.get(k + 2).text().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> MONGO =
      java.util.Set.of(
          "findOne",
          "findOneAndUpdate",
          "findOneAndDelete",
          "findOneAndReplace",
          "deleteOne",
          "deleteMany",
          "updateOne",
          "updateMany",
          "replaceOne",
          "countDocuments",
          "aggregate",
          "where");

  private boolean wholeEvent(int from, int to) {
    StringBuilder joined = new StringBuilder();
    for (int k = from; k < to; k++) {
      joined.append(tokens.get(k).text());
    }
    String text = joined.toString();
    return text.equals("event") || text.equals("JSON.stringify(event)");
  }

  private String taintedIn(int from, int to) {
    for (int k = from; k < to && k < tokens.size(); k++) {
      JsToken t = tokens.get(k);
      if (t.kind() == JsToken.Kind.NAME
          && tainted.containsKey(t.text())
          && !(k > 0 && tokens.get(k - 1).is("."))) {
        return t.text();
      }
      if (t.kind() == JsToken.Kind.TEMPLATE) {
        Matcher names = TEMPLATE_NAME.matcher(t.text());
        while (names.find()) {
          if (tainted.containsKey(names.group(1))) {
            return names.group(1);
          }
        }
      }
    }
    return null;
  }

  private int firstArgumentEnd(int from, int close) {
    int depth = 0;
    for (int k = from; k < close; k++) {
      JsToken t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 0 && t.is(",")) {
        return k;
      }
    }
    return close;
  }

  private int close(int open) {
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      JsToken t = tokens.get(k);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return tokens.size();
  }

  private Injection injection(String kind, String sink, JsToken at, String from) {
    return Injection.traced(
        kind, sink, new SourceLocation(file, at.line(), at.column()), tainted, from);
  }
}
