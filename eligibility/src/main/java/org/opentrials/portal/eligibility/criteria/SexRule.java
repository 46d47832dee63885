package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.SEX;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.SEX_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The trial takes people of this sex (assigned at birth, as trials define it). {@link Sex#ALL} asks
 * nothing and always holds.
 */
public record SexRule(Sex allowed) implements Rule {

  /** Which sex a trial takes. */
  public enum Sex {
    FEMALE("female"),
    MALE("male"),
    ALL("all");

    private final String slug;

    Sex(String slug) {
      this.slug = slug;
    }

    /** The value in JSON and in the sex question's options. */
    public String slug() {
      return slug;
    }

    public static Sex bySlug(String slug) {
      for (Sex s : values()) {
        if (s.slug.equals(slug)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown sex \"" + slug + "\" (expected female, male or all)");
    }
  }

  public SexRule {
    Objects.requireNonNull(allowed, "allowed");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    if (allowed == Sex.ALL) {
      return Truth.TRUE;
    }
    if (answers.get(SEX_ID) instanceof Choice c) {
      return Truth.of(c.value().equals(allowed.slug));
    }
    return Truth.UNKNOWN;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    if (allowed == Sex.ALL) {
      return Outcome.of(Truth.TRUE, Message.of("reason.sex.any"));
    }
    AnswerValue v = answers.get(SEX_ID);
    if (!(v instanceof Choice c)) {
      return Reasons.unknownOutcome(SEX, v);
    }
    Message said = Message.of("sex." + c.value());
    return c.value().equals(allowed.slug)
        ? Outcome.of(Truth.TRUE, Message.of("reason.sex.match", said))
        : Outcome.of(
            Truth.FALSE,
            Message.of("reason.sex.mismatch", said, Message.of("sex." + allowed.slug)));
  }

  @Override
  public List<Question> questions() {
    return allowed == Sex.ALL ? List.of() : List.of(SEX);
  }
}
