package dev.warden.code.javascript;

import dev.warden.code.Injection;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
      if (tokens.get(i).kind() != JsToken.Kind.NAME || (i > 0 && tokens.get(i - 1).is("."))) {
        continue;
      }
      int end = i;
      StringBuilder name = new StringBuilder(tokens.get(i).text());
      while (end + 2 < tokens.size()
          && tokens.get(end + 1).is(".")
          && tokens.get(end + 2).kind() == JsToken.Kind.NAME) {
        name.append('.').append(tokens.get(end + 2).text());
        end += 2;
      }
      String kind = SINKS.get(name.toString());
      if (kind == null && name.toString().endsWith(".query") && name.indexOf(".") > 0) {
        kind = "sql";
      }
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
