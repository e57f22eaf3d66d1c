package dev.warden.code.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.warden.code.Injection;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Event data that reaches a dangerous sink in one Java compilation unit. The event is the input
 * parameter of a handler method ({@code handleRequest}, or any parameter typed as an event or an
 * input stream); it taints the variables assigned from it and, through calls, the parameters of the
 * unit's own methods. Sinks: {@code Runtime.exec}, a shell {@code ProcessBuilder}, script engines'
 * {@code eval}, {@code ObjectInputStream}, {@code XMLDecoder} and SnakeYAML {@code load}, JDBC
 * statements built by concatenation, files and URLs opened from event data, and XML parsers of a
 * unit that never turns external entities off.
 *
 * <p>Limits: names, not symbols (a variable of the same name in another method is the same name);
 * no flow through fields, collections or other classes.
 */
public final class JavaInjections {

  private static final Set<String> JDBC =
      Set.of("executeQuery", "executeUpdate", "execute", "prepareStatement", "addBatch");
  private static final Set<String> LOGS = Set.of("println", "log", "info", "debug", "warn");
  private static final Set<String> XML_GUARDS =
      Set.of(
          "disallow-doctype-decl",
          "external-general-entities",
          "IS_SUPPORTING_EXTERNAL_ENTITIES",
          "ACCESS_EXTERNAL_DTD");

  private final String file;
  private final CompilationUnit unit;
  private final Map<String, String> tainted = new LinkedHashMap<>();
  private final Map<String, List<String>> methods = new HashMap<>();
  private final boolean xmlUnguarded;

  private JavaInjections(String file, CompilationUnit unit) {
    this.file = file;
    this.unit = unit;
    String text = unit.toString();
    this.xmlUnguarded = XML_GUARDS.stream().noneMatch(text::contains);
  }

  /** The injections of a Java source file (none when it does not parse). */
  public static List<Injection> find(String file, String source) {
    return JavaSource.parse(source).map(unit -> find(file, unit)).orElse(List.of());
  }

  /** The injections of a parsed compilation unit. */
  public static List<Injection> find(String file, CompilationUnit unit) {
    JavaInjections finder = new JavaInjections(file, unit);
    finder.sources();
    if (finder.tainted.isEmpty()) {
      return List.of();
    }
    for (int round = 0; round < 10; round++) {
      int before = finder.tainted.size();
      finder.propagate();
      if (finder.tainted.size() == before) {
        break;
      }
    }
    return finder.sinks();
  }

  private void sources() {
    for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
      List<String> names = new ArrayList<>();
      method.getParameters().forEach(p -> names.add(p.getNameAsString()));
      methods.put(method.getNameAsString(), names);
      for (int i = 0; i < method.getParameters().size(); i++) {
        Parameter parameter = method.getParameter(i);
        String type = parameter.getType().asString();
        boolean handler = method.getNameAsString().equals("handleRequest") && i == 0;
        if (handler
            || type.endsWith("Event")
            || type.endsWith("EventV2")
            || type.endsWith("RequestEvent")
            || type.equals("InputStream")) {
          tainted.putIfAbsent(parameter.getNameAsString(), "");
        }
      }
    }
  }

  private void propagate() {
    for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
      variable
          .getInitializer()
          .flatMap(this::taintedIn)
          .ifPresent(from -> tainted.putIfAbsent(variable.getNameAsString(), from));
    }
    for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
      if (assign.getTarget() instanceof NameExpr target) {
        taintedIn(assign.getValue())
            .ifPresent(from -> tainted.putIfAbsent(target.getNameAsString(), from));
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      List<String> parameters = methods.get(call.getNameAsString());
      boolean own = call.getScope().map(s -> s.toString().equals("this")).orElse(true);
      if (parameters == null || !own || parameters.size() != call.getArguments().size()) {
        continue;
      }
      for (int i = 0; i < parameters.size(); i++) {
        String parameter = parameters.get(i);
        taintedIn(call.getArgument(i)).ifPresent(from -> tainted.putIfAbsent(parameter, from));
      }
    }
  }

  /** The first tainted name an expression reads. */
  private Optional<String> taintedIn(Node expression) {
    if (expression instanceof NameExpr name && tainted.containsKey(name.getNameAsString())) {
      return Optional.of(name.getNameAsString());
    }
    return expression.findAll(NameExpr.class).stream()
        .map(NameExpr::getNameAsString)
        .filter(tainted::containsKey)
        .findFirst();
  }

  private List<Injection> sinks() {
    List<Injection> found = new ArrayList<>();
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      String scope = call.getScope().map(Object::toString).orElse("");
      Optional<String> kind = Optional.empty();
      if (name.equals("exec") && scope.contains("getRuntime")) {
        kind = Optional.of("command");
      } else if (name.equals("eval") && !scope.isEmpty()) {
        kind = Optional.of("code");
      } else if (name.equals("load")
          && (scope.contains("Yaml") || scope.equalsIgnoreCase("yaml"))) {
        kind = Optional.of("deserialisation");
      } else if (JDBC.contains(name) && concatenates(call)) {
        kind = Optional.of("sql");
      } else if ((name.equals("parse") || name.equals("createXMLStreamReader"))
          && xmlUnguarded
          && mentionsXmlParser()) {
        kind = Optional.of("xxe");
      } else if ((name.equals("get") && scope.equals("Paths"))
          || (name.equals("of") && scope.equals("Path"))) {
        kind = Optional.of("path");
      } else if (name.equals("create") && scope.equals("URI")) {
        kind = Optional.of("ssrf");
      } else if (LOGS.contains(name) && wholeEvent(call)) {
        found.add(
            injection(
                "log",
                scope.isEmpty() ? name : scope + "." + name,
                call,
                call.getArgument(0).toString()));
        continue;
      }
      if (kind.isEmpty() || call.getArguments().isEmpty()) {
        continue;
      }
      Optional<String> from = taintedIn(call.getArgument(0));
      if (from.isPresent()) {
        found.add(
            injection(kind.get(), scope.isEmpty() ? name : scope + "." + name, call, from.get()));
      }
    }
    for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
      String type = creation.getType().getNameAsString();
      String kind =
          switch (type) {
            case "ObjectInputStream", "XMLDecoder" -> "deserialisation";
            case "ProcessBuilder" -> creation.toString().contains("\"-c\"") ? "command" : "";
            case "File", "FileInputStream", "FileReader", "FileOutputStream" -> "path";
            case "URL" -> "ssrf";
            default -> "";
          };
      if (kind.isEmpty()) {
        continue;
      }
      for (Expression argument : creation.getArguments()) {
        Optional<String> from = taintedIn(argument);
        if (from.isPresent()) {
          found.add(injection(kind, "new " + type, creation, from.get()));
          break;
        }
      }
    }
    found.sort(
        java.util.Comparator.comparingInt((Injection i) -> i.at().line())
            .thenComparingInt(i -> i.at().column()));
    return found;
  }

  private boolean mentionsXmlParser() {
    String text = unit.toString();
    return text.contains("DocumentBuilderFactory")
        || text.contains("SAXParserFactory")
        || text.contains("XMLInputFactory");
  }

  /** A JDBC call whose SQL is built by concatenation with event data. */
  private boolean concatenates(MethodCallExpr call) {
    if (call.getArguments().isEmpty()) {
      return false;
    }
    Expression sql = call.getArgument(0);
    if (sql instanceof NameExpr name) {
      // a variable assigned a concatenation
      return unit.findAll(VariableDeclarator.class).stream()
          .filter(v -> v.getNameAsString().equals(name.getNameAsString()))
          .anyMatch(v -> v.getInitializer().map(i -> i instanceof BinaryExpr).orElse(false));
    }
    return sql instanceof BinaryExpr
        || sql.toString().contains(".formatted(")
        || sql.toString().startsWith("String.format(");
  }

  /** {@code println(event)} or {@code log(event.toString())}: the whole event as the argument. */
  private boolean wholeEvent(MethodCallExpr call) {
    if (call.getArguments().size() != 1) {
      return false;
    }
    String argument = call.getArgument(0).toString();
    String name =
        argument.endsWith(".toString()") ? argument.substring(0, argument.length() - 11) : argument;
    return "".equals(tainted.get(name));
  }

  private Injection injection(String kind, String sink, Node at, String from) {
    int line = at.getBegin().map(p -> p.line).orElse(1);
    int column = at.getBegin().map(p -> p.column).orElse(1);
    return Injection.traced(kind, sink, new SourceLocation(file, line, column), tainted, from);
  }
}
