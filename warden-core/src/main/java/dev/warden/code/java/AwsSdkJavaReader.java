package dev.warden.code.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.warden.code.ArgValue;
import dev.warden.code.CodeCall;
import dev.warden.code.SdkCall;
import dev.warden.inventory.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the AWS SDK for Java v2 calls of one compilation unit. */
public final class AwsSdkJavaReader {

  private static final String SDK_PACKAGE = "software.amazon.awssdk.services.";
  private static final String ENHANCED = "DynamoDbEnhancedClient";

  private final String file;

  /** Simple names of imported client types, by their SDK service class name. */
  private final Map<String, String> clientTypes = new HashMap<>();

  /** Variables and fields holding a client, by name, with the client's SDK service. */
  private final Map<String, String> clients = new HashMap<>();

  /** Enhanced-client tables, by variable name, with the table name argument. */
  private final Map<String, ArgValue> tables = new HashMap<>();

  private final Map<String, ArgValue> constants = new HashMap<>();

  /** Variables holding a DynamoDB Enhanced Client (its calls are on tables). */
  private final java.util.Set<String> enhanced = new java.util.HashSet<>();

  private final List<CodeCall> calls = new ArrayList<>();

  private AwsSdkJavaReader(String file) {
    this.file = file;
  }

  /**
   * The SDK calls of a Java source file, in source order; an unparsable file gives those of the
   * parts JavaParser could read (possibly none).
   */
  public static List<CodeCall> read(String file, String source) {
    return JavaSource.parse(source).map(unit -> read(file, unit)).orElse(List.of());
  }

  /** The SDK calls of a parsed compilation unit, in source order. */
  public static List<CodeCall> read(String file, CompilationUnit unit) {
    AwsSdkJavaReader reader = new AwsSdkJavaReader(file);
    reader.read(unit);
    List<CodeCall> sorted = new ArrayList<>(reader.calls);
    sorted.sort(
        java.util.Comparator.comparingInt((CodeCall c) -> c.at().line())
            .thenComparingInt(c -> c.at().column()));
    return List.copyOf(sorted);
  }

  private void read(CompilationUnit unit) {
    for (ImportDeclaration declaration : unit.getImports()) {
      String name = declaration.getNameAsString();
      if (name.endsWith("." + ENHANCED) || name.endsWith(".DynamoDbEnhancedAsyncClient")) {
        clientTypes.put(name.substring(name.lastIndexOf('.') + 1), "DynamoDB");
        continue;
      }
      if (name.startsWith(SDK_PACKAGE) && !declaration.isAsterisk()) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (simple.endsWith("Client") && !simple.endsWith("Builder")) {
          clientTypes.put(simple, service(simple));
        }
      }
    }
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      field.getVariables().forEach(this::variable);
    }
    unit.findAll(VariableDeclarator.class).forEach(this::variable);
    for (Parameter parameter : unit.findAll(Parameter.class)) {
      String type = parameter.getType().asString();
      if (clientTypes.containsKey(type)) {
        clients.put(parameter.getNameAsString(), clientTypes.get(type));
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      call(call);
    }
  }

  private void variable(VariableDeclarator variable) {
    String type = variable.getType().asString();
    String name = variable.getNameAsString();
    if (type.startsWith("DynamoDbEnhanced")) {
      enhanced.add(name);
      return;
    }
    if (clientTypes.containsKey(type)) {
      clients.put(name, clientTypes.get(type));
      return;
    }
    Optional<Expression> init = variable.getInitializer();
    if (init.isEmpty()) {
      return;
    }
    if (init.get().toString().startsWith("DynamoDbEnhanced")) {
      enhanced.add(name);
      return;
    }
    Optional<String> created = createdClient(init.get());
    if (created.isPresent()) {
      clients.put(name, created.get());
      return;
    }
    if (init.get() instanceof MethodCallExpr call
        && call.getNameAsString().equals("table")
        && call.getScope().map(this::isEnhancedClient).orElse(false)
        && call.getArguments().isNonEmpty()) {
      tables.put(name, value(call.getArgument(0)));
      return;
    }
    ArgValue constant = value(init.get());
    if (!(constant instanceof ArgValue.Unknown)) {
      constants.put(name, constant);
    }
  }

  /** {@code S3Client.create()}, {@code S3Client.builder()....build()}. */
  private Optional<String> createdClient(Expression expression) {
    Expression root = expression;
    while (root instanceof MethodCallExpr call && call.getScope().isPresent()) {
      root = call.getScope().get();
    }
    if (root instanceof NameExpr name && clientTypes.containsKey(name.getNameAsString())) {
      return Optional.of(clientTypes.get(name.getNameAsString()));
    }
    return Optional.empty();
  }

  private boolean isEnhancedClient(Expression scope) {
    return scope instanceof NameExpr name && enhanced.contains(name.getNameAsString());
  }

  private void call(MethodCallExpr call) {
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr owner)) {
      return;
    }
    String method = call.getNameAsString();
    String ownerName = owner.getNameAsString();
    if (tables.containsKey(ownerName)) {
      Map<String, ArgValue> arguments = new LinkedHashMap<>();
      arguments.put("TableName", tables.get(ownerName));
      record(SdkCall.camel("DynamoDB", method), call, arguments);
      return;
    }
    String service = clients.get(ownerName);
    if (service == null
        || method.equals("close")
        || method.equals("serviceName")
        || method.equals("waiter")
        || method.equals("utilities")
        || enhanced.contains(ownerName)) {
      return;
    }
    if (method.endsWith("Paginator")) {
      method = method.substring(0, method.length() - "Paginator".length());
    }
    record(SdkCall.camel(service, method), call, requestArguments(call));
  }

  /** The builder calls of the request: {@code .bucket(x).key(y)} as {@code Bucket}, {@code Key}. */
  private Map<String, ArgValue> requestArguments(MethodCallExpr call) {
    Map<String, ArgValue> arguments = new LinkedHashMap<>();
    if (call.getArguments().isEmpty()) {
      return arguments;
    }
    Expression request = call.getArgument(0);
    Expression current = request;
    if (request instanceof LambdaExpr lambda) {
      current = lambda.getExpressionBody().orElse(null);
    }
    while (current instanceof MethodCallExpr builder) {
      builderCall(builder, arguments);
      current = builder.getScope().orElse(null);
    }
    return arguments;
  }

  private void builderCall(MethodCallExpr builder, Map<String, ArgValue> arguments) {
    String name = builder.getNameAsString();
    if (builder.getArguments().size() == 1 && !name.equals("builder") && !name.equals("build")) {
      ArgValue value = value(builder.getArgument(0));
      if (!(value instanceof ArgValue.Unknown)) {
        arguments.putIfAbsent(Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
      }
    }
  }

  private ArgValue value(Expression expression) {
    if (expression instanceof StringLiteralExpr literal) {
      return new ArgValue.Literal(literal.getValue());
    }
    if (expression instanceof MethodCallExpr call
        && call.getNameAsString().equals("getenv")
        && call.getScope().map(s -> s.toString().equals("System")).orElse(false)
        && call.getArguments().size() == 1
        && call.getArgument(0) instanceof StringLiteralExpr name) {
      return new ArgValue.EnvVar(name.getValue());
    }
    if (expression instanceof NameExpr name && constants.containsKey(name.getNameAsString())) {
      return constants.get(name.getNameAsString());
    }
    if (expression instanceof BinaryExpr binary
        && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      return new ArgValue.Concat(List.of(value(binary.getLeft()), value(binary.getRight())));
    }
    return new ArgValue.Unknown(expression.toString());
  }

  private void record(SdkCall call, MethodCallExpr at, Map<String, ArgValue> arguments) {
    int line = at.getName().getBegin().map(p -> p.line).orElse(0);
    int column = at.getName().getBegin().map(p -> p.column).orElse(0);
    calls.add(new CodeCall(call, new SourceLocation(file, line, column), arguments));
  }

  /** {@code DynamoDbAsyncClient} -> the SDK class name of its service. */
  private static String service(String clientType) {
    if (clientType.equals(ENHANCED) || clientType.equals("DynamoDbEnhancedAsyncClient")) {
      return "DynamoDB";
    }
    return SdkCall.service(clientType);
  }
}
