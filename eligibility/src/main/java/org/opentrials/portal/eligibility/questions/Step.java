package org.opentrials.portal.eligibility.questions;

import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.text.Message;

/**
 * One page of the questionnaire: a few questions, follow-ups right after the question they follow.
 *
 * @param number 1-based position
 * @param topic the topic of the step's first question, which gives its title
 */
public record Step(int number, Topic topic, List<Question> questions) {
  public Step {
    Objects.requireNonNull(topic, "topic");
    questions = List.copyOf(questions);
    if (number < 1 || questions.isEmpty()) {
      throw new IllegalArgumentException("a step has a number >= 1 and at least one question");
    }
  }

  public Message title() {
    return topic.title();
  }
}
