package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
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
 * A doctor has diagnosed the condition ({@code present}), or has not ({@code !present}).
 *
 * <p>A present diagnosis may have to be confirmed by classification criteria: "at least 4 of the 11
 * ACR criteria". The visitor who says they have the diagnosis is then asked how many of the listed
 * items they have ever had; the statement holds if the count reaches the threshold, fails below it,
 * and is UNKNOWN if they don't know the count.
 *
 * @param confirmedBy classification that must confirm a present diagnosis, or {@code null}
 */
public record Diagnosis(Condition condition, boolean present, Confirmation confirmedBy)
    implements Rule {

  /** "At least {@code atLeast} of the classification's items." */
  public record Confirmation(Classification classification, int atLeast) {
    public Confirmation {
      Objects.requireNonNull(classification, "classification");
      if (atLeast < 1 || atLeast > classification.items().size()) {
        throw new IllegalArgumentException(
            "at least 1 to "
                + classification.items().size()
                + " of the classification's items can be required, not "
                + atLeast);
      }
    }
  }

  public Diagnosis {
    Objects.requireNonNull(condition, "condition");
    if (!present && confirmedBy != null) {
      throw new IllegalArgumentException(
          "only a present diagnosis can be confirmed by classification criteria");
    }
  }

  public static Diagnosis present(Condition condition) {
    return new Diagnosis(condition, true, null);
  }

  public static Diagnosis absent(Condition condition) {
    return new Diagnosis(condition, false, null);
  }

  public static Diagnosis confirmed(Condition condition, Classification by, int atLeast) {
    return new Diagnosis(condition, true, new Confirmation(by, atLeast));
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth diagnosed = Reasons.yesNo(answers.get(condition.diagnosisId()));
    if (!present) {
      return diagnosed.not();
    }
    if (diagnosed != Truth.TRUE || confirmedBy == null) {
      return diagnosed;
    }
    if (answers.get(confirmedBy.classification().countId()) instanceof WholeNumber n) {
      return Truth.of(n.value() >= confirmedBy.atLeast());
    }
    return Truth.UNKNOWN;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue said = answers.get(condition.diagnosisId());
    Truth diagnosed = Reasons.yesNo(said);
    if (diagnosed == Truth.UNKNOWN) {
      return Reasons.unknownOutcome(diagnosisQuestion(), said);
    }
    Message diagnosisReason =
        Message.of(
            diagnosed == Truth.TRUE ? "reason.diagnosis.yes" : "reason.diagnosis.no",
            condition.label());
    if (!present) {
      return Outcome.of(diagnosed.not(), diagnosisReason);
    }
    if (diagnosed == Truth.FALSE || confirmedBy == null) {
      return Outcome.of(diagnosed, diagnosisReason);
    }
    Classification c = confirmedBy.classification();
    AnswerValue count = answers.get(c.countId());
    if (!(count instanceof WholeNumber n)) {
      return new Outcome(
          Truth.UNKNOWN, List.of(diagnosisReason, Reasons.unknown(countQuestion(), count)));
    }
    boolean enough = n.value() >= confirmedBy.atLeast();
    return Outcome.of(
        Truth.of(enough),
        Message.of(
            enough ? "reason.classification.enough" : "reason.classification.too-few",
            n.value(),
            c.items().size(),
            c.name(),
            confirmedBy.atLeast()));
  }

  @Override
  public List<Question> questions() {
    if (confirmedBy == null) {
      return List.of(diagnosisQuestion());
    }
    return List.of(diagnosisQuestion(), countQuestion());
  }

  private Question diagnosisQuestion() {
    return Question.yesNo(
        condition.diagnosisId(),
        Topic.DIAGNOSIS,
        Message.of("question.diagnosis", condition.label()));
  }

  private Question countQuestion() {
    Classification c = confirmedBy.classification();
    return Question.wholeNumber(
            c.countId(),
            Topic.DIAGNOSIS,
            Message.of("question.classification.count", c.items().size()),
            0,
            c.items().size())
        .withItems(c.items())
        .withHint(Message.of("hint.classification.count", c.name()))
        .withShownWhen(ShowWhen.answerIs(condition.diagnosisId(), AnswerValue.Choice.YES));
  }
}
