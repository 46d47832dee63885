package org.opentrials.portal.eligibility.criteria;

/**
 * Whether a rule's statement holds for a visitor ("took belimumab within 2 months"): TRUE, FALSE,
 * or UNKNOWN when an answer is missing or "I don't know".
 *
 * <p>{@link #and}, {@link #or} and {@link #not} are Kleene's strong three-valued logic: UNKNOWN
 * stands for "TRUE or FALSE, we don't know which", so a result is definite whenever it would be the
 * same either way:
 *
 * <pre>
 *   FALSE and UNKNOWN = FALSE      TRUE and UNKNOWN = UNKNOWN
 *   TRUE  or  UNKNOWN = TRUE       FALSE or UNKNOWN = UNKNOWN
 *   not UNKNOWN = UNKNOWN
 * </pre>
 */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Truth of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    if (this == TRUE && other == TRUE) {
      return TRUE;
    }
    return UNKNOWN;
  }

  public Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    if (this == FALSE && other == FALSE) {
      return FALSE;
    }
    return UNKNOWN;
  }

  public Truth not() {
    switch (this) {
      case TRUE:
        return FALSE;
      case FALSE:
        return TRUE;
      default:
        return UNKNOWN;
    }
  }
}
