package org.opentrials.portal.eligibility.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.questions.Question;

/**
 * The visitor started the medication (or one of the class) or changed its dose within the window
 * before screening: "immunosuppressant started or changed within 3 months". Asked as "When did you
 * last start taking it or change its dose?" with a date or "never". Window convention: {@link
 * TimeWindow}.
 */
public record MedicationChanged(Medication medication, TimeWindow within) implements Rule {

  public MedicationChanged {
    Objects.requireNonNull(medication, "medication");
    Objects.requireNonNull(within, "within");
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    return Reasons.dated(answers.get(medication.lastChangedId()), within, screeningDate);
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    return Reasons.dated(
        "reason.changed",
        medication.label(),
        medication.lastChangedQuestion(),
        answers.get(medication.lastChangedId()),
        within,
        screeningDate);
  }

  @Override
  public List<Question> questions() {
    return List.of(medication.lastChangedQuestion());
  }
}
