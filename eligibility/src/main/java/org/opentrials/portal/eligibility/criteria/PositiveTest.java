package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The visitor has ever tested positive for any of the infections ("HIV, hepatitis B or hepatitis
 * C"). One yes/no question per infection, shared with other criteria and trials; the answers
 * combine with Kleene OR, so one "yes" decides even if another answer is "I don't know".
 */
public record PositiveTest(List<Infection> infections) implements Rule {

  public PositiveTest {
    infections = List.copyOf(infections);
    if (infections.isEmpty()) {
      throw new IllegalArgumentException("a positive-test rule needs at least one infection");
    }
    Set<Infection> seen = EnumSet.noneOf(Infection.class);
    for (Infection i : infections) {
      if (!seen.add(i)) {
        throw new IllegalArgumentException("infection " + i.slug() + " is listed twice");
      }
    }
  }

  public static PositiveTest of(Infection... infections) {
    return new PositiveTest(List.of(infections));
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth any = Truth.FALSE;
    for (int i = 0; i < infections.size(); i++) {
      Truth positive = Reasons.yesNo(answers.get(infections.get(i).questionId()));
      if (positive == Truth.TRUE) {
        return Truth.TRUE;
      }
      if (positive == Truth.UNKNOWN) {
        any = Truth.UNKNOWN;
      }
    }
    return any;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    Truth truth = test(answers, screeningDate);
    List<Message> reasons = new ArrayList<>();
    for (Infection infection : infections) {
      AnswerValue v = answers.get(infection.questionId());
      Truth positive = Reasons.yesNo(v);
      // Name the answers that decided: the positive ones, all negatives, or the unknown ones.
      if (positive == Truth.TRUE && truth == Truth.TRUE) {
        reasons.add(Message.of("reason.infection.positive", infection.label()));
      } else if (positive == Truth.FALSE && truth == Truth.FALSE) {
        reasons.add(Message.of("reason.infection.negative", infection.label()));
      } else if (positive == Truth.UNKNOWN && truth == Truth.UNKNOWN) {
        reasons.add(Reasons.unknown(infection.question(), v));
      }
    }
    return new Outcome(truth, reasons);
  }

  @Override
  public List<Question> questions() {
    List<Question> questions = new ArrayList<>();
    for (Infection infection : infections) {
      questions.add(infection.question());
    }
    return questions;
  }
}
