package dev.warden.code.javascript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits JavaScript/TypeScript into names, strings, template literals, numbers, regular expressions
 * and one-character operators; comments are dropped. A slash starts a regular expression where an
 * expression may start (after an operator or a keyword such as {@code return}), and is division
 * after a name, a number or a closing bracket. Never fails: an unterminated string or comment ends
 * at the end of the source.
 */
final class JsTokenizer {

  private static final Set<String> BEFORE_EXPRESSION =
      Set.of(
          "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw");

  private final String source;
  private final List<JsToken> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private JsTokenizer(String source) {
    this.source = source;
  }

  static List<JsToken> tokenize(String source) {
    JsTokenizer tokenizer = new JsTokenizer(source);
    tokenizer.run();
    return tokenizer.tokens;
  }

  private void run() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (source.startsWith("//", pos)) {
        while (pos < source.length() && source.charAt(pos) != '\n') {
          pos++;
        }
      } else if (source.startsWith("/*", pos)) {
        int end = source.indexOf("*/", pos + 2);
        skipTo(end < 0 ? source.length() : end + 2);
      } else if (c == '"' || c == '\'') {
        quoted(c, JsToken.Kind.STRING);
      } else if (c == '`') {
        quoted('`', JsToken.Kind.TEMPLATE);
      } else if (c == '/' && regexAllowed()) {
        regex();
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = pos;
        while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
          pos++;
        }
        add(JsToken.Kind.NAME, source.substring(start, pos), start);
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < source.length()
            && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
          pos++;
        }
        add(JsToken.Kind.NUMBER, source.substring(start, pos), start);
      } else {
        add(JsToken.Kind.OP, String.valueOf(c), pos);
        pos++;
      }
    }
  }

  private boolean regexAllowed() {
    if (tokens.isEmpty()) {
      return true;
    }
    JsToken last = tokens.get(tokens.size() - 1);
    return switch (last.kind()) {
      case NAME -> BEFORE_EXPRESSION.contains(last.text());
      case NUMBER, STRING, TEMPLATE, REGEX -> false;
      case OP -> !(last.is(")") || last.is("]") || last.is("}"));
    };
  }

  private void regex() {
    int start = pos;
    int startLine = line;
    int column = pos - lineStart + 1;
    pos++;
    boolean inClass = false;
    while (pos < source.length() && source.charAt(pos) != '\n') {
      char c = source.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        pos++;
        break;
      }
      pos++;
    }
    while (pos < source.length() && Character.isLetter(source.charAt(pos))) {
      pos++;
    }
    tokens.add(
        new JsToken(
            JsToken.Kind.REGEX,
            source.substring(start, Math.min(pos, source.length())),
            startLine,
            column));
  }

  private void quoted(char quote, JsToken.Kind kind) {
    int startLine = line;
    int column = pos - lineStart + 1;
    pos++;
    int start = pos;
    int depth = 0;
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (kind == JsToken.Kind.TEMPLATE && source.startsWith("${", pos)) {
        depth++;
        pos += 2;
        continue;
      }
      if (kind == JsToken.Kind.TEMPLATE && c == '}' && depth > 0) {
        depth--;
      } else if (c == quote && depth == 0) {
        break;
      } else if (c == '\n') {
        if (kind != JsToken.Kind.TEMPLATE) {
          break;
        }
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
    String text = source.substring(start, Math.min(pos, source.length()));
    if (pos < source.length() && source.charAt(pos) == quote) {
      pos++;
    }
    tokens.add(new JsToken(kind, text, startLine, column));
  }

  private void skipTo(int end) {
    while (pos < end) {
      if (source.charAt(pos) == '\n') {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
  }

  private void add(JsToken.Kind kind, String text, int start) {
    tokens.add(new JsToken(kind, text, line, start - lineStart + 1));
  }
}
