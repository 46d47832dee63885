package org.opentrials.portal.admin.trials.criteria;

import java.io.Serializable;
import java.util.List;

/**
 * A value the editor cannot take, and why.
 *
 * @param field where it is, as the page names its input relative to the form: {@code
 *     criteria:2:maxAge}, {@code criteria:2:children:1:periodAmount}, {@code
 *     criteria:0:items:3:itemEn}; {@code null} for the document as a whole
 * @param key the message in the administration's bundle ({@code criteriaEdit.invalid.*})
 * @param args its arguments (strings and numbers)
 */
public record FieldError(String field, String key, List<Object> args) implements Serializable {
  public FieldError {
    args = List.copyOf(args);
  }

  static FieldError of(String field, String key, Object... args) {
    return new FieldError(field, key, List.of(args));
  }
}
