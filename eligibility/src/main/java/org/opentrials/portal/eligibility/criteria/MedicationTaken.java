package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.questions.Question;

/**
 * The visitor took the medication (or a medication of the class) within the window before
 * screening: "belimumab within 2 months". Asked as "When did you last take belimumab?" with a date
 * or "never". The window includes its first day; see {@link TimeWindow} for the exact convention.
 */
public record MedicationTaken(Medication medication, TimeWindow within) implements Rule {

  public MedicationTaken {
    Objects.requireNonNull(medication, "medication");
    Objects.requireNonNull(within, "within");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Reasons.dated(answers.get(medication.lastTakenId()), within, screeningDate);
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    return Reasons.dated(
        "reason.medication",
        medication.label(),
        medication.lastTakenQuestion(),
        answers.get(medication.lastTakenId()),
        within,
        screeningDate);
  }

  @Override
  public List<Question> questions() {
    return List.of(medication.lastTakenQuestion());
  }
}
