package dev.warden.code.python;

/**
 * A token of Python source.
 *
 * @param text the name, the operator, or a string's value without quotes and prefix
 */
record Token(Kind kind, String text, int line, int column) {

  enum Kind {
    NAME,
    STRING,
    NUMBER,
    OP,
    /** The end of a logical line (not inside brackets, not after a backslash). */
    NEWLINE
  }

  boolean is(String op) {
    return kind == Kind.OP && text.equals(op);
  }
}
