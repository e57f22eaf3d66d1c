package dev.warden.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A string that may hold values unknown until deployment (the account, the region, a generated
 * name). Known text and unknown values are kept apart as typed parts, so an unknown value can never
 * be read as an IAM policy variable. Written in CloudFormation {@code Sub} syntax: {@code
 * arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${OrdersQueue}}.
 */
public record SymbolicText(List<Part> parts) {

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

  private static final SymbolicText EMPTY = new SymbolicText(List.of());

  public SymbolicText {
    parts = normalise(parts);
  }

  public static SymbolicText of(String text) {
    return text.isEmpty() ? EMPTY : new SymbolicText(List.of(new Literal(text)));
  }

  public static SymbolicText symbol(String name) {
    return new SymbolicText(List.of(new Symbol(name)));
  }

  public static SymbolicText empty() {
    return EMPTY;
  }

  /** The pieces one after the other. */
  public static SymbolicText concat(List<SymbolicText> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    List<Part> all = new ArrayList<>();
    for (SymbolicText piece : pieces) {
      all.addAll(piece.parts);
    }
    return new SymbolicText(all);
  }

  public SymbolicText append(SymbolicText other) {
    return concat(List.of(this, other));
  }

  /** True when no part is unknown. */
  public boolean isConcrete() {
    for (Part part : parts) {
      if (part instanceof Symbol) {
        return false;
      }
    }
    return true;
  }

  /** The text when it is fully known. */
  public Optional<String> concrete() {
    if (parts.isEmpty()) {
      return Optional.of("");
    }
    if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
      return Optional.of(literal.text());
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Names of the unknown values, in order of appearance. */
  public List<String> symbols() {
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Symbol symbol) {
        names.add(symbol.name());
      }
    }
    return names;
  }

  /** True when this text holds the named unknown value. */
  public boolean hasSymbol(String name) {
    for (Part part : parts) {
      if (part instanceof Symbol symbol && symbol.name().equals(name)) {
        return true;
      }
    }
    return false;
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
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        String text = literal.text();
        int from = 0;
        int at;
        while ((at = text.indexOf(delimiter, from)) >= 0) {
          current.add(new Literal(text.substring(from, at)));
          pieces.add(new SymbolicText(current));
          current = new ArrayList<>();
          from = at + delimiter.length();
        }
        current.add(new Literal(text.substring(from)));
      } else {
        current.add(part);
      }
    }
    pieces.add(new SymbolicText(current));
    return pieces;
  }

  /** The text in CloudFormation {@code Sub} syntax. */
  @Override
  public String toString() {
    if (parts.size() == 1 && parts.get(0) instanceof Literal literal) {
      return literal.text();
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Symbol symbol) {
        out.append("${").append(symbol.name()).append('}');
      }
    }
    return out.toString();
  }

  private static List<Part> normalise(List<Part> parts) {
    if (parts.size() == 1) {
      Part only = parts.get(0);
      if (only instanceof Literal literal && literal.text().isEmpty()) {
        return List.of();
      }
      return List.of(only);
    }
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
