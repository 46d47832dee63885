package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.Optional;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.TimeWindow;

/**
 * When a rule that holds only because of a recent date stops holding: "belimumab within 2 months",
 * taken on 2026-11-15, holds up to and including 2027-01-15. An exclusion of that kind rules the
 * visitor out only until then, which the result says ("you may qualify after 2027-01-15").
 */
public final class TimeLimits {
  private TimeLimits() {}

  /**
   * The last screening date on which {@code rule} still holds for these answers, when it holds now
   * and only because of dated answers that will fall out of their windows; empty when it does not
   * hold now, or would hold for good (a diagnosis, a test, an answer not about a date).
   */
  public static Optional<LocalDate> holdsUntil(
      Rule rule, Answers answers, LocalDate screeningDate) {
    if (rule.test(answers, screeningDate) != Truth.TRUE) {
      return Optional.empty();
    }
    if (rule instanceof MedicationTaken r) {
      return dated(answers, r.medication().lastTakenId(), r.within());
    }
    if (rule instanceof MedicationChanged r) {
      return dated(answers, r.medication().lastChangedId(), r.within());
    }
    if (rule instanceof MedicationDose r) {
      return dated(answers, r.medication().lastTakenId(), r.within());
    }
    if (rule instanceof ConditionWithin r) {
      return dated(answers, r.condition().lastId(), r.within());
    }
    if (rule instanceof Or r) {
      // Holds while any holding part holds: until the last of them ends, if all of them end.
      LocalDate last = null;
      for (Rule part : r.rules()) {
        if (part.test(answers, screeningDate) == Truth.TRUE) {
          Optional<LocalDate> until = holdsUntil(part, answers, screeningDate);
          if (until.isEmpty()) {
            return Optional.empty();
          }
          last = last == null || until.get().isAfter(last) ? until.get() : last;
        }
      }
      return Optional.ofNullable(last);
    }
    if (rule instanceof And r) {
      // Holds while every part holds: until the first time-limited part ends.
      LocalDate first = null;
      for (Rule part : r.rules()) {
        Optional<LocalDate> until = holdsUntil(part, answers, screeningDate);
        if (until.isPresent() && (first == null || until.get().isBefore(first))) {
          first = until.get();
        }
      }
      return Optional.ofNullable(first);
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> dated(Answers answers, QuestionId id, TimeWindow window) {
    return answers.get(id) instanceof OnDate d
        ? Optional.of(window.lastDayWithin(d.date()))
        : Optional.empty();
  }

  /** Whether the rule asks about a medicine: its result then reminds not to stop one alone. */
  public static boolean aboutMedication(Rule rule) {
    if (rule instanceof MedicationTaken
        || rule instanceof MedicationChanged
        || rule instanceof MedicationDose) {
      return true;
    }
    if (rule instanceof Or r) {
      return r.rules().stream().anyMatch(TimeLimits::aboutMedication);
    }
    if (rule instanceof And r) {
      return r.rules().stream().anyMatch(TimeLimits::aboutMedication);
    }
    if (rule instanceof Not r) {
      return aboutMedication(r.rule());
    }
    if (rule instanceof IfThen r) {
      return aboutMedication(r.condition()) || aboutMedication(r.then());
    }
    return false;
  }
}
