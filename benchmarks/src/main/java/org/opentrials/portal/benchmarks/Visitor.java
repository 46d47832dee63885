package org.opentrials.portal.benchmarks;

import java.time.LocalDate;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.Unit;

/**
 * One realistic answer set from the "match me to trials" questionnaire: a 34-year-old woman with
 * active lupus (5 of the 11 ACR criteria, SLEDAI 8) on hydroxychloroquine and low-dose prednisone,
 * rituximab about ten months ago, a basal cell carcinoma 5¼ years ago, shingles six months ago, who
 * says "I don't know" to a few questions (tuberculosis test, antiphospholipid syndrome, SLICC
 * count, cutaneous lupus activity) and skips some others.
 *
 * <p>Dates are relative to {@link MatchBenchmark#SCREENING_DATE} (2026-06-15).
 */
final class Visitor {
  private Visitor() {}

  static Answers answers() {
    AnswerValue yes = Choice.YES;
    AnswerValue no = Choice.NO;
    AnswerValue dontKnow = AnswerValue.DONT_KNOW;
    AnswerValue never = AnswerValue.NEVER;
    return Answers.builder()
        // about you
        .put("age", new WholeNumber(34))
        .put("sex", new Choice("female"))
        .put("weight", new Amount(150, Unit.LB))
        .put("pregnancy", no)
        .put("self-report.willing-contraception", yes)
        // diagnoses
        .put("diagnosis.sle", yes)
        .put("classification.acr-1997-sle.count", new WholeNumber(5))
        .put("classification.slicc-2012-sle.count", dontKnow)
        .put("activity.sle", yes)
        .put("score.sledai-2k", new WholeNumber(8))
        .put("diagnosis.lupus-nephritis", no)
        .put("diagnosis.cutaneous-lupus", yes)
        .put("activity.cutaneous-lupus", dontKnow)
        .put("diagnosis.antiphospholipid-syndrome", dontKnow)
        .put("diagnosis.rheumatoid-arthritis", no)
        // diagnosis.sjogren: not answered
        .put("diagnosis.systemic-sclerosis", no)
        .put("diagnosis.psoriatic-arthritis", no)
        .put("diagnosis.myositis", no)
        .put("diagnosis.anca-vasculitis", no)
        .put("diagnosis.multiple-sclerosis", no)
        .put("diagnosis.psoriasis", no)
        .put("diagnosis.atopic-dermatitis", no)
        .put("diagnosis.crohns-disease", no)
        .put("diagnosis.ulcerative-colitis", no)
        .put("self-report.active-cns-lupus", no)
        // treatment
        .put("medication.hydroxychloroquine.last-taken", date("2026-06-14"))
        .put("medication.prednisone.last-taken", date("2026-06-10"))
        .put("medication.prednisone.daily-dose", new Amount(15, Unit.MG)) // 0.22 mg/kg at 68 kg
        .put("medication.immunosuppressant.last-taken", date("2026-06-14"))
        .put("medication.immunosuppressant.last-changed", date("2026-01-20"))
        .put("medication.belimumab.last-taken", never)
        .put("medication.rituximab.last-taken", date("2025-08-20"))
        .put("medication.other-biologic.last-taken", never)
        .put("medication.anifrolumab.last-taken", never)
        .put("medication.abatacept.last-taken", never)
        .put("medication.tocilizumab.last-taken", never)
        .put("medication.cyclophosphamide.last-taken", never)
        .put("medication.ivig.last-taken", never)
        .put("medication.jak-inhibitor.last-taken", never)
        .put("medication.investigational-drug.last-taken", never)
        .put("medication.live-vaccine.last-taken", date("2026-03-02"))
        // health history
        .put("condition.cancer.last", date("2021-03-01"))
        .put("condition.cancer.kind", new Choice("basal-cell-carcinoma"))
        .put("condition.herpes-zoster.last", date("2025-12-20"))
        .put("condition.serious-infection.last", never)
        .put("condition.stroke.last", never)
        .put("condition.myocardial-infarction.last", never)
        // condition.major-surgery.last: not answered
        .put("infection.hiv", no)
        .put("infection.hepatitis-b", no)
        .put("infection.hepatitis-c", no)
        .put("infection.tuberculosis", dontKnow)
        .put("dialysis", no)
        .put("organ-transplant", no)
        .put("self-report.unstable-condition", no)
        .put("self-report.heart-failure", no)
        // self-report.liver-disease: not answered
        .put("self-report.severe-kidney-disease", no)
        .put("self-report.substance-abuse", no)
        .put("self-report.study-drug-allergy", no)
        .put("self-report.other-trial", no)
        .build();
  }

  private static AnswerValue date(String iso) {
    return new OnDate(LocalDate.parse(iso));
  }
}
