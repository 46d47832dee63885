package org.opentrials.portal.eligibility.criteria;

import java.util.Objects;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A disease or health condition: {@code sle} labelled "lupus (systemic lupus erythematosus)",
 * {@code lupus-nephritis}, {@code cancer}. The id keys the questions about it, shared across
 * criteria and trials. A class rather than a record so its question ids are computed once.
 */
public final class Condition {
  private final String id;
  private final Text label;
  private final QuestionId diagnosisId;
  private final QuestionId activityId;
  private final QuestionId lastId;
  private final QuestionId kindId;

  public Condition(String id, Text label) {
    this.id = Slugs.require(id, "condition id");
    this.label = Objects.requireNonNull(label, "condition label");
    this.diagnosisId = QuestionId.of("diagnosis." + id);
    this.activityId = QuestionId.of("activity." + id);
    this.lastId = QuestionId.of("condition." + id + ".last");
    this.kindId = QuestionId.of("condition." + id + ".kind");
  }

  public String id() {
    return id;
  }

  public Text label() {
    return label;
  }

  /** "Has a doctor ever told you that you have X?" */
  public QuestionId diagnosisId() {
    return diagnosisId;
  }

  /** "Has a doctor told you that your X is active even though you are treated for it?" */
  public QuestionId activityId() {
    return activityId;
  }

  /** "When were you last diagnosed with or treated for X?" (date or never). */
  public QuestionId lastId() {
    return lastId;
  }

  /** "Which kind of X was it?" */
  public QuestionId kindId() {
    return kindId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition c && c.id.equals(id) && c.label.equals(label);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, label);
  }

  @Override
  public String toString() {
    return "Condition[" + id + "]";
  }
}
