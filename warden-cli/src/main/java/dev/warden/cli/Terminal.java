package dev.warden.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether Warden talks to a person at a terminal: colours and progress bars are only for them. */
final class Terminal {

  private Terminal() {}

  /**
   * True when standard input and output are a terminal. Up to Java 21 {@link System#console()} is
   * null otherwise; from Java 22 it always exists and {@code Console.isTerminal()} tells, which is
   * called when present (Warden is compiled for Java 17).
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked when it exists
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 17 to 21: a console exists only for a terminal
    }
  }
}
