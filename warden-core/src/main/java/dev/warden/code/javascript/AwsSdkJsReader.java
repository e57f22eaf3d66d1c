package dev.warden.code.javascript;

import dev.warden.code.ArgValue;
import dev.warden.code.Assignments;
import dev.warden.code.CodeCall;
import dev.warden.code.SdkCall;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AWS SDK calls of one JavaScript or TypeScript module: aws-sdk v2 clients ({@code new
 * AWS.S3()}, {@code new (require("aws-sdk/clients/s3"))()}, {@code new
 * AWS.DynamoDB.DocumentClient()}) and their method calls; aws-sdk v3 commands ({@code new
 * GetObjectCommand({...})} of an {@code @aws-sdk/client-*} or {@code @aws-sdk/lib-dynamodb} import)
 * and {@code @aws-sdk/lib-storage} uploads. Arguments are read from the object literal passed:
 * literals, {@code process.env.X}, template literals.
 */
public final class AwsSdkJsReader {

  private sealed interface Val {}

  /**
   * A module or a path inside one: {@code aws-sdk}, {@code aws-sdk.DynamoDB}, {@code process.env}.
   */
  private record Module(String path) implements Val {}

  /** A named export of a package: {@code S3Client} of {@code @aws-sdk/client-s3}. */
  private record Export(String pkg, String name) implements Val {}

  private record ClientV2(String service) implements Val {}

  private record Arg(ArgValue value) implements Val {}

  private record Opaque() implements Val {}

  private static final Val OPAQUE = new Opaque();

  private static final Pattern ENV_IN_TEMPLATE =
      Pattern.compile("^process\\.env\\.([A-Za-z_][A-Za-z0-9_]*)$");

  private final String file;
  private final List<JsToken> tokens;
  private final Map<String, Val> names = new HashMap<>();
  private final List<CodeCall> calls = new ArrayList<>();

  private final Assignments assignments;

  private AwsSdkJsReader(String file, List<JsToken> tokens, Assignments assignments) {
    this.file = file;
    this.tokens = tokens;
    this.assignments = assignments;
    names.put("process", new Module("process"));
  }

  /** The SDK calls of a module, in source order. */
  public static List<CodeCall> read(String file, String source) {
    List<JsToken> tokens = JsTokenizer.tokenize(source);
    AwsSdkJsReader reader =
        Assignments.read(
            assignments -> {
              AwsSdkJsReader r = new AwsSdkJsReader(file, tokens, assignments);
              r.run();
              return r;
            },
            r -> r.assignments);
    return List.copyOf(reader.calls);
  }

  private void bind(String name, Val value) {
    assignments.record(name, value instanceof Arg arg ? arg.value() : value.getClass());
    names.put(name, assignments.isUnknown(name) && value instanceof Arg ? OPAQUE : value);
  }

  private void run() {
    int i = 0;
    while (i < tokens.size()) {
      JsToken t = tokens.get(i);
      if (t.kind() == JsToken.Kind.NAME && t.text().equals("import")) {
        i = importStatement(i);
      } else if (t.kind() == JsToken.Kind.NAME
          && (t.text().equals("const") || t.text().equals("let") || t.text().equals("var"))) {
        i = declaration(i + 1);
      } else if (t.kind() == JsToken.Kind.NAME
          && (i == 0 || !tokens.get(i - 1).is("."))
          && i + 2 < tokens.size()
          && tokens.get(i + 1).is("=")
          && !tokens.get(i + 2).is("=")
          && !tokens.get(i + 2).is(">")) {
        // a plain assignment: name = expression
        Parsed value = primary(i + 2);
        bind(t.text(), value.val());
        i = Math.max(i + 3, value.end());
      } else if (t.kind() == JsToken.Kind.NAME && (i == 0 || !tokens.get(i - 1).is("."))) {
        i = Math.max(i + 1, primary(i).end());
      } else {
        i++;
      }
    }
  }

  /**
   * {@code import X from "p"}, {@code import * as X from "p"}, {@code import {A, B as C} from "p"}.
   */
  private int importStatement(int i) {
    int from = i;
    int end = i + 1;
    while (end < tokens.size()
        && !(tokens.get(end).kind() == JsToken.Kind.STRING)
        && !tokens.get(end).is(";")) {
      end++;
    }
    if (end >= tokens.size() || tokens.get(end).kind() != JsToken.Kind.STRING) {
      return end + 1;
    }
    String pkg = tokens.get(end).text();
    boolean inBraces = false;
    for (int k = from + 1; k < end; k++) {
      JsToken t = tokens.get(k);
      if (t.is("{")) {
        inBraces = true;
      } else if (t.is("}")) {
        inBraces = false;
      } else if (t.kind() == JsToken.Kind.NAME
          && !t.text().equals("from")
          && !t.text().equals("type")) {
        boolean aliased = k + 2 < end && tokens.get(k + 1).text().equals("as");
        if (t.text().equals("as")) {
          continue;
        }
        if (inBraces) {
          String local = aliased ? tokens.get(k + 2).text() : t.text();
          names.put(local, new Export(pkg, t.text()));
          if (aliased) {
            k += 2;
          }
        } else {
          names.put(t.text(), new Module(pkg)); // default or namespace import
        }
      }
    }
    return end + 1;
  }

  /** {@code const x = expr}, {@code const { A, B: C } = expr}. */
  private int declaration(int i) {
    if (i >= tokens.size()) {
      return i;
    }
    if (tokens.get(i).is("{")) {
      int close = matching(i);
      if (close + 2 < tokens.size() && tokens.get(close + 1).is("=")) {
        Parsed value = primary(close + 2);
        for (int k = i + 1; k < close; k++) {
          JsToken t = tokens.get(k);
          if (t.kind() != JsToken.Kind.NAME) {
            continue;
          }
          String exported = t.text();
          String local = exported;
          if (k + 2 < close && tokens.get(k + 1).is(":")) {
            local = tokens.get(k + 2).text();
            k += 2;
          }
          names.put(local, member(value.val(), exported));
        }
        return value.end();
      }
      return close + 1;
    }
    JsToken name = tokens.get(i);
    int k = i + 1;
    if (k < tokens.size() && tokens.get(k).is(":")) {
      // TypeScript annotation: skip to '='
      while (k < tokens.size() && !tokens.get(k).is("=") && !tokens.get(k).is(";")) {
        k++;
      }
    }
    if (name.kind() == JsToken.Kind.NAME && k + 1 < tokens.size() && tokens.get(k).is("=")) {
      Parsed value = primary(k + 1);
      bind(name.text(), value.val());
      return value.end();
    }
    return i + 1;
  }

  private record Parsed(Val val, int end) {}

  private Parsed primary(int i) {
    if (i >= tokens.size()) {
      return new Parsed(OPAQUE, i);
    }
    JsToken t = tokens.get(i);
    Val val;
    if (t.kind() == JsToken.Kind.NAME && t.text().equals("await")) {
      return primary(i + 1);
    }
    if (t.kind() == JsToken.Kind.NAME && t.text().equals("new")) {
      Parsed constructor = callee(i + 1);
      int k = constructor.end();
      Map<String, ArgValue> args = Map.of();
      if (k < tokens.size() && tokens.get(k).is("(")) {
        int close = matching(k);
        args = objectArgument(k + 1, close);
        k = close + 1;
      }
      val = construct(constructor.val(), args, t);
      return chain(val, k);
    }
    if (t.kind() == JsToken.Kind.STRING) {
      return chain(new Arg(new ArgValue.Literal(t.text())), i + 1);
    }
    if (t.kind() == JsToken.Kind.TEMPLATE) {
      return chain(new Arg(template(t.text())), i + 1);
    }
    if (t.is("(")) {
      int close = matching(i);
      Parsed inner = primary(i + 1);
      scan(inner.end(), close);
      return chain(inner.end() == close ? inner.val() : OPAQUE, close + 1);
    }
    if (t.kind() != JsToken.Kind.NAME) {
      return new Parsed(OPAQUE, i + 1);
    }
    if (t.text().equals("require")
        && i + 3 < tokens.size()
        && tokens.get(i + 1).is("(")
        && tokens.get(i + 2).kind() == JsToken.Kind.STRING) {
      int close = matching(i + 1);
      return chain(new Module(tokens.get(i + 2).text()), close + 1);
    }
    val = names.getOrDefault(t.text(), OPAQUE);
    return chain(val, i + 1);
  }

  /** The constructor after {@code new}: a name and its member accesses, without calling. */
  private Parsed callee(int i) {
    if (i < tokens.size() && tokens.get(i).is("(")) {
      int close = matching(i);
      Parsed inner = primary(i + 1);
      return new Parsed(inner.val(), close + 1);
    }
    if (i >= tokens.size() || tokens.get(i).kind() != JsToken.Kind.NAME) {
      return new Parsed(OPAQUE, i + 1);
    }
    Val val = names.getOrDefault(tokens.get(i).text(), OPAQUE);
    int k = i + 1;
    while (k + 1 < tokens.size()
        && tokens.get(k).is(".")
        && tokens.get(k + 1).kind() == JsToken.Kind.NAME) {
      val = member(val, tokens.get(k + 1).text());
      k += 2;
    }
    return new Parsed(val, k);
  }

  private Parsed chain(Val start, int i) {
    Val val = start;
    while (i < tokens.size()) {
      JsToken next = tokens.get(i);
      if ((next.is(".") || next.is("?"))
          && i + 1 < tokens.size()
          && (tokens.get(i + 1).kind() == JsToken.Kind.NAME || tokens.get(i + 1).is("."))) {
        int nameAt = tokens.get(i + 1).is(".") ? i + 2 : i + 1;
        if (nameAt >= tokens.size() || tokens.get(nameAt).kind() != JsToken.Kind.NAME) {
          break;
        }
        JsToken name = tokens.get(nameAt);
        if (nameAt + 1 < tokens.size() && tokens.get(nameAt + 1).is("(")) {
          int close = matching(nameAt + 1);
          Map<String, ArgValue> args = objectArgument(nameAt + 2, close);
          val = method(val, name, args);
          i = close + 1;
        } else {
          val = member(val, name.text());
          i = nameAt + 1;
        }
      } else if (next.is("(")) {
        int close = matching(i);
        scan(i + 1, close);
        val = OPAQUE;
        i = close + 1;
      } else if (next.is("[")) {
        int close = matching(i);
        if (close == i + 2 && tokens.get(i + 1).kind() == JsToken.Kind.STRING) {
          val = member(val, tokens.get(i + 1).text());
        } else {
          scan(i + 1, close);
          val = OPAQUE;
        }
        i = close + 1;
      } else {
        break;
      }
    }
    return new Parsed(val, i);
  }

  private void scan(int from, int to) {
    int i = from;
    while (i < to) {
      JsToken t = tokens.get(i);
      if ((t.kind() == JsToken.Kind.NAME) && (i == 0 || !tokens.get(i - 1).is("."))) {
        i = Math.max(i + 1, Math.min(to, primary(i).end()));
      } else {
        i++;
      }
    }
  }

  private Val member(Val val, String name) {
    if (val instanceof Module module) {
      if (module.path().equals("process.env")) {
        return new Arg(new ArgValue.EnvVar(name));
      }
      if (module.path().equals("process") && name.equals("env")) {
        return new Module("process.env");
      }
      if (module.path().startsWith("@aws-sdk/")) {
        return new Export(module.path(), name);
      }
      return new Module(module.path() + "." + name);
    }
    return OPAQUE;
  }

  private Val construct(Val constructor, Map<String, ArgValue> args, JsToken at) {
    if (constructor instanceof Module module) {
      String path = module.path();
      if (path.startsWith("aws-sdk.")) {
        String rest = path.substring("aws-sdk.".length());
        return new ClientV2(rest.endsWith(".DocumentClient") ? "DocumentClient" : rest);
      }
      if (path.startsWith("aws-sdk/clients/")) {
        String service = path.substring("aws-sdk/clients/".length());
        return new ClientV2(SdkCall.service(service));
      }
      return OPAQUE;
    }
    if (constructor instanceof Export export) {
      if (export.pkg().equals("aws-sdk")) {
        return new ClientV2(export.name());
      }
      if (export.name().endsWith("Command")
          && (export.pkg().startsWith("@aws-sdk/client-")
              || export.pkg().equals("@aws-sdk/lib-dynamodb"))) {
        record(SdkCall.command(export.pkg(), export.name()), at, args);
      } else if (export.pkg().equals("@aws-sdk/lib-storage") && export.name().equals("Upload")) {
        record(new SdkCall("S3", "Upload"), at, args);
      }
    }
    return OPAQUE;
  }

  private Val method(Val owner, JsToken name, Map<String, ArgValue> args) {
    if (owner instanceof ClientV2 client) {
      if (!name.text().equals("promise") && !name.text().equals("on")) {
        record(SdkCall.camel(client.service(), name.text()), name, args);
      }
    }
    return OPAQUE;
  }

  private void record(SdkCall call, JsToken at, Map<String, ArgValue> args) {
    calls.add(new CodeCall(call, new SourceLocation(file, at.line(), at.column()), args));
  }

  /** The properties of an object literal passed as first argument, and the calls inside. */
  private Map<String, ArgValue> objectArgument(int from, int close) {
    Map<String, ArgValue> values = new LinkedHashMap<>();
    if (from >= close || !tokens.get(from).is("{")) {
      scan(from, close);
      return values;
    }
    int end = matching(from);
    int k = from + 1;
    while (k < end) {
      JsToken key = tokens.get(k);
      if ((key.kind() == JsToken.Kind.NAME || key.kind() == JsToken.Kind.STRING)
          && k + 1 < end
          && tokens.get(k + 1).is(":")) {
        Parsed value = primary(k + 2);
        int stop = nextComma(value.end(), end);
        if (value.val() instanceof Arg arg && value.end() == stop) {
          values.put(key.text(), arg.value());
        }
        scan(value.end(), stop);
        k = stop + 1;
      } else if (key.kind() == JsToken.Kind.NAME && (k + 1 == end || tokens.get(k + 1).is(","))) {
        Val shorthand = names.getOrDefault(key.text(), OPAQUE);
        if (shorthand instanceof Arg arg) {
          values.put(key.text(), arg.value());
        }
        k += 2;
      } else {
        int stop = nextComma(k, end);
        scan(k, stop);
        k = stop + 1;
      }
    }
    scan(end + 1, close);
    return values;
  }

  private int nextComma(int from, int end) {
    int depth = 0;
    for (int i = from; i < end; i++) {
      JsToken t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 0 && t.is(",")) {
        return i;
      }
    }
    return end;
  }

  private int matching(int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      JsToken t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return tokens.size() - 1;
  }

  /** A template literal: its literal parts, process.env lookups, and unknown expressions. */
  private static ArgValue template(String text) {
    List<ArgValue> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        parts.add(new ArgValue.Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new ArgValue.Literal(text.substring(i, open)));
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        parts.add(new ArgValue.Unknown(text.substring(open)));
        break;
      }
      String expression = text.substring(open + 2, close).trim();
      Matcher env = ENV_IN_TEMPLATE.matcher(expression);
      parts.add(
          env.matches() ? new ArgValue.EnvVar(env.group(1)) : new ArgValue.Unknown(expression));
      i = close + 1;
    }
    return parts.size() == 1 ? parts.get(0) : new ArgValue.Concat(parts);
  }
}
