package org.opentrials.portal.web.prescreen;

import java.io.Serializable;
import java.util.List;

/**
 * A pre-screener question as the page renders it, in the visitor's language.
 *
 * @param id the form field name
 * @param kind "choice", "number", "amount" or "date"
 * @param error the message for this field after a failed step, or null
 */
public record QuestionView(
    String id,
    String kind,
    String text,
    String hint,
    List<Choice> choices,
    List<String> items,
    List<String> units,
    String error,
    boolean followUp)
    implements Serializable {

  /** One answer to pick. */
  public record Choice(String value, String label) implements Serializable {}
}
