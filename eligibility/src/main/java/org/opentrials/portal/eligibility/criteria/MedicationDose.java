package org.opentrials.portal.eligibility.criteria;

import static org.opentrials.portal.eligibility.criteria.StandardQuestions.WEIGHT;
import static org.opentrials.portal.eligibility.criteria.StandardQuestions.WEIGHT_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.ShowWhen;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Message;

/**
 * The visitor took more than a dose per kilogram of body weight per day within the window: "more
 * than 0.5 mg/kg/day of prednisone within 1 month".
 *
 * <p>Asked as "When did you last take prednisone?"; only if that date is within the window, the
 * follow-ups "How much do you weigh?" (kg or lb) and "What was the highest daily dose you took in
 * the last month?" (mg). The statement holds iff {@code dose mg / weight kg > mgPerKgPerDay},
 * strictly above: 30 mg at 60 kg is exactly 0.5 and does not count as "more than 0.5". Pounds
 * convert at exactly 0.45359237 kg.
 */
public record MedicationDose(Medication medication, double mgPerKgPerDay, TimeWindow within)
    implements Rule {

  /** Highest daily dose accepted as an answer, in mg: a typing mistake beyond that. */
  public static final double MAX_DAILY_DOSE_MG = 5000;

  public MedicationDose {
    Objects.requireNonNull(medication, "medication");
    Objects.requireNonNull(within, "within");
    if (!(mgPerKgPerDay > 0 && mgPerKgPerDay <= 1000)) {
      throw new IllegalArgumentException(
          "dose threshold must be above 0 and at most 1000 mg/kg/day: " + mgPerKgPerDay);
    }
  }

  @Override
  public Truth test(Answers answers, LocalDate screeningDate) {
    Truth recent = Reasons.dated(answers.get(medication.lastTakenId()), within, screeningDate);
    if (recent != Truth.TRUE) {
      return recent;
    }
    double perKg = mgPerKg(answers.get(WEIGHT_ID), answers.get(medication.dailyDoseId()));
    return Double.isNaN(perKg) ? Truth.UNKNOWN : Truth.of(perKg > mgPerKgPerDay);
  }

  @Override
  public Outcome explain(Answers answers, LocalDate screeningDate) {
    Outcome recent =
        Reasons.dated(
            "reason.medication",
            medication.label(),
            medication.lastTakenQuestion(),
            answers.get(medication.lastTakenId()),
            within,
            screeningDate);
    if (recent.truth() != Truth.TRUE) {
      return recent;
    }
    AnswerValue weight = answers.get(WEIGHT_ID);
    AnswerValue dose = answers.get(medication.dailyDoseId());
    double perKg = mgPerKg(weight, dose);
    if (Double.isNaN(perKg)) {
      List<Message> reasons = new ArrayList<>(recent.reasons());
      if (!(weight instanceof Amount)) {
        reasons.add(Reasons.unknown(WEIGHT, weight));
      }
      if (!(dose instanceof Amount)) {
        reasons.add(Reasons.unknown(doseQuestion(), dose));
      }
      return new Outcome(Truth.UNKNOWN, reasons);
    }
    Amount w = (Amount) weight;
    Amount d = (Amount) dose;
    Message weightText =
        w.unit() == Unit.LB
            ? Message.of("quantity.lb-as-kg", w.value(), w.inBaseUnit())
            : Message.of("quantity.kg", w.inBaseUnit());
    boolean above = perKg > mgPerKgPerDay;
    return Outcome.of(
        Truth.of(above),
        Message.of(
            above ? "reason.dose.above" : "reason.dose.not-above",
            medication.label(),
            d.inBaseUnit(),
            weightText,
            perKg,
            mgPerKgPerDay));
  }

  @Override
  public List<Question> questions() {
    ShowWhen takenRecently = ShowWhen.dateWithin(medication.lastTakenId(), within);
    return List.of(
        medication.lastTakenQuestion(),
        WEIGHT.withShownWhen(takenRecently),
        doseQuestion().withShownWhen(takenRecently));
  }

  private Question doseQuestion() {
    return Question.amount(
            medication.dailyDoseId(),
            Topic.TREATMENT,
            Message.of("question.medication.daily-dose", medication.label(), within.asLast()),
            List.of(Unit.MG),
            0,
            MAX_DAILY_DOSE_MG)
        .withHint(Message.of("hint.medication.daily-dose"));
  }

  /** mg per kg, or NaN if the weight or the dose is missing, unknown or not a usable amount. */
  private static double mgPerKg(AnswerValue weight, AnswerValue dose) {
    if (weight instanceof Amount w
        && dose instanceof Amount d
        && w.unit().dimension() == Unit.Dimension.BODY_WEIGHT
        && d.unit().dimension() == Unit.Dimension.DOSE) {
      double kg = w.inBaseUnit();
      return kg > 0 ? d.inBaseUnit() / kg : Double.NaN;
    }
    return Double.NaN;
  }
}
