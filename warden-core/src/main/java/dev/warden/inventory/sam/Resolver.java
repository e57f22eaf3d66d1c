package dev.warden.inventory.sam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions and references. What can be known before deployment
 * becomes plain values; what cannot (the account, the region, generated names, parameters without a
 * default) becomes {@link SymbolicText} symbols. Problems (an unknown function, a reference to
 * nothing, a cycle) are recorded and the value becomes a symbol, so loading goes on.
 *
 * <p>Documented behaviour:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
final class Resolver {

  /** Marks a value removed by {@code AWS::NoValue}; never escapes a resolved container. */
  static final Value NO_VALUE = new Value.Nil(SourceLocation.ofFile("AWS::NoValue"));

  private static final int MAX_REFERENCE_CHAIN = 64;
  private static final Set<String> SYMBOLIC_PSEUDO =
      Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId");
  private static final JsonFactory JSON = new JsonFactory();

  /** Outputs of nested stacks, for {@code Fn::GetAtt Stack.Outputs.Name}. */
  interface NestedOutputs {
    Optional<Value> output(String stackLogicalId, String outputName);
  }

  private final Template template;
  private final Problems problems;
  private final Map<String, Value> parameters = new HashMap<>();
  private final Map<String, Truth> conditionValues = new HashMap<>();
  private final Map<String, SymbolicText> names = new HashMap<>();
  private final Map<String, SymbolicText> arns = new HashMap<>();
  private final Map<String, SymbolicText> refs = new HashMap<>();
  private final Map<String, SymbolicText> substitutions = new HashMap<>();

  /** The resource each memoised name, ARN or Ref value belongs to, by identity of the text. */
  private final IdentityHashMap<SymbolicText, String> owners = new IdentityHashMap<>();

  private final Deque<String> chain = new ArrayDeque<>();
  private NestedOutputs nested = (stack, output) -> Optional.empty();
  private Includes includes = (location, at) -> Optional.empty();

  /** Reads the local file that {@code AWS::Include} names. */
  interface Includes {
    Optional<Value> read(String location, SourceLocation at);
  }

  /**
   * @param overrides parameter values given from outside (the command line, a parent stack); others
   *     take their default, or stay symbolic
   */
  Resolver(Template template, Map<String, Value> overrides, Problems problems) {
    this.template = template;
    this.problems = problems;
    for (Map.Entry<String, Value.Obj> parameter : template.parameters().entrySet()) {
      parameters.put(
          parameter.getKey(), parameterValue(parameter.getKey(), parameter.getValue(), overrides));
    }
  }

  void setNestedOutputs(NestedOutputs nestedOutputs) {
    this.nested = nestedOutputs;
  }

  void setIncludes(Includes includes) {
    this.includes = includes;
  }

  /** {@code Fn::Transform} of {@code AWS::Include} with a local Location: the file's content. */
  private Optional<Value> include(Value argument, SourceLocation at) {
    Optional<Value.Obj> call = argument.asObj();
    if (call.isEmpty()
        || !call.get().text("Name").map(n -> n.toString().equals("AWS::Include")).orElse(false)) {
      return Optional.empty();
    }
    Optional<String> location =
        call.get()
            .obj("Parameters")
            .flatMap(p -> p.get("Location"))
            .map(this::resolve)
            .flatMap(Value::asString);
    if (location.isEmpty() || location.get().startsWith("s3://")) {
      return Optional.empty();
    }
    return includes.read(location.get(), at);
  }

  Template template() {
    return template;
  }

  // ---------------------------------------------------------------- parameters and conditions

  private Value parameterValue(String name, Value.Obj definition, Map<String, Value> overrides) {
    String type = definition.text("Type").map(SymbolicText::toString).orElse("String");
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      // The default is the name of an SSM parameter; the value is read at deployment.
      return new Value.Str(SymbolicText.symbol(name), definition.at());
    }
    Value given = overrides.get(name);
    if (given == null) {
      given = definition.get("Default").orElse(null);
    }
    if (given == null) {
      return new Value.Str(SymbolicText.symbol(name), definition.at());
    }
    boolean isList = type.startsWith("List<") || type.equals("CommaDelimitedList");
    if (isList && given instanceof Value.Str str) {
      List<Value> items = new ArrayList<>();
      for (SymbolicText item : str.text().split(",")) {
        items.add(new Value.Str(trim(item), str.at()));
      }
      return new Value.Seq(items, str.at());
    }
    return given;
  }

  private static SymbolicText trim(SymbolicText text) {
    Optional<String> concrete = text.concrete();
    return concrete.isPresent() ? SymbolicText.of(concrete.get().trim()) : text;
  }

  /** Whether the named condition holds. */
  Truth condition(String name, SourceLocation at) {
    Truth known = conditionValues.get(name);
    if (known != null) {
      return known;
    }
    Value definition = template.conditions().get(name);
    if (definition == null) {
      problems.add(
          at,
          "condition " + name + " is not defined",
          "Define it under Conditions, or fix the name.");
      return Truth.UNKNOWN;
    }
    String key = "Condition:" + name;
    if (chain.contains(key)) {
      problems.add(
          at,
          "circular condition: " + describeCycle(key),
          "Break the cycle between the conditions.");
      return Truth.UNKNOWN;
    }
    chain.push(key);
    Truth value;
    try {
      value = truth(definition);
    } finally {
      chain.pop();
    }
    conditionValues.put(name, value);
    return value;
  }

  /** Evaluates a condition expression (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition). */
  Truth truth(Value expression) {
    if (expression instanceof Value.Obj obj && obj.fields().size() == 1) {
      Value.Field call = obj.fields().get(0);
      Value argument = call.value();
      switch (call.key()) {
        case "Condition" -> {
          return argument.asString().map(n -> condition(n, argument.at())).orElse(Truth.UNKNOWN);
        }
        case "Fn::Equals" -> {
          List<Value> sides = arguments(call, 2);
          return sides.size() == 2
              ? equal(resolve(sides.get(0)), resolve(sides.get(1)))
              : Truth.UNKNOWN;
        }
        case "Fn::Not" -> {
          List<Value> operands = arguments(call, 1);
          return operands.size() == 1 ? truth(operands.get(0)).not() : Truth.UNKNOWN;
        }
        case "Fn::And", "Fn::Or" -> {
          return combine(call.key().equals("Fn::And"), argument.asList());
        }
        default -> {
          // not a condition function: evaluated as a value below
        }
      }
    }
    Value resolved = resolve(expression);
    Optional<Boolean> bool = resolved.asBoolean();
    if (bool.isPresent()) {
      return Truth.of(bool.get());
    }
    return Truth.UNKNOWN;
  }

  private Truth combine(boolean and, List<Value> operands) {
    Truth result = and ? Truth.TRUE : Truth.FALSE;
    for (Value operand : operands) {
      Truth value = truth(operand);
      if (value == (and ? Truth.FALSE : Truth.TRUE)) {
        return value;
      }
      if (value == Truth.UNKNOWN) {
        result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  private static Truth equal(Value left, Value right) {
    Optional<SymbolicText> a = left.asText();
    Optional<SymbolicText> b = right.asText();
    if (a.isPresent() && b.isPresent()) {
      if (a.get().equals(b.get())) {
        return Truth.TRUE;
      }
      return a.get().isConcrete() && b.get().isConcrete() ? Truth.FALSE : Truth.UNKNOWN;
    }
    if (left instanceof Value.Seq || right instanceof Value.Seq) {
      return Truth.UNKNOWN;
    }
    return Truth.UNKNOWN;
  }

  // ---------------------------------------------------------------- values

  /** Resolves every intrinsic function in a value. {@link #NO_VALUE} only at the top level. */
  Value resolve(Value value) {
    if (value instanceof Value.Obj obj) {
      if (obj.fields().size() == 1) {
        Value.Field only = obj.fields().get(0);
        String key = only.key();
        if (key.equals("Ref")
            || key.startsWith("Fn::")
            || (key.equals("Condition") && only.value() instanceof Value.Str)) {
          return intrinsic(only, obj.at());
        }
      }
      List<Value.Field> fields = null;
      List<Value.Field> original = obj.fields();
      for (int i = 0; i < original.size(); i++) {
        Value.Field field = original.get(i);
        Value resolved = resolve(field.value());
        if (fields == null && resolved != field.value()) {
          fields = new ArrayList<>(original.subList(0, i));
        }
        if (fields != null && resolved != NO_VALUE) {
          fields.add(
              resolved == field.value()
                  ? field
                  : new Value.Field(field.key(), field.keyAt(), resolved));
        }
      }
      return fields == null ? obj : new Value.Obj(fields, obj.at());
    }
    if (value instanceof Value.Seq seq) {
      List<Value> items = null;
      List<Value> original = seq.items();
      for (int i = 0; i < original.size(); i++) {
        Value item = original.get(i);
        Value resolved = resolve(item);
        if (items == null && resolved != item) {
          items = new ArrayList<>(original.subList(0, i));
        }
        if (items != null && resolved != NO_VALUE) {
          items.add(resolved);
        }
      }
      return items == null ? seq : new Value.Seq(items, seq.at());
    }
    return value;
  }

  /** Resolves a value that must be a string (or number/boolean written as one). */
  SymbolicText text(Value value) {
    Value resolved = resolve(value);
    Optional<SymbolicText> text = resolved.asText();
    if (text.isPresent()) {
      return text.get();
    }
    if (resolved != NO_VALUE) {
      problems.add(
          value.at(),
          "expected a string here, found " + resolved.kindName(),
          "Write a string (or an intrinsic function that returns one).");
    }
    return SymbolicText.empty();
  }

  private Value intrinsic(Value.Field call, SourceLocation at) {
    Value argument = call.value();
    return switch (call.key()) {
      case "Ref" -> ref(argument, at);
      case "Condition" -> truthValue(condition(argument.asString().orElse(""), at), at);
      case "Fn::GetAtt" -> getAtt(call, at);
      case "Fn::Sub" -> sub(call, at);
      case "Fn::Join" -> join(call, at);
      case "Fn::Select" -> select(call, at);
      case "Fn::Split" -> split(call, at);
      case "Fn::If" -> ifThen(call, at);
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" ->
          truthValue(truth(new Value.Obj(List.of(call), at)), at);
      case "Fn::FindInMap" -> findInMap(call, at);
      case "Fn::ImportValue" ->
          new Value.Str(SymbolicText.symbol("ImportValue:" + text(argument)), at);
      case "Fn::GetAZs" -> getAZs(at);
      case "Fn::Base64" -> base64(argument, at);
      case "Fn::Cidr" -> new Value.Str(SymbolicText.symbol("Fn::Cidr"), at);
      case "Fn::Length" -> length(resolve(argument), at);
      case "Fn::ToJsonString" -> toJsonString(resolve(argument), at);
      case "Fn::Transform" -> transform(argument, at);
      default -> {
        problems.add(
            at,
            "unknown intrinsic function " + call.key(),
            "Use a CloudFormation intrinsic function (Ref, Fn::GetAtt, Fn::Sub, Fn::Join,"
                + " Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::ImportValue, Fn::GetAZs,"
                + " Fn::Base64, Fn::Cidr…); the value is treated as unknown.");
        yield new Value.Str(SymbolicText.symbol(call.key()), at);
      }
    };
  }

  private static Value length(Value list, SourceLocation at) {
    return list instanceof Value.Seq seq
        ? new Value.Num(Integer.toString(seq.items().size()), at)
        : new Value.Str(SymbolicText.symbol("Fn::Length"), at);
  }

  private Value transform(Value argument, SourceLocation at) {
    Optional<Value> included = include(argument, at);
    if (included.isPresent()) {
      return resolve(included.get());
    }
    problems.add(
        at,
        "Fn::Transform calls a macro, which Warden does not run; the value is unknown",
        "Scan the processed template (`aws cloudformation get-template --template-stage"
            + " Processed`) to see the macro's output.");
    return new Value.Str(SymbolicText.symbol("Fn::Transform"), at);
  }

  private static Value truthValue(Truth truth, SourceLocation at) {
    return truth == Truth.UNKNOWN
        ? new Value.Str(SymbolicText.symbol("Condition"), at)
        : new Value.Bool(truth == Truth.TRUE, at);
  }

  private List<Value> arguments(Value.Field call, int count) {
    Value argument = call.value();
    List<Value> list = argument instanceof Value.Seq seq ? seq.items() : List.of();
    if (list.size() < count) {
      problems.add(
          argument.at(),
          call.key() + " takes a list of " + count + " arguments, found " + describe(argument),
          "See the " + call.key() + " syntax in the CloudFormation documentation.");
    }
    return list;
  }

  private static String describe(Value value) {
    return value instanceof Value.Seq seq ? seq.items().size() + " items" : value.kindName();
  }

  // ---------------------------------------------------------------- Ref and GetAtt

  private Value ref(Value argument, SourceLocation at) {
    Optional<String> name = argument.asString();
    if (name.isEmpty()) {
      Value resolved = resolve(argument);
      name = resolved.asString();
      if (name.isEmpty()) {
        problems.add(at, "Ref needs the name of a parameter or resource", "Write Ref: LogicalId.");
        return new Value.Str(SymbolicText.symbol("Ref"), at);
      }
    }
    return refByName(name.get(), at);
  }

  /** What {@code Ref name} evaluates to. */
  Value refByName(String name, SourceLocation at) {
    switch (name) {
      case "AWS::NoValue" -> {
        return NO_VALUE;
      }
      case "AWS::Partition" -> {
        return Value.Str.of(ResourceTypes.PARTITION, at);
      }
      case "AWS::URLSuffix" -> {
        return Value.Str.of("amazonaws.com", at);
      }
      case "AWS::NotificationARNs" -> {
        return new Value.Seq(List.of(new Value.Str(SymbolicText.symbol(name), at)), at);
      }
      default -> {
        // a parameter or a resource
      }
    }
    if (SYMBOLIC_PSEUDO.contains(name)) {
      return new Value.Str(SymbolicText.symbol(name), at);
    }
    Value parameter = parameters.get(name);
    if (parameter != null) {
      return parameter;
    }
    TemplateResource resource = template.resources().get(name);
    if (resource != null) {
      return new Value.Str(refOfResource(resource, at), at);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && template.resources().containsKey(name.substring(0, dot))) {
      // SAM: `!Ref MyFunction.Alias`, `!Ref MyFunction.Version`, `!Ref MyApi.Stage`.
      return new Value.Str(
          samPropertyRef(template.resources().get(name.substring(0, dot)), name.substring(dot + 1)),
          at);
    }
    problems.add(
        at,
        "Ref to " + name + ", which is not a parameter or resource of this template",
        "Declare it, or fix the name; CloudFormation would reject the template.");
    return new Value.Str(SymbolicText.symbol(name), at);
  }

  private SymbolicText samPropertyRef(TemplateResource resource, String property) {
    if (property.equals("Alias")) {
      Optional<String> alias =
          resource.properties().get("AutoPublishAlias").flatMap(Value::asString);
      if (alias.isPresent()) {
        return arnOf(resource).append(SymbolicText.of(":" + alias.get()));
      }
    }
    if (property.equals("Version")) {
      return arnOf(resource)
          .append(SymbolicText.of(":"))
          .append(SymbolicText.symbol(resource.logicalId() + ".Version"));
    }
    return SymbolicText.symbol(resource.logicalId() + "." + property);
  }

  /**
   * The resource whose name, ARN or {@code Ref} value this very text is (not an equal one):
   * references that pass a value through unchanged are traced back without comparing strings.
   */
  Optional<String> ownerOf(SymbolicText text) {
    return Optional.ofNullable(owners.get(text));
  }

  SymbolicText refOfResource(TemplateResource resource, SourceLocation at) {
    SymbolicText known = refs.get(resource.logicalId());
    if (known == null) {
      known = computeRef(resource);
      refs.put(resource.logicalId(), known);
      owners.putIfAbsent(known, resource.logicalId());
    }
    return known;
  }

  private SymbolicText computeRef(TemplateResource resource) {
    Optional<ResourceTypes.Info> info = ResourceTypes.of(resource.type());
    if (info.isEmpty()) {
      return SymbolicText.symbol(resource.logicalId());
    }
    return switch (info.get().ref()) {
      case NAME -> nameOf(resource);
      case ARN -> arnOf(resource);
      case URL ->
          ResourceTypes.urlOf(new ResourceTypes.Facts(resource.logicalId(), nameOf(resource)));
      case ID -> SymbolicText.symbol(resource.logicalId());
    };
  }

  /**
   * The resource's name: its name property when set, else the name CloudFormation generates, which
   * is a symbol named after the logical id.
   */
  /**
   * The attribute that holds the generated name of a resource whose Ref is not its name (a queue's
   * Ref is its URL), so that a name written {@code ${Queue.QueueName}} means the same in a {@code
   * Fn::Sub}.
   */
  private static final Map<String, String> NAME_ATTRIBUTES =
      Map.of(
          "AWS::SQS::Queue", "QueueName",
          "AWS::SNS::Topic", "TopicName",
          "AWS::StepFunctions::StateMachine", "Name",
          "AWS::Serverless::StateMachine", "Name");

  SymbolicText nameOf(TemplateResource resource) {
    SymbolicText known = names.get(resource.logicalId());
    if (known != null) {
      return known;
    }
    String attribute = NAME_ATTRIBUTES.get(resource.type());
    SymbolicText name =
        SymbolicText.symbol(
            attribute == null ? resource.logicalId() : resource.logicalId() + "." + attribute);
    Optional<ResourceTypes.Info> info = ResourceTypes.of(resource.type());
    String property = info.map(ResourceTypes.Info::nameProperty).orElse(null);
    Optional<Value> given =
        property == null ? Optional.empty() : resource.properties().get(property);
    if (given.isPresent()) {
      String key = "Resource:" + resource.logicalId();
      if (chain.contains(key)) {
        problems.add(
            given.get().at(),
            "circular reference: " + describeCycle(key),
            "Break the cycle: a resource's name cannot depend on itself.");
        return name;
      }
      if (chain.size() > MAX_REFERENCE_CHAIN) {
        problems.add(
            given.get().at(),
            "references are chained more than " + MAX_REFERENCE_CHAIN + " deep",
            "Simplify the chain of names that depend on other names.");
        return name;
      }
      chain.push(key);
      try {
        Value resolved = resolve(given.get());
        if (resolved != NO_VALUE) {
          SymbolicText text = resolved.asText().orElse(name);
          if (!text.isEmpty()) {
            name = text;
          }
        }
      } finally {
        chain.pop();
      }
    }
    names.put(resource.logicalId(), name);
    owners.putIfAbsent(name, resource.logicalId());
    return name;
  }

  /** The resource's ARN as CloudFormation would return it from {@code Fn::GetAtt X.Arn}. */
  SymbolicText arnOf(TemplateResource resource) {
    SymbolicText known = arns.get(resource.logicalId());
    if (known != null) {
      return known;
    }
    SymbolicText arn = computeArn(resource);
    arns.put(resource.logicalId(), arn);
    owners.putIfAbsent(arn, resource.logicalId());
    return arn;
  }

  private SymbolicText computeArn(TemplateResource resource) {
    Optional<ResourceTypes.Info> info = ResourceTypes.of(resource.type());
    if (info.isEmpty()) {
      return SymbolicText.symbol(resource.logicalId() + ".Arn");
    }
    ResourceTypes.Facts facts = new ResourceTypes.Facts(resource.logicalId(), nameOf(resource));
    SymbolicText arn = info.get().arn().apply(facts, SymbolicText.empty());
    if (resource.type().equals("AWS::IAM::Role")
        || resource.type().equals("AWS::IAM::ManagedPolicy")) {
      Optional<String> path =
          resource.properties().get("Path").map(this::resolve).flatMap(Value::asString);
      if (path.isPresent() && path.get().length() > 1 && path.get().startsWith("/")) {
        String prefix = resource.type().equals("AWS::IAM::Role") ? ":role/" : ":policy/";
        arn =
            SymbolicText.concat(
                List.of(
                    SymbolicText.of("arn:" + ResourceTypes.PARTITION + ":iam::"),
                    ResourceTypes.ACCOUNT,
                    SymbolicText.of(prefix + path.get().substring(1)),
                    facts.name()));
      }
    }
    return arn;
  }

  private Value getAtt(Value.Field call, SourceLocation at) {
    Value argument = call.value();
    String logicalId;
    String attribute;
    if (argument instanceof Value.Seq seq && seq.items().size() == 2) {
      logicalId = seq.items().get(0).asString().orElse("");
      attribute = resolve(seq.items().get(1)).asString().orElse("");
    } else if (argument.asString().isPresent() && argument.asString().get().contains(".")) {
      String text = argument.asString().get();
      logicalId = text.substring(0, text.indexOf('.'));
      attribute = text.substring(text.indexOf('.') + 1);
    } else {
      problems.add(
          at,
          "Fn::GetAtt takes [LogicalId, Attribute], found " + describe(argument),
          "Write !GetAtt LogicalId.Attribute.");
      return new Value.Str(SymbolicText.symbol("Fn::GetAtt"), at);
    }
    return getAttByName(logicalId, attribute, at);
  }

  Value getAttByName(String logicalId, String attribute, SourceLocation at) {
    TemplateResource resource = template.resources().get(logicalId);
    if (resource == null) {
      problems.add(
          at,
          "Fn::GetAtt of " + logicalId + ", which is not a resource of this template",
          "Declare the resource, or fix the name; CloudFormation would reject the template.");
      return new Value.Str(SymbolicText.symbol(logicalId + "." + attribute), at);
    }
    if (attribute.startsWith("Outputs.")
        && (resource.type().equals("AWS::CloudFormation::Stack")
            || resource.type().equals("AWS::Serverless::Application"))) {
      Optional<Value> output = nested.output(logicalId, attribute.substring("Outputs.".length()));
      if (output.isPresent()) {
        return output.get();
      }
    }
    Optional<ResourceTypes.Info> info = ResourceTypes.of(resource.type());
    if (info.isPresent()) {
      ResourceTypes.Shape shape = info.get().attributes().get(attribute);
      if (shape != null) {
        ResourceTypes.Facts facts = new ResourceTypes.Facts(logicalId, nameOf(resource));
        return new Value.Str(shape.apply(facts, arnOf(resource)), at);
      }
    }
    return new Value.Str(SymbolicText.symbol(logicalId + "." + attribute), at);
  }

  // ---------------------------------------------------------------- string functions

  private Value sub(Value.Field call, SourceLocation at) {
    Value argument = call.value();
    Value pattern;
    Map<String, Value> variables = Map.of();
    if (argument instanceof Value.Seq seq && !seq.items().isEmpty()) {
      pattern = seq.items().get(0);
      if (seq.items().size() > 1 && seq.items().get(1) instanceof Value.Obj map) {
        variables = new HashMap<>();
        for (Value.Field variable : map.fields()) {
          variables.put(variable.key(), variable.value());
        }
      }
    } else {
      pattern = argument;
    }
    Optional<String> text = pattern.asString();
    if (text.isEmpty() && pattern instanceof Value.Str partlyKnown) {
      // A string with values another tool left unknown (a Serverless ${ssm:…}): substitute
      // around them.
      List<SymbolicText.Part> parts = new ArrayList<>();
      for (SymbolicText.Part part : partlyKnown.text().parts()) {
        if (part instanceof SymbolicText.Literal literal) {
          parts.addAll(substitute(literal.text(), variables, pattern.at()).parts());
        } else {
          parts.add(part);
        }
      }
      return new Value.Str(SymbolicText.ofParts(parts), at);
    }
    if (text.isEmpty()) {
      problems.add(
          at, "Fn::Sub needs a string to substitute into", "Write !Sub 'text with ${Name}'.");
      return new Value.Str(SymbolicText.symbol("Fn::Sub"), at);
    }
    if (!variables.isEmpty()) {
      return new Value.Str(substitute(text.get(), variables, pattern.at()), at);
    }
    // Without its own variables a Sub means the same everywhere in the template: work it out once,
    // unless it had something to report, which must be reported where it is written.
    SymbolicText known = substitutions.get(text.get());
    if (known == null) {
      int before = problems.size();
      known = substitute(text.get(), variables, pattern.at());
      if (problems.size() == before) {
        substitutions.put(text.get(), known);
      }
    }
    return new Value.Str(known, at);
  }

  private SymbolicText substitute(String text, Map<String, Value> variables, SourceLocation at) {
    List<SymbolicText.Part> parts = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int open = text.indexOf("${", from);
      int close = open < 0 ? -1 : text.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        parts.add(new SymbolicText.Literal(text.substring(from)));
        break;
      }
      parts.add(new SymbolicText.Literal(text.substring(from, open)));
      String name = text.substring(open + 2, close).trim();
      if (name.startsWith("!")) {
        parts.add(new SymbolicText.Literal("${" + name.substring(1) + "}"));
      } else {
        parts.addAll(variable(name, variables, at).parts());
      }
      from = close + 1;
    }
    return SymbolicText.ofParts(parts);
  }

  private SymbolicText variable(String name, Map<String, Value> variables, SourceLocation at) {
    Value bound = variables.get(name);
    Value value;
    if (bound != null) {
      value = resolve(bound);
    } else if (name.contains(".") && !name.startsWith("AWS::")) {
      int dot = name.indexOf('.');
      String logicalId = name.substring(0, dot);
      if (template.resources().containsKey(logicalId)) {
        value = getAttByName(logicalId, name.substring(dot + 1), at);
      } else {
        value = refByName(name, at);
      }
    } else {
      value = refByName(name, at);
    }
    if (value == NO_VALUE) {
      return SymbolicText.empty();
    }
    Optional<SymbolicText> text = value.asText();
    if (text.isPresent()) {
      return text.get();
    }
    problems.add(
        at,
        "${" + name + "} in Fn::Sub is " + value.kindName() + ", not a string",
        "Only strings can be substituted; use Fn::Join for lists.");
    return SymbolicText.symbol(name);
  }

  private Value join(Value.Field call, SourceLocation at) {
    List<Value> arguments = arguments(call, 2);
    if (arguments.size() != 2) {
      return new Value.Str(SymbolicText.symbol("Fn::Join"), at);
    }
    String delimiter = resolve(arguments.get(0)).asString().orElse("");
    Value list = resolve(arguments.get(1));
    if (!(list instanceof Value.Seq seq)) {
      Optional<SymbolicText> lone = list.asText();
      if (lone.isPresent()) {
        return new Value.Str(lone.get(), at);
      }
      problems.add(at, "Fn::Join needs a list to join, found " + list.kindName(), "Pass a list.");
      return new Value.Str(SymbolicText.symbol("Fn::Join"), at);
    }
    List<SymbolicText> pieces = new ArrayList<>();
    SymbolicText separator = SymbolicText.of(delimiter);
    for (Value item : seq.items()) {
      if (!pieces.isEmpty()) {
        pieces.add(separator);
      }
      pieces.add(
          item.asText()
              .orElseGet(
                  () -> {
                    problems.add(
                        item.at(),
                        "Fn::Join can only join strings, found " + item.kindName(),
                        "Join strings.");
                    return SymbolicText.empty();
                  }));
    }
    return new Value.Str(SymbolicText.concat(pieces), at);
  }

  private Value select(Value.Field call, SourceLocation at) {
    List<Value> arguments = arguments(call, 2);
    if (arguments.size() != 2) {
      return new Value.Str(SymbolicText.symbol("Fn::Select"), at);
    }
    Optional<Long> index = resolve(arguments.get(0)).asLong();
    Value list = resolve(arguments.get(1));
    if (index.isEmpty()) {
      return new Value.Str(SymbolicText.symbol("Fn::Select"), at);
    }
    if (list instanceof Value.Seq seq) {
      if (index.get() < 0 || index.get() >= seq.items().size()) {
        problems.add(
            at,
            "Fn::Select index "
                + index.get()
                + " is out of range for a list of "
                + seq.items().size(),
            "Use an index from 0 to " + (seq.items().size() - 1) + ".");
        return new Value.Str(SymbolicText.symbol("Fn::Select"), at);
      }
      return seq.items().get(index.get().intValue());
    }
    return new Value.Str(SymbolicText.symbol("Fn::Select:" + index.get()), at);
  }

  private Value split(Value.Field call, SourceLocation at) {
    List<Value> arguments = arguments(call, 2);
    if (arguments.size() != 2) {
      return new Value.Str(SymbolicText.symbol("Fn::Split"), at);
    }
    String delimiter = resolve(arguments.get(0)).asString().orElse("");
    Value source = resolve(arguments.get(1));
    Optional<SymbolicText> text = source.asText();
    if (text.isEmpty()) {
      problems.add(
          at, "Fn::Split needs a string to split, found " + source.kindName(), "Pass a string.");
      return new Value.Seq(List.of(), at);
    }
    List<Value> items = new ArrayList<>();
    for (SymbolicText piece : text.get().split(delimiter)) {
      items.add(new Value.Str(piece, at));
    }
    return new Value.Seq(items, at);
  }

  private Value ifThen(Value.Field call, SourceLocation at) {
    List<Value> arguments = arguments(call, 3);
    if (arguments.size() != 3) {
      return new Value.Str(SymbolicText.symbol("Fn::If"), at);
    }
    Optional<String> name = arguments.get(0).asString();
    Truth truth =
        name.isPresent() ? condition(name.get(), arguments.get(0).at()) : truth(arguments.get(0));
    // An unknown condition takes the first branch: the one a template usually guards with it.
    return resolve(arguments.get(truth == Truth.FALSE ? 2 : 1));
  }

  private Value findInMap(Value.Field call, SourceLocation at) {
    List<Value> arguments = arguments(call, 3);
    if (arguments.size() < 3) {
      return new Value.Str(SymbolicText.symbol("Fn::FindInMap"), at);
    }
    Optional<Value> fallback =
        arguments.size() > 3
            ? arguments.get(3).asObj().flatMap(o -> o.get("DefaultValue"))
            : Optional.empty();
    Optional<String> mapName = resolve(arguments.get(0)).asString();
    Optional<String> topKey = resolve(arguments.get(1)).asString();
    Optional<String> secondKey = resolve(arguments.get(2)).asString();
    Optional<Value.Obj> map = mapName.flatMap(n -> template.mappings().obj(n));
    if (mapName.isPresent() && map.isEmpty()) {
      if (fallback.isPresent()) {
        return resolve(fallback.get());
      }
      problems.add(at, "mapping " + mapName.get() + " is not defined", "Define it under Mappings.");
      return new Value.Str(SymbolicText.symbol("Fn::FindInMap"), at);
    }
    if (map.isEmpty() || secondKey.isEmpty()) {
      return fallback
          .map(this::resolve)
          .orElseGet(() -> new Value.Str(SymbolicText.symbol("Fn::FindInMap"), at));
    }
    if (topKey.isEmpty()) {
      // The top key is unknown (often the region): when every entry agrees, that is the answer.
      Value agreed = null;
      for (Value.Field entry : map.get().fields()) {
        Optional<Value> candidate = entry.value().asObj().flatMap(o -> o.get(secondKey.get()));
        if (candidate.isEmpty() || (agreed != null && !sameScalar(agreed, candidate.get()))) {
          return new Value.Str(
              SymbolicText.symbol("Fn::FindInMap:" + mapName.get() + "." + secondKey.get()), at);
        }
        agreed = candidate.get();
      }
      return agreed == null
          ? new Value.Str(SymbolicText.symbol("Fn::FindInMap"), at)
          : resolve(agreed);
    }
    Optional<Value> found = map.get().obj(topKey.get()).flatMap(o -> o.get(secondKey.get()));
    if (found.isPresent()) {
      return resolve(found.get());
    }
    if (fallback.isPresent()) {
      return resolve(fallback.get());
    }
    problems.add(
        at,
        "mapping " + mapName.get() + " has no entry " + topKey.get() + "." + secondKey.get(),
        "Add the entry, or give Fn::FindInMap a DefaultValue.");
    return new Value.Str(SymbolicText.symbol("Fn::FindInMap"), at);
  }

  private static boolean sameScalar(Value a, Value b) {
    return a.asText().isPresent() && a.asText().equals(b.asText());
  }

  private static Value getAZs(SourceLocation at) {
    List<Value> zones = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      zones.add(new Value.Str(SymbolicText.symbol("Fn::GetAZs." + i), at));
    }
    return new Value.Seq(zones, at);
  }

  private Value base64(Value argument, SourceLocation at) {
    SymbolicText text = text(argument);
    Optional<String> concrete = text.concrete();
    if (concrete.isPresent()) {
      return Value.Str.of(
          Base64.getEncoder().encodeToString(concrete.get().getBytes(StandardCharsets.UTF_8)), at);
    }
    return new Value.Str(SymbolicText.symbol("Fn::Base64"), at);
  }

  private static Value toJsonString(Value value, SourceLocation at) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      writeJson(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Value.Str.of(out.toString(), at);
  }

  private static void writeJson(JsonGenerator json, Value value) throws IOException {
    if (value instanceof Value.Obj obj) {
      json.writeStartObject();
      for (Value.Field field : obj.fields()) {
        json.writeFieldName(field.key());
        writeJson(json, field.value());
      }
      json.writeEndObject();
    } else if (value instanceof Value.Seq seq) {
      json.writeStartArray();
      for (Value item : seq.items()) {
        writeJson(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Value.Num num) {
      json.writeNumber(num.lexeme());
    } else if (value instanceof Value.Bool bool) {
      json.writeBoolean(bool.value());
    } else if (value instanceof Value.Nil) {
      json.writeNull();
    } else if (value instanceof Value.Str str) {
      json.writeString(str.text().toString());
    }
  }

  private String describeCycle(String key) {
    List<String> names = new ArrayList<>();
    boolean inCycle = false;
    List<String> order = new ArrayList<>(chain);
    Collections.reverse(order);
    for (String entry : order) {
      if (entry.equals(key)) {
        inCycle = true;
      }
      if (inCycle) {
        names.add(entry.substring(entry.indexOf(':') + 1));
      }
    }
    names.add(key.substring(key.indexOf(':') + 1));
    return String.join(" → ", names);
  }
}
