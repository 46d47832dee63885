package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.DontKnow;
import org.opentrials.portal.eligibility.answers.AnswerValue.Never;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.text.Message;
import org.opentrials.portal.eligibility.text.Text;

/** Reading answers and phrasing the reasons shared by several rules. */
final class Reasons {
  private Reasons() {}

  /** TRUE for "yes", FALSE for "no", UNKNOWN for anything else (missing, "I don't know"). */
  static Truth yesNo(AnswerValue v) {
    if (v instanceof Choice c) {
      String s = c.value();
      if (s.equals("yes")) {
        return Truth.TRUE;
      }
      if (s.equals("no")) {
        return Truth.FALSE;
      }
    }
    return Truth.UNKNOWN;
  }

  /**
   * For a "when did you last ..." answer: TRUE if the date is within the window, FALSE if it is
   * earlier or the answer is "never", else UNKNOWN.
   */
  static Truth dated(AnswerValue v, TimeWindow window, LocalDate screeningDate) {
    if (v instanceof OnDate d) {
      return Truth.of(window.contains(d.date(), screeningDate));
    }
    if (v instanceof Never) {
      return Truth.FALSE;
    }
    return Truth.UNKNOWN;
  }

  /** Why an answer is unknown: the visitor said "I don't know", or has not answered yet. */
  static Message unknown(Question question, AnswerValue v) {
    return Message.of(
        v instanceof DontKnow ? "reason.dont-know" : "reason.unanswered", question.text());
  }

  /** Outcome UNKNOWN because of one question. */
  static Outcome unknownOutcome(Question question, AnswerValue v) {
    return Outcome.of(Truth.UNKNOWN, unknown(question, v));
  }

  /**
   * The reason for a "when did you last ..." answer, using keys {@code <prefix>.within}, {@code
   * <prefix>.outside} and {@code <prefix>.never} with arguments (label, date, window).
   */
  static Outcome dated(
      String prefix,
      Object label,
      Question question,
      AnswerValue v,
      TimeWindow window,
      LocalDate screeningDate) {
    if (v instanceof OnDate d) {
      return window.contains(d.date(), screeningDate)
          ? Outcome.of(
              Truth.TRUE,
              Message.of(prefix + ".within", label, d.date(), window.asBeforeScreening()))
          : Outcome.of(
              Truth.FALSE, Message.of(prefix + ".outside", label, d.date(), window.asSpan()));
    }
    if (v instanceof Never) {
      return Outcome.of(Truth.FALSE, Message.of(prefix + ".never", label));
    }
    return unknownOutcome(question, v);
  }

  /** Sponsor text as a message, e.g. for an option label. */
  static Message text(Text text) {
    return Message.of("text", text);
  }
}
