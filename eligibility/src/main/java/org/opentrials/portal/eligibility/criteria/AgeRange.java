package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.AGE;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.AGE_ID;

import java.time.LocalDate;
import java.util.List;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The visitor's age in whole years is within a range; both bounds inclusive ("18 to 65" takes 18
 * and 65, not 17 or 66), either bound optional.
 *
 * @param minYears youngest age taken, or {@code null} for no minimum
 * @param maxYears oldest age taken, or {@code null} for no maximum
 */
public record AgeRange(Integer minYears, Integer maxYears) implements Rule {

  public AgeRange {
    if (minYears == null && maxYears == null) {
      throw new IllegalArgumentException("an age range needs a minimum, a maximum or both");
    }
    if (minYears != null && (minYears < 0 || minYears > 120)) {
      throw new IllegalArgumentException("minimum age must be 0 to 120: " + minYears);
    }
    if (maxYears != null && (maxYears < 0 || maxYears > 120)) {
      throw new IllegalArgumentException("maximum age must be 0 to 120: " + maxYears);
    }
    if (minYears != null && maxYears != null && minYears > maxYears) {
      throw new IllegalArgumentException(
          "minimum age " + minYears + " is above maximum age " + maxYears);
    }
  }

  public static AgeRange between(int minYears, int maxYears) {
    return new AgeRange(minYears, maxYears);
  }

  public static AgeRange atLeast(int minYears) {
    return new AgeRange(minYears, null);
  }

  public static AgeRange atMost(int maxYears) {
    return new AgeRange(null, maxYears);
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    if (answers.get(AGE_ID) instanceof WholeNumber n) {
      int age = n.value();
      return Truth.of(
          (minYears == null || age >= minYears) && (maxYears == null || age <= maxYears));
    }
    return Truth.UNKNOWN;
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    AnswerValue v = answers.get(AGE_ID);
    if (!(v instanceof WholeNumber n)) {
      return Reasons.unknownOutcome(AGE, v);
    }
    int age = n.value();
    if (minYears != null && age < minYears) {
      return Outcome.of(Truth.FALSE, Message.of("reason.age.too-young", age, minYears));
    }
    if (maxYears != null && age > maxYears) {
      return Outcome.of(Truth.FALSE, Message.of("reason.age.too-old", age, maxYears));
    }
    Message reason =
        minYears == null
            ? Message.of("reason.age.at-most", age, maxYears)
            : maxYears == null
                ? Message.of("reason.age.at-least", age, minYears)
                : Message.of("reason.age.in-range", age, minYears, maxYears);
    return Outcome.of(Truth.TRUE, reason);
  }

  @Override
  public List<Question> questions() {
    return List.of(AGE);
  }
}
