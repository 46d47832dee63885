package org.opentrials.portal.eligibility.answers;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.DontKnow;
import org.opentrials.portal.eligibility.answers.AnswerValue.Never;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;

/**
 * One answer set flattened into primitive arrays for one screening date: the form the fast path
 * reads when it checks the same answers against many trials' compiled criteria.
 *
 * <p>Answers are read by {@link QuestionId#index()}: {@link #kind} says what was answered, and
 * {@link #number}, {@link #amountInBaseUnit}, {@link #unit} and {@link #choice} give the value.
 * Window starts ("2 months before screening") are computed once per window and cached. Immutable
 * apart from that cache, whose racy filling is harmless (idempotent int writes): thread-safe.
 */
public final class PreparedAnswers {
  /** Not answered. */
  public static final byte MISSING = 0;

  /** "I don't know". */
  public static final byte DONT_KNOW = 1;

  public static final byte YES = 2;
  public static final byte NO = 3;

  /** Any other option; see {@link #choice}. */
  public static final byte CHOICE = 4;

  /** A whole number; see {@link #number}. */
  public static final byte WHOLE_NUMBER = 5;

  /** An amount; see {@link #amountInBaseUnit} and {@link #unit}. */
  public static final byte AMOUNT = 6;

  /** A date; {@link #number} is its epoch day. */
  public static final byte DATE = 7;

  public static final byte NEVER = 8;

  private static final int NOT_COMPUTED = Integer.MIN_VALUE;
  private static final TimeWindow.CalendarUnit[] UNITS = TimeWindow.CalendarUnit.values();
  private static final int MAX_AMOUNT = 1200;

  private final byte[] kinds;
  private final long[] numbers;
  private final double[] amounts;
  private final Object[] references;
  private final LocalDate screeningDate;
  private final int[] windowStarts = new int[UNITS.length * (MAX_AMOUNT + 1)];

  private PreparedAnswers(Answers answers, LocalDate screeningDate) {
    this.screeningDate = Objects.requireNonNull(screeningDate, "screeningDate");
    AnswerValue[] values = answers.values();
    int n = values.length;
    kinds = new byte[n];
    numbers = new long[n];
    amounts = new double[n];
    references = new Object[n];
    for (int i = 0; i < n; i++) {
      AnswerValue v = values[i];
      if (v == null) {
        continue;
      }
      if (v instanceof DontKnow) {
        kinds[i] = DONT_KNOW;
      } else if (v instanceof Never) {
        kinds[i] = NEVER;
      } else if (v instanceof Choice c) {
        kinds[i] = c.isYes() ? YES : c.isNo() ? NO : CHOICE;
        references[i] = c.value();
      } else if (v instanceof WholeNumber w) {
        kinds[i] = WHOLE_NUMBER;
        numbers[i] = w.value();
      } else if (v instanceof Amount a) {
        kinds[i] = AMOUNT;
        amounts[i] = a.inBaseUnit();
        references[i] = a.unit();
      } else if (v instanceof OnDate d) {
        kinds[i] = DATE;
        numbers[i] = d.date().toEpochDay();
      }
    }
    Arrays.fill(windowStarts, NOT_COMPUTED);
  }

  public static PreparedAnswers of(Answers answers, LocalDate screeningDate) {
    return new PreparedAnswers(answers, screeningDate);
  }

  public LocalDate screeningDate() {
    return screeningDate;
  }

  /** What the question with this index was answered with: {@link #MISSING}, {@link #YES}, .... */
  public byte kind(int question) {
    return question < kinds.length ? kinds[question] : MISSING;
  }

  /** The whole number, or the epoch day of the date. */
  public long number(int question) {
    return numbers[question];
  }

  /** The amount in kg or mg. */
  public double amountInBaseUnit(int question) {
    return amounts[question];
  }

  /** The unit an amount was given in. */
  public Unit unit(int question) {
    return (Unit) references[question];
  }

  /** The option value of a {@link #CHOICE} answer. */
  public String choice(int question) {
    return (String) references[question];
  }

  /** A compact code for a window, for {@link #windowStart(int)}. */
  public static int windowCode(TimeWindow window) {
    return window.unit().ordinal() * (MAX_AMOUNT + 1) + window.amount();
  }

  /** Epoch day of {@code window.start(screeningDate)} for the window with this code. */
  public int windowStart(int windowCode) {
    int start = windowStarts[windowCode];
    if (start == NOT_COMPUTED) {
      TimeWindow w =
          new TimeWindow(windowCode % (MAX_AMOUNT + 1), UNITS[windowCode / (MAX_AMOUNT + 1)]);
      start = (int) w.start(screeningDate).toEpochDay();
      windowStarts[windowCode] = start;
    }
    return start;
  }
}
