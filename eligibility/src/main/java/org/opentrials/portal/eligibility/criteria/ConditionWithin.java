package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.questions.Option;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The visitor had the condition within the window, other than the listed kinds: "cancer within 5
 * years, except basal or squamous cell skin cancer or cervical carcinoma in situ".
 *
 * <p>Asked as "When were you last diagnosed with or treated for cancer?" (date or never); only if
 * that is within the window and there are exceptions, "Which kind was it?" with the exceptions and
 * "another kind, or more than one kind". An excepted kind → FALSE; another kind → TRUE; "I don't
 * know" → UNKNOWN. Answering with a kind that another trial excepts but this one does not counts as
 * another kind. Window convention: {@link TimeWindow} ("exactly 5 years ago" is within).
 *
 * @param except kinds that do not count; may be empty
 */
public record ConditionWithin(Condition condition, TimeWindow within, List<Subtype> except)
    implements Rule {

  public ConditionWithin {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(within, "within");
    except = List.copyOf(except);
    Set<String> ids = new HashSet<>();
    for (Subtype s : except) {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("kind \"" + s.id() + "\" is listed twice");
      }
    }
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth recent = Reasons.dated(answers.get(condition.lastId()), within, screeningDate);
    if (recent != Truth.TRUE || except.isEmpty()) {
      return recent;
    }
    if (answers.get(condition.kindId()) instanceof Choice kind) {
      return Truth.of(excepted(kind.value()) == null);
    }
    return Truth.UNKNOWN;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue last = answers.get(condition.lastId());
    Outcome recent =
        Reasons.dated(
            "reason.condition", condition.label(), lastQuestion(), last, within, screeningDate);
    if (recent.truth() != Truth.TRUE || except.isEmpty()) {
      return recent;
    }
    LocalDate date = ((OnDate) last).date();
    AnswerValue kind = answers.get(condition.kindId());
    if (!(kind instanceof Choice c)) {
      List<Message> reasons = new ArrayList<>(recent.reasons());
      reasons.add(Reasons.unknown(kindQuestion(), kind));
      return new Outcome(Truth.UNKNOWN, reasons);
    }
    Subtype excepted = excepted(c.value());
    return excepted != null
        ? Outcome.of(
            Truth.FALSE,
            Message.of("reason.condition.excepted", condition.label(), date, excepted.label()))
        : Outcome.of(
            Truth.TRUE,
            Message.of(
                "reason.condition.within-other-kind",
                condition.label(),
                date,
                within.asBeforeScreening()));
  }

  @Override
  public List<Question> questions() {
    if (except.isEmpty()) {
      return List.of(lastQuestion());
    }
    return List.of(
        lastQuestion(),
        kindQuestion().withShownWhen(ShowWhen.dateWithin(condition.lastId(), within)));
  }

  private Subtype excepted(String kind) {
    for (int i = 0; i < except.size(); i++) {
      Subtype s = except.get(i);
      if (s.id().equals(kind)) {
        return s;
      }
    }
    return null;
  }

  private Question lastQuestion() {
    return Question.dateOrNever(
            condition.lastId(),
            Topic.HEALTH_HISTORY,
            Message.of("question.condition.last", condition.label()))
        .withHint(Message.of("hint.condition.last"));
  }

  private Question kindQuestion() {
    List<Option> options = new ArrayList<>();
    for (Subtype s : except) {
      options.add(new Option(s.id(), Reasons.text(s.label())));
    }
    options.add(new Option(Subtype.OTHER, Message.of("option.other-kind")));
    return Question.choice(
            condition.kindId(),
            Topic.HEALTH_HISTORY,
            Message.of("question.condition.kind", condition.label()),
            options)
        .withHint(Message.of("hint.condition.kind"));
  }
}
