package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The condition is active despite treatment, at or above a score threshold if one is given.
 *
 * <p>The visitor is asked "Has a doctor told you that your lupus is active even though you are
 * being treated for it?" and, if they say yes or don't know, for their most recent score if they
 * know it (e.g. SLEDAI). Decision:
 *
 * <ul>
 *   <li>"no" → FALSE;
 *   <li>a known score decides: {@code score >= atLeast} → TRUE, below → FALSE;
 *   <li>"yes" without a known score → TRUE, with a reason saying the study team will confirm the
 *       score. A visitor cannot be expected to know their score, and the site checks it at the
 *       screening visit anyway; treating "yes" as UNKNOWN would make no visitor of an
 *       activity-based trial ever LIKELY_ELIGIBLE.
 *   <li>"I don't know" (and no score) or no answer → UNKNOWN.
 * </ul>
 *
 * @param threshold the score to reach, or {@code null} to rely on the yes/no answer alone
 */
public record DiseaseActivity(Condition condition, ScoreThreshold threshold) implements Rule {

  /** "{@code score} of {@code atLeast} or more." */
  public record ScoreThreshold(Score score, int atLeast) {
    public ScoreThreshold {
      Objects.requireNonNull(score, "score");
      if (atLeast < 0 || atLeast > score.max()) {
        throw new IllegalArgumentException(
            "score threshold must be 0 to " + score.max() + ", not " + atLeast);
      }
    }
  }

  public DiseaseActivity {
    Objects.requireNonNull(condition, "condition");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    AnswerValue said = answers.get(condition.activityId());
    Truth active = Reasons.yesNo(said);
    if (active == Truth.FALSE || said == null) {
      return active;
    }
    if (threshold != null && answers.get(threshold.score().questionId()) instanceof WholeNumber n) {
      return Truth.of(n.value() >= threshold.atLeast());
    }
    return active;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue said = answers.get(condition.activityId());
    Truth active = Reasons.yesNo(said);
    if (active == Truth.FALSE) {
      return Outcome.of(Truth.FALSE, Message.of("reason.activity.no", condition.label()));
    }
    if (said == null) {
      return Reasons.unknownOutcome(activityQuestion(), null);
    }
    AnswerValue score = threshold == null ? null : answers.get(threshold.score().questionId());
    if (score instanceof WholeNumber n) {
      boolean enough = n.value() >= threshold.atLeast();
      return Outcome.of(
          Truth.of(enough),
          Message.of(
              enough ? "reason.score.enough" : "reason.score.too-low",
              threshold.score().name(),
              n.value(),
              threshold.atLeast()));
    }
    if (active == Truth.TRUE) {
      return Outcome.of(
          Truth.TRUE,
          threshold == null
              ? Message.of("reason.activity.yes", condition.label())
              : Message.of(
                  "reason.activity.yes-score-to-confirm",
                  condition.label(),
                  threshold.score().name()));
    }
    List<Message> reasons = new ArrayList<>();
    reasons.add(Reasons.unknown(activityQuestion(), said));
    if (threshold != null) {
      reasons.add(Reasons.unknown(scoreQuestion(), score));
    }
    return new Outcome(Truth.UNKNOWN, reasons);
  }

  @Override
  public List<Question> questions() {
    return threshold == null
        ? List.of(activityQuestion())
        : List.of(activityQuestion(), scoreQuestion());
  }

  private Question activityQuestion() {
    return Question.yesNo(
        condition.activityId(),
        Topic.DIAGNOSIS,
        Message.of("question.activity", condition.label()));
  }

  private Question scoreQuestion() {
    Score s = threshold.score();
    return Question.wholeNumber(
            s.questionId(), Topic.DIAGNOSIS, Message.of("question.score", s.name()), 0, s.max())
        .withHint(Message.of("hint.score"))
        .withShownWhen(
            ShowWhen.answerIs(
                condition.activityId(), AnswerValue.Choice.YES, AnswerValue.DONT_KNOW));
  }
}
