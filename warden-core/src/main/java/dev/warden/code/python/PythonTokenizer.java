package dev.warden.code.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into names, strings, numbers, operators and logical line ends. Comments are
 * dropped; newlines inside brackets and after a backslash join lines; string prefixes (r, b, f, u
 * and their pairs) and triple quotes are understood. A string's text is its source text between the
 * quotes: escapes are left as written, which is enough for the names and keys Warden reads. Never
 * fails: an unterminated string ends at the end of the source.
 */
final class PythonTokenizer {

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;

  private PythonTokenizer(String source) {
    this.source = source;
  }

  static List<Token> tokenize(String source) {
    PythonTokenizer tokenizer = new PythonTokenizer(source);
    tokenizer.run();
    return tokenizer.tokens;
  }

  private void run() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\n') {
        newline();
        pos++;
        line++;
        lineStart = pos;
      } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
        lineStart = pos;
      } else if (c == '#') {
        while (pos < source.length() && source.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (isStringStart()) {
        string();
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = pos;
        while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
          pos++;
        }
        add(Token.Kind.NAME, source.substring(start, pos), start);
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < source.length()
            && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
          pos++;
        }
        add(Token.Kind.NUMBER, source.substring(start, pos), start);
      } else {
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        add(Token.Kind.OP, String.valueOf(c), pos);
        pos++;
      }
    }
    newline();
  }

  private void newline() {
    if (depth == 0
        && !tokens.isEmpty()
        && tokens.get(tokens.size() - 1).kind() != Token.Kind.NEWLINE) {
      tokens.add(new Token(Token.Kind.NEWLINE, "", line, pos - lineStart + 1));
    }
  }

  /** A quote, or a prefix of up to two letters among r, b, f, u followed by a quote. */
  private boolean isStringStart() {
    int i = pos;
    while (i < source.length() && i - pos < 2 && "rRbBfFuU".indexOf(source.charAt(i)) >= 0) {
      i++;
    }
    return i < source.length()
        && (source.charAt(i) == '\'' || source.charAt(i) == '"')
        && (i == pos || !Character.isJavaIdentifierPart(previous()));
  }

  private char previous() {
    return pos == 0 ? ' ' : source.charAt(pos - 1);
  }

  private void string() {
    int start = pos;
    int startLine = line;
    int startColumn = pos - lineStart + 1;
    while ("rRbBfFuU".indexOf(source.charAt(pos)) >= 0) {
      pos++;
    }
    boolean raw = source.substring(start, pos).toLowerCase(java.util.Locale.ROOT).contains("r");
    char quote = source.charAt(pos);
    boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
    String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    pos += close.length();
    int contentStart = pos;
    while (pos < source.length() && !source.startsWith(close, pos)) {
      char c = source.charAt(pos);
      if (c == '\\' && !raw && pos + 1 < source.length()) {
        pos += 2;
        continue;
      }
      if (c == '\\' && raw && pos + 1 < source.length()) {
        pos += 2;
        continue;
      }
      if (c == '\n') {
        if (!triple) {
          break; // an unterminated one-line string ends at the line's end
        }
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
    String text = source.substring(contentStart, Math.min(pos, source.length()));
    if (pos < source.length() && source.startsWith(close, pos)) {
      pos += close.length();
    }
    tokens.add(new Token(Token.Kind.STRING, text, startLine, startColumn));
  }

  private void add(Token.Kind kind, String text, int start) {
    tokens.add(new Token(kind, text, line, start - lineStart + 1));
  }
}
