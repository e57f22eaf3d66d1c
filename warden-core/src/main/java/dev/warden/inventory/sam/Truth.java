package dev.warden.inventory.sam;

/** A condition's value; {@code UNKNOWN} when it depends on something known only at deployment. */
enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  static Truth of(boolean value) {
    return value ? TRUE : FALSE;
  }

  Truth not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }

  /** True unless known to be false: a resource under an unknown condition is assumed created. */
  boolean possible() {
    return this != FALSE;
  }
}
