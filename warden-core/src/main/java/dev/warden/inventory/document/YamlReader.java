package dev.warden.inventory.document;

import dev.warden.inventory.InputError;
import dev.warden.inventory.InputProblem;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds a value tree straight from SnakeYAML Engine's parser events (no intermediate node tree),
 * counting nodes and depth as it goes. CloudFormation's short-form tags become the long form:
 * {@code !Ref X} is read as {@code {Ref: X}}, {@code !GetAtt A.B} as {@code {Fn::GetAtt: [A, B]}},
 * and any other {@code !Name} as {@code {Fn::Name: …}}.
 */
final class YamlReader {

  private static final ScalarResolver SCALARS = new CoreScalarResolver(true);
  private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

  private final ReadLimits limits;

  YamlReader(ReadLimits limits) {
    this.limits = limits;
  }

  Document read(SourceFile source) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source.displayPath())
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
            .setUseMarks(true)
            .build();
    Builder builder = new Builder(source.displayPath());
    try {
      Iterator<Event> events = new Parse(settings).parseString(source.text()).iterator();
      while (events.hasNext()) {
        if (builder.accept(events.next())) {
          builder.noteFollowingDocument(events);
          break;
        }
      }
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(source.displayPath(), e);
    } catch (YamlEngineException e) {
      throw new InputError(
          SourceLocation.ofFile(source.displayPath()),
          "YAML error: " + e.getMessage(),
          "Fix the YAML; `python3 -c 'import yaml,sys; yaml.safe_load(open(sys.argv[1]))' FILE`"
              + " shows the same position.",
          e);
    }
    return builder.document();
  }

  private static InputError syntaxError(String file, MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    SourceLocation at =
        mark.map(m -> SourceLocation.of(file, m.getLine() + 1, m.getColumn() + 1))
            .orElse(SourceLocation.ofFile(file));
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext();
    String message =
        context == null || context.isBlank()
            ? "YAML syntax error: " + problem
            : "YAML syntax error " + context + ": " + problem;
    return new InputError(
        at,
        message,
        "Fix the YAML at that position (indentation and unquoted ':' or '#' are the usual"
            + " causes).",
        e);
  }

  /** A collection being built. */
  private static final class Frame {
    final boolean mapping;
    final SourceLocation at;
    final @Nullable String tag;
    final @Nullable Anchor anchor;
    final long nodesAtStart;
    final List<Value> items = new ArrayList<>();
    final List<Value.Field> fields = new ArrayList<>();
    @Nullable Map<String, Integer> keyIndex;
    @Nullable String pendingKey;
    @Nullable SourceLocation pendingKeyAt;

    Frame(
        boolean mapping,
        SourceLocation at,
        @Nullable String tag,
        @Nullable Anchor anchor,
        long nodesAtStart) {
      this.mapping = mapping;
      this.at = at;
      this.tag = tag;
      this.anchor = anchor;
      this.nodesAtStart = nodesAtStart;
    }
  }

  private record Anchored(Value value, long nodes) {}

  private final class Builder {
    private final String file;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<Anchor, Anchored> anchors = new HashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private @Nullable Value root;
    private long nodes;

    Builder(String file) {
      this.file = file;
    }

    /** Takes one event; true when the first document is complete and reading can stop. */
    boolean accept(Event event) {
      switch (event.getEventId()) {
        case DocumentEnd -> {
          return root != null;
        }
        case Scalar -> scalar((ScalarEvent) event);
        case MappingStart -> start((CollectionStartEvent) event, true);
        case SequenceStart -> start((CollectionStartEvent) event, false);
        case MappingEnd, SequenceEnd -> end();
        case Alias -> alias((AliasEvent) event);
        default -> {
          // stream start/end and comments carry nothing for us
        }
      }
      return false;
    }

    /** Only the first document is read; one more after it is worth a word to the user. */
    void noteFollowingDocument(Iterator<Event> events) {
      SourceLocation at = SourceLocation.ofFile(file);
      try {
        if (!events.hasNext()) {
          return;
        }
        Event next = events.next();
        if (next.getEventId() != Event.ID.DocumentStart) {
          return;
        }
        at = at(next);
      } catch (YamlEngineException e) {
        // The rest is not read; that it is malformed does not matter.
      }
      problems.add(
          new InputProblem(
              at,
              "the file holds more than one YAML document; only the first is read",
              "Split the documents into separate files."));
    }

    Document document() {
      Value value = root;
      if (value == null) {
        throw new InputError(
            SourceLocation.ofFile(file),
            "the file is empty",
            "An empty file is not a template; leave it out of the scan or fill it in.");
      }
      return new Document(value, problems);
    }

    private SourceLocation at(Event event) {
      Optional<Mark> mark = event.getStartMark();
      return mark.isPresent()
          ? SourceLocation.of(file, mark.get().getLine() + 1, mark.get().getColumn() + 1)
          : SourceLocation.ofFile(file);
    }

    private void count(Event event) {
      nodes++;
      if (nodes > limits.maxNodes()) {
        throw tooManyNodes(event);
      }
    }

    private InputError tooManyNodes(Event event) {
      return new InputError(
          at(event),
          "the document has more than "
              + limits.maxNodes()
              + " nodes once its aliases are expanded (a 'billion laughs' document?)",
          "If it is a real input, raise the limit with " + ReadLimits.NODES_OPTION + ".");
    }

    private void scalar(ScalarEvent event) {
      count(event);
      SourceLocation at = at(event);
      Frame parent = stack.peek();
      if (parent != null && parent.mapping && parent.pendingKey == null) {
        if (event.getTag().filter(t -> !t.startsWith(YAML_TAG_PREFIX)).isPresent()) {
          throw new InputError(
              at,
              "a mapping key has the tag " + event.getTag().get(),
              "Keys must be plain strings; remove the tag.");
        }
        parent.pendingKey = event.getValue();
        parent.pendingKeyAt = at;
        event.getAnchor().ifPresent(a -> anchors.put(a, new Anchored(scalarValue(event, at), 1)));
        return;
      }
      Value value = tagged(event.getTag().orElse(null), scalarValue(event, at), at);
      event.getAnchor().ifPresent(a -> anchors.put(a, new Anchored(value, 1)));
      add(value, at);
    }

    private Value scalarValue(ScalarEvent event, SourceLocation at) {
      String text = event.getValue();
      Optional<String> explicit = event.getTag().filter(t -> t.startsWith(YAML_TAG_PREFIX));
      Tag tag;
      if (explicit.isPresent()) {
        tag = new Tag(explicit.get());
      } else if (event.isPlain() && mayBeNonString(text)) {
        tag = SCALARS.resolve(text, true);
      } else {
        tag = Tag.STR;
      }
      if (tag.equals(Tag.NULL)) {
        return new Value.Nil(at);
      }
      if (tag.equals(Tag.BOOL)) {
        return new Value.Bool(text.equalsIgnoreCase("true"), at);
      }
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        return new Value.Num(text, at);
      }
      return Value.Str.of(text, at);
    }

    /**
     * False for plain scalars that the YAML 1.2 core schema can only read as strings, so that
     * SnakeYAML's regular expressions run only where a null, boolean or number is possible: those
     * start with a digit, sign, dot or tilde, or are a word of at most five letters (null, true,
     * false in their three spellings).
     */
    private boolean mayBeNonString(String text) {
      if (text.isEmpty()) {
        return true;
      }
      char first = text.charAt(0);
      if ((first >= '0' && first <= '9')
          || first == '-'
          || first == '+'
          || first == '.'
          || first == '~') {
        return true;
      }
      return text.length() <= 5 && "nNtTfF".indexOf(first) >= 0;
    }

    private void start(CollectionStartEvent event, boolean mapping) {
      count(event);
      SourceLocation at = at(event);
      Frame parent = stack.peek();
      if (parent != null && parent.mapping && parent.pendingKey == null) {
        throw new InputError(
            at,
            "a mapping key is itself a " + (mapping ? "mapping" : "list"),
            "Keys must be plain strings.");
      }
      if (stack.size() >= limits.maxDepth()) {
        throw new InputError(
            at,
            "the document is nested more than " + limits.maxDepth() + " levels deep",
            "If it is a real input, raise the limit with " + ReadLimits.DEPTH_OPTION + ".");
      }
      stack.push(
          new Frame(
              mapping,
              at,
              event.getTag().orElse(null),
              ((NodeEvent) event).getAnchor().orElse(null),
              nodes));
    }

    private void end() {
      Frame frame = stack.pop();
      Value value =
          frame.mapping
              ? new Value.Obj(frame.fields, frame.at)
              : new Value.Seq(frame.items, frame.at);
      value = tagged(frame.tag, value, frame.at);
      if (frame.anchor != null) {
        anchors.put(frame.anchor, new Anchored(value, nodes - frame.nodesAtStart + 1));
      }
      add(value, frame.at);
    }

    private void alias(AliasEvent event) {
      Anchored anchored = anchors.get(event.getAlias());
      SourceLocation at = at(event);
      if (anchored == null) {
        throw new InputError(
            at,
            "alias *" + event.getAlias().getValue() + " refers to no anchor",
            "Define the anchor (&" + event.getAlias().getValue() + ") before using it.");
      }
      nodes += anchored.nodes();
      if (nodes > limits.maxNodes()) {
        throw tooManyNodes(event);
      }
      Frame parent = stack.peek();
      if (parent != null && parent.mapping && parent.pendingKey == null) {
        Optional<String> key = anchored.value().asString();
        if (key.isEmpty()) {
          throw new InputError(
              at, "a mapping key is an alias of a collection", "Keys must be plain strings.");
        }
        parent.pendingKey = key.get();
        parent.pendingKeyAt = at;
        return;
      }
      add(anchored.value(), at);
    }

    private void add(Value value, SourceLocation at) {
      Frame parent = stack.peek();
      if (parent == null) {
        root = value;
        return;
      }
      if (!parent.mapping) {
        parent.items.add(value);
        return;
      }
      String key = parent.pendingKey;
      SourceLocation keyAt = parent.pendingKeyAt;
      parent.pendingKey = null;
      parent.pendingKeyAt = null;
      if (key == null || keyAt == null) {
        throw new IllegalStateException("value without key in mapping at " + at);
      }
      if (key.equals("<<")) {
        merge(parent, value, keyAt);
        return;
      }
      put(parent, new Value.Field(key, keyAt, value));
    }

    private void put(Frame frame, Value.Field field) {
      Map<String, Integer> index = frame.keyIndex;
      if (index == null && frame.fields.size() >= 8) {
        index = new HashMap<>();
        for (int i = 0; i < frame.fields.size(); i++) {
          index.put(frame.fields.get(i).key(), i);
        }
        frame.keyIndex = index;
      }
      int existing = -1;
      if (index != null) {
        existing = index.getOrDefault(field.key(), -1);
      } else {
        for (int i = 0; i < frame.fields.size(); i++) {
          if (frame.fields.get(i).key().equals(field.key())) {
            existing = i;
            break;
          }
        }
      }
      if (existing >= 0) {
        Value.Field first = frame.fields.get(existing);
        problems.add(
            new InputProblem(
                field.keyAt(),
                "duplicate key '"
                    + field.key()
                    + "' (first at line "
                    + first.keyAt().line()
                    + "); the last one is used",
                "Remove one of them: CloudFormation rejects templates with duplicate keys."));
        frame.fields.set(existing, field);
        return;
      }
      if (index != null) {
        index.put(field.key(), frame.fields.size());
      }
      frame.fields.add(field);
    }

    /** YAML 1.1 merge keys: fields of the merged mappings that the mapping does not set itself. */
    private void merge(Frame frame, Value merged, SourceLocation at) {
      List<Value> sources = merged instanceof Value.Seq seq ? seq.items() : List.of(merged);
      for (Value source : sources) {
        if (!(source instanceof Value.Obj obj)) {
          throw new InputError(
              at, "'<<' merges " + source.kindName() + ", not a mapping", "Merge only mappings.");
        }
        for (Value.Field field : obj.fields()) {
          boolean present = frame.fields.stream().anyMatch(f -> f.key().equals(field.key()));
          if (!present) {
            frame.fields.add(field);
            if (frame.keyIndex != null) {
              frame.keyIndex.put(field.key(), frame.fields.size() - 1);
            }
          }
        }
      }
    }
  }

  /** CloudFormation short forms become the long form; YAML core tags were applied already. */
  private static Value tagged(@Nullable String tag, Value value, SourceLocation at) {
    if (tag == null || tag.startsWith(YAML_TAG_PREFIX) || !tag.startsWith("!")) {
      return value;
    }
    String name = tag.substring(1);
    String function;
    Value argument = value;
    switch (name) {
      case "Ref" -> function = "Ref";
      case "Condition" -> function = "Condition";
      case "GetAtt" -> {
        function = "Fn::GetAtt";
        if (value instanceof Value.Str str && str.text().concrete().isPresent()) {
          String text = str.text().concrete().get();
          int dot = text.indexOf('.');
          argument =
              dot < 0
                  ? value
                  : new Value.Seq(
                      List.of(
                          Value.Str.of(text.substring(0, dot), at),
                          Value.Str.of(text.substring(dot + 1), at)),
                      at);
        }
      }
      default -> function = "Fn::" + name;
    }
    return new Value.Obj(List.of(new Value.Field(function, at, argument)), at);
  }
}
