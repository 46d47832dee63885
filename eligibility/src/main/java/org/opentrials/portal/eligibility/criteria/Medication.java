package org.opentrials.portal.eligibility.criteria;

import java.util.Objects;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A medication or a class of medications as a sponsor names it: {@code belimumab}, or {@code
 * other-biologic} labelled "another biologic medicine (for example abatacept or tocilizumab)".
 *
 * <p>The id keys the questions about it, so every criterion and every trial that mentions the same
 * medication id shares one "When did you last take ...?" question. A class rather than a record
 * because its question ids are computed once here: evaluation reads them for every trial.
 */
public final class Medication {
  private final String id;
  private final Text label;
  private final QuestionId lastTakenId;
  private final QuestionId dailyDoseId;
  private final QuestionId lastChangedId;

  public Medication(String id, Text label) {
    this.id = Slugs.require(id, "medication id");
    this.label = Objects.requireNonNull(label, "medication label");
    this.lastTakenId = QuestionId.of("medication." + id + ".last-taken");
    this.dailyDoseId = QuestionId.of("medication." + id + ".daily-dose");
    this.lastChangedId = QuestionId.of("medication." + id + ".last-changed");
  }

  public String id() {
    return id;
  }

  /** Patient-facing name, used inside questions and reasons. */
  public Text label() {
    return label;
  }

  /** "When did you last take X?" (date or never). */
  public QuestionId lastTakenId() {
    return lastTakenId;
  }

  /** "What was the highest daily dose of X ...?" (mg). */
  public QuestionId dailyDoseId() {
    return dailyDoseId;
  }

  /** "When did you last start taking X or change its dose?" (date or never). */
  public QuestionId lastChangedId() {
    return lastChangedId;
  }

  Question lastTakenQuestion() {
    return Question.dateOrNever(
            lastTakenId, Topic.TREATMENT, Message.of("question.medication.last-taken", label))
        .withHint(Message.of("hint.medication.last-taken"));
  }

  Question lastChangedQuestion() {
    return Question.dateOrNever(
            lastChangedId, Topic.TREATMENT, Message.of("question.medication.last-changed", label))
        .withHint(Message.of("hint.medication.last-changed"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Medication m && m.id.equals(id) && m.label.equals(label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, label);
  }

  @Override
  public String toString() {
    return "Medication[" + id + "]";
  }
}
