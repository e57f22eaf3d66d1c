package dev.warden.code.javascript;

/**
 * A token of JavaScript source.
 *
 * @param text the name, the operator, or a string's or template's text without its quotes
 */
record JsToken(Kind kind, String text, int line, int column) {

  enum Kind {
    NAME,
    STRING,
    TEMPLATE,
    NUMBER,
    REGEX,
    OP
  }

  boolean is(String op) {
    return kind == Kind.OP && text.equals(op);
  }
}
