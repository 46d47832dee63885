package org.opentrials.portal.eligibility.testing;

import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;

import java.util.Collection;
import java.util.Random;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.Question;

/** Random answers for property tests: plausible, missing, "I don't know" or of the wrong kind. */
public final class RandomAnswers {
  private RandomAnswers() {}

  /** An answer set to these questions, each answered by {@link #answer} or left out. */
  public static Answers to(Collection<Question> questions, Random random) {
    Answers.Builder b = Answers.builder();
    for (Question q : questions) {
      AnswerValue a = answer(q, random);
      if (a != null) {
        b.put(q.id(), a);
      }
    }
    return b.build();
  }

  /** Mostly plausible answers near the boundaries, sometimes missing, unknown or ill-typed. */
  public static AnswerValue answer(Question q, Random random) {
    int roll = random.nextInt(20);
    if (roll < 2) {
      return null;
    }
    if (roll < 4) {
      return AnswerValue.DONT_KNOW;
    }
    if (roll == 4) {
      return anyValue(random);
    }
    switch (q.type()) {
      case YES_NO:
      case CHOICE:
        return new Choice(q.options().get(random.nextInt(q.options().size())).value());
      case WHOLE_NUMBER:
        return new WholeNumber(random.nextInt((int) q.max() + 1));
      case AMOUNT:
        {
          Unit unit = q.units().get(random.nextInt(q.units().size()));
          double base = q.min() + random.nextDouble() * Math.min(q.max() - q.min(), 120);
          return new Amount(Math.round(unit.fromBase(base)), unit);
        }
      case DATE_OR_NEVER:
        return roll == 5
            ? AnswerValue.NEVER
            : new OnDate(TODAY.minusDays(random.nextInt(365 * 7) - 3));
      default:
        throw new AssertionError(q.type());
    }
  }

  private static AnswerValue anyValue(Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return Choice.YES;
      case 1:
        return new Choice("female");
      case 2:
        return new WholeNumber(random.nextInt(100));
      case 3:
        return new Amount(random.nextInt(100), Unit.values()[random.nextInt(3)]);
      case 4:
        return new Amount(0, Unit.KG);
      case 5:
        return AnswerValue.NEVER;
      default:
        return new OnDate(TODAY.minusDays(random.nextInt(3000)));
    }
  }
}
