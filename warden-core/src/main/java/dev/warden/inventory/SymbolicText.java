package dev.warden.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A string that may hold values unknown until deployment (the account, the region, a generated
 * name). Known text and unknown values are kept apart as typed parts, so an unknown value can never
 * be read as an IAM policy variable. Written in CloudFormation {@code Sub} syntax: {@code
 * arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${OrdersQueue}}.
 *
 * <p>Immutable, with value equality. Not a record because nearly every string Warden reads is fully
 * known: those hold just their text, and the list of parts exists only for the others.
 */
public final class SymbolicText {

  /** One run of known text or one unknown value. */
  public sealed interface Part {}

  /** Text known before deployment. */
  public record Literal(String text) implements Part {}

  /**
   * A value known only at deployment: a pseudo parameter ({@code AWS::AccountId}), a parameter
   * without a default, a generated resource name ({@code OrdersTable}) or attribute ({@code
   * OrdersTable.StreamArn}).
   */
  public record Symbol(String name) implements Part {}

  private static final SymbolicText EMPTY = new SymbolicText("", null);

  /** The whole text when it is fully known; otherwise null and {@link #parts} holds it. */
  private final @Nullable String known;

  /** Normalised parts (no empty literal, no two literals in a row) when something is unknown. */
  private final @Nullable List<Part> parts;

  /** The written form of a symbolic text, made on first use (a benign race: same value). */
  private @Nullable String written;

  private SymbolicText(@Nullable String known, @Nullable List<Part> parts) {
    this.known = known;
    this.parts = parts;
  }

  public static SymbolicText of(String text) {
    return text.isEmpty() ? EMPTY : new SymbolicText(text, null);
  }

  public static SymbolicText symbol(String name) {
    return new SymbolicText(null, List.of(new Symbol(name)));
  }

  public static SymbolicText empty() {
    return EMPTY;
  }

  /** Text made of these parts, in order. */
  public static SymbolicText ofParts(List<Part> parts) {
    List<Part> normal = normalise(parts);
    if (normal.isEmpty()) {
      return EMPTY;
    }
    if (normal.size() == 1 && normal.get(0) instanceof Literal literal) {
      return new SymbolicText(literal.text(), null);
    }
    return new SymbolicText(null, normal);
  }

  /** The pieces one after the other. */
  public static SymbolicText concat(List<SymbolicText> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    boolean allKnown = true;
    for (int i = 0; i < pieces.size() && allKnown; i++) {
      allKnown = pieces.get(i).known != null;
    }
    if (allKnown) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < pieces.size(); i++) {
        text.append(pieces.get(i).known);
      }
      return of(text.toString());
    }
    List<Part> all = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      all.addAll(pieces.get(i).parts());
    }
    return ofParts(all);
  }

  public SymbolicText append(SymbolicText other) {
    return concat(List.of(this, other));
  }

  /** The parts: one literal for known text, none for the empty text. */
  public List<Part> parts() {
    if (parts != null) {
      return parts;
    }
    String text = Objects.requireNonNull(known);
    return text.isEmpty() ? List.of() : List.of(new Literal(text));
  }

  /** True when no part is unknown. */
  public boolean isConcrete() {
    return known != null;
  }

  /** The text when it is fully known. */
  public Optional<String> concrete() {
    return Optional.ofNullable(known);
  }

  public boolean isEmpty() {
    return known != null && known.isEmpty();
  }

  /** Names of the unknown values, in order of appearance. */
  public List<String> symbols() {
    if (parts == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof Symbol symbol) {
        names.add(symbol.name());
      }
    }
    return names;
  }

  /**
   * Splits at each occurrence of {@code delimiter} in the known text. Unknown values are assumed
   * not to contain the delimiter, which holds for the pseudo parameters and generated names this is
   * used on ({@code Fn::Split} of an ARN by {@code :}).
   */
  public List<SymbolicText> split(String delimiter) {
    if (delimiter.isEmpty()) {
      return List.of(this);
    }
    List<SymbolicText> pieces = new ArrayList<>();
    List<Part> current = new ArrayList<>();
    for (Part part : parts()) {
      if (part instanceof Literal literal) {
        String text = literal.text();
        int from = 0;
        int at;
        while ((at = text.indexOf(delimiter, from)) >= 0) {
          current.add(new Literal(text.substring(from, at)));
          pieces.add(ofParts(current));
          current = new ArrayList<>();
          from = at + delimiter.length();
        }
        current.add(new Literal(text.substring(from)));
      } else {
        current.add(part);
      }
    }
    pieces.add(ofParts(current));
    return pieces;
  }

  /** The text in CloudFormation {@code Sub} syntax. */
  @Override
  public String toString() {
    if (known != null) {
      return known;
    }
    String cached = written;
    if (cached != null) {
      return cached;
    }
    StringBuilder out = new StringBuilder();
    for (Part part : Objects.requireNonNull(parts)) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Symbol symbol) {
        out.append("${").append(symbol.name()).append('}');
      }
    }
    cached = out.toString();
    written = cached;
    return cached;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SymbolicText that)) {
      return false;
    }
    return Objects.equals(known, that.known) && Objects.equals(parts, that.parts);
  }

  @Override
  public int hashCode() {
    return known != null ? known.hashCode() : Objects.requireNonNull(parts).hashCode();
  }

  private static List<Part> normalise(List<Part> parts) {
    if (parts.isEmpty()) {
      return List.of();
    }
    List<Part> merged = new ArrayList<>(parts.size());
    StringBuilder pending = null;
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        if (literal.text().isEmpty()) {
          continue;
        }
        if (pending == null) {
          pending = new StringBuilder();
        }
        pending.append(literal.text());
      } else {
        if (pending != null) {
          merged.add(new Literal(pending.toString()));
          pending = null;
        }
        merged.add(part);
      }
    }
    if (pending != null) {
      merged.add(new Literal(pending.toString()));
    }
    return List.copyOf(merged);
  }
}
