package org.opentrials.portal.eligibility.answers;

import java.time.LocalDate;
import java.util.Objects;
import org.opentrials.portal.eligibility.text.Slugs;

/**
 * One answer to one question. "I don't know" is an answer in its own right ({@link #DONT_KNOW}),
 * distinct from a question not answered at all (no entry in {@link Answers}); both make the
 * criteria that need the answer UNKNOWN.
 */
public sealed interface AnswerValue
    permits AnswerValue.DontKnow,
        AnswerValue.Choice,
        AnswerValue.WholeNumber,
        AnswerValue.Amount,
        AnswerValue.OnDate,
        AnswerValue.Never {

  /** The visitor said "I don't know" (or "I'd rather not say"). */
  DontKnow DONT_KNOW = DontKnow.INSTANCE;

  /** The visitor said the event never happened ("I have never taken it"). */
  Never NEVER = Never.INSTANCE;

  /** The visitor said they don't know. */
  enum DontKnow implements AnswerValue {
    INSTANCE;

    @Override
    public String toString() {
      return "dont-know";
    }
  }

  /** The visitor said the event never happened. */
  enum Never implements AnswerValue {
    INSTANCE;

    @Override
    public String toString() {
      return "never";
    }
  }

  /** One option of a choice question; yes/no questions use {@link #YES} and {@link #NO}. */
  record Choice(String value) implements AnswerValue {
    public static final Choice YES = new Choice("yes");
    public static final Choice NO = new Choice("no");

    public Choice {
      Slugs.require(value, "choice");
    }

    public static Choice of(boolean yes) {
      return yes ? YES : NO;
    }

    public boolean isYes() {
      return YES.value.equals(value);
    }

    public boolean isNo() {
      return NO.value.equals(value);
    }

    @Override
    public String toString() {
      return value;
    }
  }

  /** A count or an age in whole years. */
  record WholeNumber(int value) implements AnswerValue {
    public WholeNumber {
      if (value < 0) {
        throw new IllegalArgumentException("a whole-number answer cannot be negative: " + value);
      }
    }

    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** An amount in the unit the visitor chose, such as 154 lb or 40 mg. */
  record Amount(double value, Unit unit) implements AnswerValue {
    public Amount {
      Objects.requireNonNull(unit, "unit");
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("an amount must be a finite number >= 0: " + value);
      }
    }

    /** The amount in the base unit of its dimension: kilograms or milligrams. */
    public double inBaseUnit() {
      return unit.toBase(value);
    }

    @Override
    public String toString() {
      return value + " " + unit.symbol();
    }
  }

  /** The date of an event (last dose, diagnosis). */
  record OnDate(LocalDate date) implements AnswerValue {
    public OnDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public String toString() {
      return date.toString();
    }
  }
}
