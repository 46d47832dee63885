package org.opentrials.portal.eligibility.criteria;

import java.util.Objects;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.text.Slugs;
import org.opentrials.portal.eligibility.text.Text;

/**
 * A clinical score a visitor may know from their records, such as SLEDAI-2K (0 to 105). The
 * threshold belongs to the trial's rule, so trials share the question.
 */
public final class Score {
  private final String id;
  private final Text name;
  private final int max;
  private final QuestionId questionId;

  public Score(String id, Text name, int max) {
    this.id = Slugs.require(id, "score id");
    this.name = Objects.requireNonNull(name, "score name");
    if (max < 1 || max > 10_000) {
      throw new IllegalArgumentException(
          "score " + id + " must have a maximum of 1 to 10000: " + max);
    }
    this.max = max;
    this.questionId = QuestionId.of("score." + id);
  }

  public String id() {
    return id;
  }

  /** E.g. "SLEDAI". */
  public Text name() {
    return name;
  }

  /** Highest possible value; answers above it are rejected. */
  public int max() {
    return max;
  }

  /** "If you know your most recent X score, what was it?" */
  public QuestionId questionId() {
    return questionId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Score s && s.id.equals(id) && s.name.equals(name) && s.max == max;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, max);
  }

  @Override
  public String toString() {
    return "Score[" + id + ", max " + max + "]";
  }
}
