package dev.warden.inventory.azure;

import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions that code declares in the Azure Functions programming models that need no {@code
 * function.json}: Python v2 decorators ({@code @app.route(...)}, {@code @app.blob_trigger(...)}),
 * Node.js v4 registrations ({@code app.http('name', {...})}) and C# attributes ({@code
 * [Function("Name")]} with {@code [HttpTrigger(AuthorizationLevel.Anonymous, ...)]}). Read with
 * patterns over the source text: arguments written as literals are read, others are left out (an
 * HTTP trigger whose level is not a literal keeps the model's default).
 */
final class CodeTriggers {

  /** A function found in code, with its trigger binding. */
  record Declared(String name, AzureBindings.Binding binding) {}

  private static final Pattern PY_DECORATOR =
      Pattern.compile("@(\\w+)\\.(\\w+)\\(([^)]*)\\)", Pattern.DOTALL);
  private static final Pattern PY_DEF = Pattern.compile("(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
  private static final Pattern PY_APP_LEVEL =
      Pattern.compile(
          "FunctionApp\\s*\\([^)]*http_auth_level\\s*=\\s*(?:func\\.)?AuthLevel\\.(\\w+)");
  private static final Pattern PY_FRAMEWORK_APP =
      Pattern.compile("\\b(?:Asgi|Wsgi)FunctionApp\\s*\\(");
  private static final Pattern KEYWORD =
      Pattern.compile("(\\w+)\\s*=\\s*(\"[^\"]*\"|'[^']*'|\\[[^\\]]*\\]|[\\w.]+)");
  private static final Pattern JS_REGISTRATION =
      Pattern.compile("\\bapp\\.(\\w+)\\(\\s*['\"`]([^'\"`]+)['\"`]\\s*,\\s*\\{");
  private static final Pattern JS_PROPERTY =
      Pattern.compile("(\\w+)\\s*:\\s*('[^']*'|\"[^\"]*\"|`[^`]*`|\\[[^\\]]*\\])");
  private static final Pattern CS_FUNCTION =
      Pattern.compile("\\[(?:Function|FunctionName)\\(\\s*(?:nameof\\((\\w+)\\)|\"([^\"]+)\")");
  private static final Pattern CS_TRIGGER =
      Pattern.compile("\\[(\\w+)Trigger(?:Attribute)?(?:\\(([^)\\]]*)\\))?\\]");

  private static final Map<String, String> PY_TRIGGERS = pythonTriggers();
  private static final Map<String, String> JS_TRIGGERS = nodeTriggers();

  private CodeTriggers() {}

  private static Map<String, String> pythonTriggers() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("route", "httpTrigger");
    map.put("http_trigger", "httpTrigger");
    map.put("timer_trigger", "timerTrigger");
    map.put("schedule", "timerTrigger");
    map.put("blob_trigger", "blobTrigger");
    map.put("queue_trigger", "queueTrigger");
    map.put("service_bus_queue_trigger", "serviceBusTrigger");
    map.put("service_bus_topic_trigger", "serviceBusTrigger");
    map.put("event_grid_trigger", "eventGridTrigger");
    map.put("event_hub_message_trigger", "eventHubTrigger");
    map.put("cosmos_db_trigger", "cosmosDBTrigger");
    map.put("kafka_trigger", "kafkaTrigger");
    return map;
  }

  private static Map<String, String> nodeTriggers() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("http", "httpTrigger");
    map.put("get", "httpTrigger");
    map.put("post", "httpTrigger");
    map.put("put", "httpTrigger");
    map.put("patch", "httpTrigger");
    map.put("deleteRequest", "httpTrigger");
    map.put("timer", "timerTrigger");
    map.put("storageBlob", "blobTrigger");
    map.put("storageQueue", "queueTrigger");
    map.put("serviceBusQueue", "serviceBusTrigger");
    map.put("serviceBusTopic", "serviceBusTrigger");
    map.put("eventGrid", "eventGridTrigger");
    map.put("eventHub", "eventHubTrigger");
    map.put("cosmosDB", "cosmosDBTrigger");
    return map;
  }

  static List<Declared> python(String source, String file) {
    List<Declared> found = new ArrayList<>();
    Matcher appLevel = PY_APP_LEVEL.matcher(source);
    String defaultLevel = appLevel.find() ? appLevel.group(1) : "FUNCTION";
    Matcher framework = PY_FRAMEWORK_APP.matcher(source);
    if (framework.find()) {
      // an ASGI/WSGI app (FastAPI, Flask…) behind one catch-all HTTP function
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("authLevel", defaultLevel.toLowerCase(Locale.ROOT));
      settings.put("route", "{*route}");
      found.add(
          new Declared(
              "http_app_func",
              new AzureBindings.Binding(
                  "httpTrigger", settings, at(source, framework.start(), file))));
    }
    Matcher decorator = PY_DECORATOR.matcher(source);
    int consumed = 0;
    String pendingName = null;
    while (decorator.find()) {
      if (decorator.start() < consumed) {
        continue;
      }
      String method = decorator.group(2);
      Map<String, String> args = keywords(decorator.group(3));
      if (method.equals("function_name")) {
        pendingName = args.getOrDefault("name", pendingName);
        continue;
      }
      String type = PY_TRIGGERS.get(method);
      if (type == null) {
        continue;
      }
      Matcher def = PY_DEF.matcher(source);
      String name = def.find(decorator.end()) ? def.group(1) : "function";
      consumed = def.hitEnd() ? source.length() : def.end();
      if (pendingName != null) {
        name = pendingName;
        pendingName = null;
      }
      Map<String, String> settings = new LinkedHashMap<>();
      if (type.equals("httpTrigger")) {
        settings.put(
            "authLevel",
            args.getOrDefault("auth_level", "AuthLevel." + defaultLevel)
                .replaceFirst(".*AuthLevel\\.", "")
                .toLowerCase(Locale.ROOT));
        settings.put("route", args.getOrDefault("route", name));
        if (args.containsKey("methods")) {
          settings.put("methods", listOf(args.get("methods")));
        }
      }
      copy(args, settings, "path", "path");
      copy(args, settings, "queue_name", "queueName");
      copy(args, settings, "topic_name", "topicName");
      copy(args, settings, "event_hub_name", "eventHubName");
      copy(args, settings, "container_name", "containerName");
      copy(args, settings, "schedule", "schedule");
      copy(args, settings, "connection", "connection");
      found.add(
          new Declared(
              name,
              new AzureBindings.Binding(type, settings, at(source, decorator.start(), file))));
    }
    return found;
  }

  static List<Declared> node(String source, String file) {
    List<Declared> found = new ArrayList<>();
    Matcher registration = JS_REGISTRATION.matcher(source);
    while (registration.find()) {
      String type = JS_TRIGGERS.get(registration.group(1));
      if (type == null) {
        continue;
      }
      String name = registration.group(2);
      String options =
          source.substring(
              registration.end(), Math.min(source.length(), registration.end() + 2000));
      int close = matchingBrace(options);
      options = options.substring(0, close);
      Map<String, String> props = new LinkedHashMap<>();
      Matcher property = JS_PROPERTY.matcher(options);
      while (property.find()) {
        props.putIfAbsent(property.group(1), unquote(property.group(2)));
      }
      Map<String, String> settings = new LinkedHashMap<>();
      if (type.equals("httpTrigger")) {
        settings.put("authLevel", props.getOrDefault("authLevel", "anonymous"));
        settings.put("route", props.getOrDefault("route", name));
        String shortcut = registration.group(1);
        if (!shortcut.equals("http")) {
          settings.put(
              "methods",
              shortcut.equals("deleteRequest") ? "DELETE" : shortcut.toUpperCase(Locale.ROOT));
        } else if (props.containsKey("methods")) {
          settings.put("methods", listOf(props.get("methods")));
        }
      }
      for (String key :
          List.of(
              "path",
              "queueName",
              "topicName",
              "eventHubName",
              "containerName",
              "schedule",
              "connection")) {
        if (props.containsKey(key)) {
          settings.put(key, props.get(key));
        }
      }
      found.add(
          new Declared(
              name,
              new AzureBindings.Binding(type, settings, at(source, registration.start(), file))));
    }
    return found;
  }

  static List<Declared> csharp(String source, String file) {
    List<Declared> found = new ArrayList<>();
    Matcher function = CS_FUNCTION.matcher(source);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (function.find()) {
      starts.add(new int[] {function.start(), function.end()});
      names.add(function.group(2) != null ? function.group(2) : function.group(1));
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : source.length();
      String body = source.substring(starts.get(i)[1], Math.min(end, starts.get(i)[1] + 3000));
      Matcher trigger = CS_TRIGGER.matcher(body);
      if (!trigger.find()) {
        continue;
      }
      String kind = trigger.group(1);
      String args = trigger.group(2) == null ? "" : trigger.group(2);
      Map<String, String> settings = new LinkedHashMap<>();
      List<String> positional = new ArrayList<>();
      for (String arg : args.split(",", -1)) {
        String a = arg.trim();
        int eq = a.indexOf('=');
        if (eq > 0 && !a.startsWith("\"")) {
          settings.put(a.substring(0, eq).trim(), unquote(a.substring(eq + 1).trim()));
        } else if (!a.isEmpty()) {
          positional.add(a);
        }
      }
      String type = Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + "Trigger";
      if (kind.equals("Http")) {
        String level = "function";
        List<String> methods = new ArrayList<>();
        for (String p : positional) {
          if (p.startsWith("AuthorizationLevel.")) {
            level = p.substring("AuthorizationLevel.".length()).toLowerCase(Locale.ROOT);
          } else if (p.startsWith("\"")) {
            methods.add(unquote(p));
          }
        }
        settings.put("authLevel", level);
        settings.putIfAbsent("Route", names.get(i));
        settings.put("route", settings.remove("Route"));
        if (!methods.isEmpty()) {
          settings.put("methods", String.join(",", methods));
        }
      } else if (!positional.isEmpty()) {
        String first = unquote(positional.get(0));
        settings.put(
            switch (kind) {
              case "Timer" -> "schedule";
              case "Blob" -> "path";
              case "EventHub" -> "eventHubName";
              case "CosmosDB" -> "databaseName";
              default -> "queueName";
            },
            first);
      }
      found.add(
          new Declared(
              names.get(i),
              new AzureBindings.Binding(type, settings, at(source, starts.get(i)[0], file))));
    }
    return found;
  }

  private static Map<String, String> keywords(String args) {
    Map<String, String> map = new LinkedHashMap<>();
    Matcher keyword = KEYWORD.matcher(args);
    while (keyword.find()) {
      map.put(keyword.group(1), unquote(keyword.group(2)));
    }
    return map;
  }

  private static void copy(
      Map<String, String> from, Map<String, String> to, String key, String as) {
    if (from.containsKey(key)) {
      to.put(as, from.get(key));
    }
  }

  private static String listOf(String list) {
    return list.replaceAll("[\\[\\]'\"`\\s]", "").replaceAll("func\\.HttpMethod\\.", "");
  }

  private static String unquote(String text) {
    String t = text.trim();
    if (t.length() >= 2
        && "\"'`".indexOf(t.charAt(0)) >= 0
        && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static int matchingBrace(String text) {
    int depth = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  private static SourceLocation at(String source, int offset, String file) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return SourceLocation.of(file, line, column);
  }
}
