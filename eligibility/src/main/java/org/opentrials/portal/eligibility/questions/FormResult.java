package org.opentrials.portal.eligibility.questions;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;

/**
 * What {@link AnswerForm#read} made of submitted input: the answers that were valid, an error per
 * invalid field, and the raw input as submitted, so a form with an error can be shown again with
 * everything the visitor typed.
 *
 * @param answers the valid answers (invalid and blank fields are absent)
 * @param errors one error per invalid field, in questionnaire order
 * @param fields the submitted values of the questionnaire's fields (and their unit fields), as
 *     typed
 */
public record FormResult(Answers answers, List<FieldError> errors, Map<String, String> fields) {
  public FormResult {
    Objects.requireNonNull(answers, "answers");
    errors = List.copyOf(errors);
    fields = Map.copyOf(fields);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public Optional<FieldError> errorFor(QuestionId question) {
    for (FieldError e : errors) {
      if (e.question() == question) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
