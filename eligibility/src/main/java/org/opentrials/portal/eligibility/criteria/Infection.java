package org.opentrials.portal.eligibility.criteria;

import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;

/** Infections a trial may exclude after a positive test; each has its own yes/no question. */
public enum Infection {
  HIV("hiv"),
  HEPATITIS_B("hepatitis-b"),
  HEPATITIS_C("hepatitis-c"),
  TUBERCULOSIS("tuberculosis");

  private final String slug;
  private final QuestionId questionId;

  Infection(String slug) {
    this.slug = slug;
    this.questionId = QuestionId.of("infection." + slug);
  }

  /** The name in criteria JSON, e.g. "hepatitis-b". */
  public String slug() {
    return slug;
  }

  /** "Have you ever tested positive for X?" */
  public QuestionId questionId() {
    return questionId;
  }

  /** The infection's name, e.g. "hepatitis B". */
  public Message label() {
    return Message.of("infection." + slug);
  }

  Question question() {
    return Question.yesNo(
            questionId, Topic.HEALTH_HISTORY, Message.of("question.infection", label()))
        .withHint(Message.of("hint.infection." + slug));
  }

  public static Infection bySlug(String slug) {
    for (Infection i : values()) {
      if (i.slug.equals(slug)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown infection \""
            + slug
            + "\" (expected hiv, hepatitis-b, hepatitis-c or tuberculosis)");
  }
}
