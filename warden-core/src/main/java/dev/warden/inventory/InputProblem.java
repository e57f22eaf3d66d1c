package dev.warden.inventory;

/**
 * Something in the input that Warden could not read fully while the rest could still be used: it
 * becomes an {@code input-error} finding. {@code hint} says what the user can do about it.
 */
public record InputProblem(SourceLocation at, String message, String hint)
    implements Comparable<InputProblem> {

  @Override
  public int compareTo(InputProblem other) {
    int byPlace = at.compareTo(other.at);
    return byPlace != 0 ? byPlace : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return at + ": " + message;
  }
}
