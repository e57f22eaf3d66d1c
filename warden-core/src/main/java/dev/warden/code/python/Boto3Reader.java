package dev.warden.code.python;

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
import java.util.Optional;

/**
 * Finds the boto3 calls of one Python module: clients ({@code boto3.client("s3")}, from a session,
 * or {@code from boto3 import client}), resources and their objects ({@code
 * boto3.resource("dynamodb").Table(name)}, {@code Bucket}, {@code Object}, {@code Queue}),
 * paginators and waiters, S3 transfer helpers; names bound to any of these, to literals or to
 * environment variables are followed through assignments.
 */
public final class Boto3Reader {

  /** What an expression evaluates to, as far as this reading goes. */
  private sealed interface Val {}

  private record Module(String name) implements Val {}

  private record Client(String service) implements Val {}

  private record ResourceRoot(String service) implements Val {}

  /** A resource object: {@code Table}, {@code Bucket}, {@code Object}, {@code Queue}. */
  private record ResourceObject(String service, String type, Map<String, ArgValue> identifiers)
      implements Val {}

  private record Arg(ArgValue value) implements Val {}

  private record Opaque() implements Val {}

  private static final Val OPAQUE = new Opaque();

  /** Resource types, the service they belong to, and the parameter names of their identifiers. */
  private static final Map<String, List<String>> IDENTIFIERS =
      Map.of(
          "Table", List.of("TableName"),
          "Bucket", List.of("Bucket"),
          "Object", List.of("Bucket", "Key"),
          "Queue", List.of("QueueUrl"),
          "Topic", List.of("TopicArn"));

  /** Resource-object methods whose operation name differs from the method's. */
  private static final Map<String, String> RESOURCE_METHODS =
      Map.of(
          "Object.get", "GetObject",
          "Object.put", "PutObject",
          "Object.delete", "DeleteObject",
          "Object.load", "HeadObject",
          "Table.batch_writer", "BatchWriteItem",
          "Table.load", "DescribeTable",
          "Queue.receive_messages", "ReceiveMessage",
          "Topic.publish", "Publish");

  /** Transfer helpers take their bucket and key by position ("" for an argument not kept). */
  private static final Map<String, List<String>> POSITIONAL =
      Map.of(
          "upload_file", List.of("", "Bucket", "Key"),
          "upload_fileobj", List.of("", "Bucket", "Key"),
          "download_file", List.of("Bucket", "Key"),
          "download_fileobj", List.of("Bucket", "Key"),
          "copy", List.of("", "Bucket", "Key"),
          "put_object", List.of("Bucket", "Key"));

  /** Waiters and the operation they poll. */
  private static final Map<String, String> WAITERS =
      Map.of(
          "table_exists", "DescribeTable",
          "table_not_exists", "DescribeTable",
          "bucket_exists", "HeadBucket",
          "object_exists", "HeadObject",
          "object_not_exists", "HeadObject",
          "function_active", "GetFunctionConfiguration",
          "function_updated", "GetFunctionConfiguration",
          "stream_exists", "DescribeStream");

  private final String file;
  private final List<Token> tokens;
  private final Map<String, Val> names = new HashMap<>();
  private final List<CodeCall> calls = new ArrayList<>();

  private final Assignments assignments;

  private Boto3Reader(String file, List<Token> tokens, Assignments assignments) {
    this.file = file;
    this.tokens = tokens;
    this.assignments = assignments;
  }

  /** The boto3 calls of a module, in source order. */
  public static List<CodeCall> read(String file, String source) {
    List<Token> tokens = PythonTokenizer.tokenize(source);
    Boto3Reader reader =
        Assignments.read(
            assignments -> {
              Boto3Reader r = new Boto3Reader(file, tokens, assignments);
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
    int start = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      if (i == tokens.size() || tokens.get(i).kind() == Token.Kind.NEWLINE) {
        statement(start, i);
        start = i + 1;
      }
    }
  }

  private void statement(int from, int to) {
    if (from >= to) {
      return;
    }
    Token first = tokens.get(from);
    if (first.kind() == Token.Kind.NAME
        && (first.text().equals("import") || first.text().equals("from"))) {
      imports(from, to);
      return;
    }
    // NAME = expression (one target; tuples and augmented assignments are not followed)
    if (to - from >= 3
        && first.kind() == Token.Kind.NAME
        && tokens.get(from + 1).is("=")
        && !tokens.get(from + 2).is("=")) {
      Parsed value = primary(from + 2, to);
      bind(first.text(), value.end() == to ? value.val() : OPAQUE);
      scan(value.end(), to);
      return;
    }
    scan(from, to);
  }

  /** {@code import boto3}, {@code import boto3 as b}, {@code from boto3 import client}. */
  private void imports(int from, int to) {
    Token first = tokens.get(from);
    if (first.text().equals("import")) {
      for (int i = from + 1; i < to; i++) {
        Token t = tokens.get(i);
        if (t.kind() == Token.Kind.NAME && (t.text().equals("boto3") || t.text().equals("os"))) {
          String alias = t.text();
          if (i + 2 < to && tokens.get(i + 1).text().equals("as")) {
            alias = tokens.get(i + 2).text();
          }
          names.put(alias, new Module(t.text()));
        }
      }
      return;
    }
    if (to - from >= 4 && tokens.get(from + 1).text().equals("boto3")) {
      for (int i = from + 3; i < to; i++) {
        Token t = tokens.get(i);
        if (t.kind() == Token.Kind.NAME
            && (t.text().equals("client") || t.text().equals("resource"))) {
          names.put(t.text(), new Module("boto3." + t.text()));
        }
      }
    }
    if (to - from >= 4 && tokens.get(from + 1).text().equals("os")) {
      for (int i = from + 3; i < to; i++) {
        Token t = tokens.get(i);
        if (t.kind() == Token.Kind.NAME
            && (t.text().equals("environ") || t.text().equals("getenv"))) {
          names.put(t.text(), new Module("os." + t.text()));
        }
      }
    }
  }

  /** Evaluates every expression that starts in the range, for the calls inside. */
  private void scan(int from, int to) {
    int i = from;
    while (i < to) {
      Token t = tokens.get(i);
      boolean afterDot = i > 0 && tokens.get(i - 1).is(".");
      if ((t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.STRING) && !afterDot) {
        Parsed parsed = primary(i, to);
        i = Math.max(parsed.end(), i + 1);
      } else {
        i++;
      }
    }
  }

  private record Parsed(Val val, int end) {}

  /** An atom followed by attributes, calls and subscripts; records the SDK calls it makes. */
  private Parsed primary(int i, int to) {
    if (i >= to) {
      return new Parsed(OPAQUE, i);
    }
    Token t = tokens.get(i);
    Val val;
    if (t.kind() == Token.Kind.STRING) {
      // adjacent literals concatenate
      StringBuilder text = new StringBuilder(t.text());
      i++;
      while (i < to && tokens.get(i).kind() == Token.Kind.STRING) {
        text.append(tokens.get(i++).text());
      }
      val = new Arg(new ArgValue.Literal(text.toString()));
    } else if (t.kind() == Token.Kind.NAME) {
      val = names.getOrDefault(t.text(), OPAQUE);
      i++;
    } else {
      return new Parsed(OPAQUE, i + 1);
    }
    while (i < to) {
      Token next = tokens.get(i);
      if (next.is(".") && i + 1 < to && tokens.get(i + 1).kind() == Token.Kind.NAME) {
        Token attribute = tokens.get(i + 1);
        if (i + 2 < to && tokens.get(i + 2).is("(")) {
          int close = matching(i + 2, to);
          Arguments args = arguments(i + 3, close);
          val = call(val, attribute, args);
          i = close + 1;
        } else {
          val = attribute(val, attribute.text());
          i += 2;
        }
      } else if (next.is("(")) {
        int close = matching(i, to);
        Arguments args = arguments(i + 1, close);
        val = call(val, null, args);
        i = close + 1;
      } else if (next.is("[")) {
        int close = matching(i, to);
        Parsed key = primary(i + 1, close);
        scan(key.end(), close);
        val = subscript(val, key.val());
        i = close + 1;
      } else if (next.is("+") && val instanceof Arg left) {
        Parsed right = primary(i + 1, to);
        val =
            right.val() instanceof Arg r
                ? new Arg(new ArgValue.Concat(List.of(left.value(), r.value())))
                : OPAQUE;
        i = right.end();
      } else {
        break;
      }
    }
    return new Parsed(val, i);
  }

  private record Arguments(List<Val> positional, Map<String, Val> keywords) {}

  private Arguments arguments(int from, int close) {
    List<Val> positional = new ArrayList<>();
    Map<String, Val> keywords = new LinkedHashMap<>();
    int start = from;
    int depth = 0;
    for (int i = from; i <= close; i++) {
      Token t = i < close ? tokens.get(i) : null;
      if (t != null && (t.is("(") || t.is("[") || t.is("{"))) {
        depth++;
      } else if (t != null && (t.is(")") || t.is("]") || t.is("}"))) {
        depth--;
      }
      if (i == close || (depth == 0 && t != null && t.is(","))) {
        if (start < i) {
          if (i - start >= 2
              && tokens.get(start).kind() == Token.Kind.NAME
              && tokens.get(start + 1).is("=")) {
            Parsed value = primary(start + 2, i);
            scan(value.end(), i);
            keywords.put(tokens.get(start).text(), value.end() == i ? value.val() : OPAQUE);
          } else {
            Parsed value = primary(start, i);
            scan(value.end(), i);
            positional.add(value.end() == i ? value.val() : OPAQUE);
          }
        }
        start = i + 1;
      }
    }
    return new Arguments(positional, keywords);
  }

  private int matching(int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return to - 1;
  }

  private Val attribute(Val val, String name) {
    if (val instanceof Module module) {
      String path = module.name() + "." + name;
      return switch (path) {
        case "boto3.client",
            "boto3.resource",
            "os.environ",
            "os.getenv",
            "os.environ.get",
            "boto3.session",
            "boto3.session.Session",
            "boto3.Session" ->
            new Module(path);
        default -> OPAQUE;
      };
    }
    if (val instanceof Pending pending && pending.name().equals("meta") && name.equals("client")) {
      // resource.meta.client: the low-level client of the resource's service
      if (pending.owner() instanceof ResourceRoot root) {
        return new Client(root.service());
      }
      if (pending.owner() instanceof ResourceObject object) {
        return new Client(object.service());
      }
    }
    return val instanceof Client || val instanceof ResourceRoot || val instanceof ResourceObject
        ? new Pending(val, name)
        : OPAQUE;
  }

  /** A method or resource type looked up on a client or resource, not yet called. */
  private record Pending(Val owner, String name) implements Val {}

  private Val subscript(Val val, Val key) {
    if (val instanceof Module module
        && module.name().equals("os.environ")
        && key instanceof Arg arg
        && arg.value() instanceof ArgValue.Literal literal) {
      return new Arg(new ArgValue.EnvVar(literal.text()));
    }
    return OPAQUE;
  }

  /** A call: of a function ({@code name} null) or of the method {@code name} on {@code owner}. */
  private Val call(Val owner, Token name, Arguments args) {
    if (name == null) {
      if (owner instanceof Module module) {
        return moduleCall(module.name(), args);
      }
      if (owner instanceof Pending pending) {
        return call(pending.owner(), tokenOf(pending.name()), args);
      }
      return OPAQUE;
    }
    Val self = owner;
    if (self instanceof Module module) {
      Val attribute = attribute(module, name.text());
      return attribute instanceof Module target ? moduleCall(target.name(), args) : OPAQUE;
    }
    if (self instanceof Client client) {
      return clientCall(client, name, args);
    }
    if (self instanceof ResourceRoot root) {
      List<String> identifiers = IDENTIFIERS.get(name.text());
      if (identifiers != null) {
        return new ResourceObject(root.service(), name.text(), identify(identifiers, args));
      }
      if (name.text().equals("meta")) {
        return OPAQUE;
      }
      record(root.service(), name, python(name.text()), Map.of());
      return OPAQUE;
    }
    if (self instanceof ResourceObject object) {
      if (object.type().equals("Bucket") && name.text().equals("Object")) {
        Map<String, ArgValue> ids = new HashMap<>(object.identifiers());
        ids.putAll(identify(List.of("Key"), args));
        return new ResourceObject(object.service(), "Object", ids);
      }
      String operation =
          RESOURCE_METHODS.getOrDefault(object.type() + "." + name.text(), python(name.text()));
      Map<String, ArgValue> arguments = new HashMap<>(object.identifiers());
      arguments.putAll(literalArguments(args));
      record(object.service(), name, operation, arguments);
      return OPAQUE;
    }
    return OPAQUE;
  }

  private Token tokenOf(String name) {
    return new Token(Token.Kind.NAME, name, 0, 0);
  }

  /** boto3.client("s3"), boto3.resource("dynamodb"), os.getenv("X"), os.environ.get("X"). */
  private Val moduleCall(String function, Arguments args) {
    Optional<String> first = firstLiteral(args, "service_name");
    switch (function) {
      case "boto3.client", "boto3.client.client" -> {
        return first.<Val>map(Client::new).orElse(OPAQUE);
      }
      case "boto3.resource" -> {
        return first.<Val>map(ResourceRoot::new).orElse(OPAQUE);
      }
      case "os.getenv", "os.environ.get" -> {
        return firstLiteral(args, "key")
            .<Val>map(n -> new Arg(new ArgValue.EnvVar(n)))
            .orElse(OPAQUE);
      }
      case "boto3.session.Session", "boto3.session", "boto3.Session" -> {
        return new Module("boto3");
      }
      default -> {
        return OPAQUE;
      }
    }
  }

  private Val clientCall(Client client, Token name, Arguments args) {
    String method = name.text();
    if (method.equals("get_paginator") || method.equals("get_waiter")) {
      Optional<String> operation = firstLiteral(args, "operation_name");
      if (operation.isPresent()) {
        String op =
            method.equals("get_paginator")
                ? python(operation.get())
                : WAITERS.getOrDefault(operation.get(), "Waiter:" + operation.get());
        record(client.service(), name, op, Map.of());
      }
      return OPAQUE;
    }
    if (method.equals("exceptions") || method.equals("meta") || method.equals("can_paginate")) {
      return OPAQUE;
    }
    if (method.equals("generate_presigned_url")) {
      // The URL is signed with the function's credentials: whoever uses it acts with the
      // function's permission for the operation it names.
      Optional<String> operation = firstLiteral(args, "ClientMethod");
      if (operation.isPresent()) {
        record(client.service(), name, python(operation.get()), Map.of());
      } else {
        record(client.service(), name, "GeneratePresignedUrl", Map.of());
      }
      return OPAQUE;
    }
    if (method.equals("generate_presigned_post")) {
      method = "put_object";
    }
    SdkCall call = SdkCall.python(client.service(), method);
    Map<String, ArgValue> arguments = new LinkedHashMap<>(literalArguments(args));
    List<String> positional = POSITIONAL.getOrDefault(method, List.of());
    for (int i = 0; i < positional.size() && i < args.positional().size(); i++) {
      if (args.positional().get(i) instanceof Arg arg && !positional.get(i).isEmpty()) {
        arguments.putIfAbsent(positional.get(i), arg.value());
      }
    }
    calls.add(new CodeCall(call, new SourceLocation(file, name.line(), name.column()), arguments));
    return OPAQUE;
  }

  private void record(String service, Token at, String operation, Map<String, ArgValue> arguments) {
    SdkCall call = new SdkCall(SdkCall.service(service), operation);
    calls.add(new CodeCall(call, new SourceLocation(file, at.line(), at.column()), arguments));
  }

  /** The keyword arguments whose values are literals, environment variables or their sums. */
  private static Map<String, ArgValue> literalArguments(Arguments args) {
    Map<String, ArgValue> values = new LinkedHashMap<>();
    args.keywords()
        .forEach(
            (key, val) -> {
              if (val instanceof Arg arg) {
                values.put(key, arg.value());
              }
            });
    return values;
  }

  private static Map<String, ArgValue> identify(List<String> identifiers, Arguments args) {
    Map<String, ArgValue> values = new LinkedHashMap<>();
    for (int i = 0; i < identifiers.size(); i++) {
      Val val =
          i < args.positional().size()
              ? args.positional().get(i)
              : args.keywords()
                  .getOrDefault(identifiers.get(i), args.keywords().get(lower(identifiers.get(i))));
      values.put(
          identifiers.get(i),
          val instanceof Arg arg ? arg.value() : new ArgValue.Unknown(identifiers.get(i)));
    }
    return values;
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static Optional<String> firstLiteral(Arguments args, String keyword) {
    Val val =
        !args.positional().isEmpty() ? args.positional().get(0) : args.keywords().get(keyword);
    if (val instanceof Arg arg && arg.value() instanceof ArgValue.Literal literal) {
      return Optional.of(literal.text());
    }
    return Optional.empty();
  }

  private static String python(String snake) {
    return SdkCall.pascal(snake);
  }
}
