package org.opentrials.portal.eligibility.questions;

import java.util.Objects;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.text.Message;

/** Why the answer to one question was rejected; {@code message.key()} is an {@code error.*} key. */
public record FieldError(QuestionId question, Message message) {
  public FieldError {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(message, "message");
  }
}
