package dev.warden.inventory.sam;

import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SAM policy templates ({@code DynamoDBCrudPolicy}, {@code S3ReadPolicy}…), bundled from the
 * official list in aws/serverless-application-model (Apache-2.0, see {@code
 * policy_templates.NOTICE}), and their expansion into the statements SAM would write.
 */
final class PolicyTemplates {

  private static final String RESOURCE = "policy_templates.json";

  private static final class Holder {
    static final PolicyTemplates BUNDLED = load();
  }

  private final Value.Obj templates;

  private PolicyTemplates(Value.Obj templates) {
    this.templates = templates;
  }

  static PolicyTemplates bundled() {
    return Holder.BUNDLED;
  }

  boolean has(String name) {
    return templates.has(name);
  }

  List<String> names() {
    return templates.keys();
  }

  /**
   * The policy document a template expands to, with intrinsics left for the caller's resolver.
   * Missing parameters are reported and become symbols named after them.
   */
  Optional<Value> expand(String name, Value.Obj parameters, SourceLocation at, Problems problems) {
    Optional<Value.Obj> template = templates.obj(name);
    if (template.isEmpty()) {
      return Optional.empty();
    }
    Value.Obj declared = Props.obj(template.get(), "Parameters");
    for (String parameter : declared.keys()) {
      if (!parameters.has(parameter)) {
        problems.add(
            at,
            "SAM policy template " + name + " needs the parameter " + parameter,
            "Write " + name + ": {" + parameter + ": …}; SAM would reject the template.");
      }
    }
    Value definition = template.get().get("Definition").orElseThrow();
    return Optional.of(substitute(definition, declared, parameters, at));
  }

  /** Replaces {@code Ref: Parameter} by the given values and moves every node to {@code at}. */
  private static Value substitute(
      Value value, Value.Obj declared, Value.Obj given, SourceLocation at) {
    if (value instanceof Value.Obj obj) {
      if (obj.fields().size() == 1 && obj.fields().get(0).key().equals("Ref")) {
        Optional<String> name = obj.fields().get(0).value().asString();
        if (name.isPresent() && declared.has(name.get())) {
          return given.get(name.get()).orElse(new Value.Str(SymbolicText.symbol(name.get()), at));
        }
      }
      List<Value.Field> fields = new ArrayList<>();
      for (Value.Field field : obj.fields()) {
        fields.add(
            new Value.Field(field.key(), at, substitute(field.value(), declared, given, at)));
      }
      return new Value.Obj(fields, at);
    }
    if (value instanceof Value.Seq seq) {
      List<Value> items = new ArrayList<>();
      for (Value item : seq.items()) {
        items.add(substitute(item, declared, given, at));
      }
      return new Value.Seq(items, at);
    }
    if (value instanceof Value.Str str) {
      return new Value.Str(str.text(), at);
    }
    if (value instanceof Value.Num num) {
      return new Value.Num(num.lexeme(), at);
    }
    if (value instanceof Value.Bool bool) {
      return new Value.Bool(bool.value(), at);
    }
    return new Value.Nil(at);
  }

  private static PolicyTemplates load() {
    try (InputStream in = PolicyTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
      }
      String text = SourceFile.decode(in.readAllBytes(), SourceLocation.ofFile(RESOURCE));
      Value root =
          new DocumentReader(ReadLimits.DEFAULT).parse(new SourceFile(RESOURCE, text)).root();
      return new PolicyTemplates(((Value.Obj) root).obj("Templates").orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
