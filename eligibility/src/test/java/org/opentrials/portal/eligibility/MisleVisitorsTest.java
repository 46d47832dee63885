package org.opentrials.portal.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.answers.AnswerValue.DONT_KNOW;
import static org.opentrials.portal.eligibility.answers.AnswerValue.NEVER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.AnswerValue.Choice;
import org.opentrials.portal.eligibility.answers.AnswerValue.OnDate;
import org.opentrials.portal.eligibility.answers.AnswerValue.WholeNumber;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Questionnaire;
import org.opentrials.portal.eligibility.testing.Misle;
import org.opentrials.portal.eligibility.text.Messages;

/**
 * Realistic visitors against the MiSLE trial (NCT02633163, umbilical-cord MSCs for lupus), read
 * from the demo JSON the server loads. Screening on 2026-06-15.
 */
class MisleVisitorsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final TrialCriteria MISLE = Misle.criteria();
  final PreScreener screener =
      new PreScreener(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  final Messages english = Messages.english();

  /**
   * A 34-year-old with lupus confirmed by 5 ACR criteria, active at SLEDAI 8, no nephritis, on 10
   * mg/day prednisone at 60 kg, mycophenolate unchanged for 9 months, nothing else.
   */
  static Answers.Builder eligible() {
    return Answers.builder()
        .put("age", new WholeNumber(34))
        .put("diagnosis.sle", Choice.YES)
        .put("classification.acr-1997-sle.count", new WholeNumber(5))
        .put("activity.sle", Choice.YES)
        .put("score.sledai-2k", new WholeNumber(8))
        .put("diagnosis.lupus-nephritis", Choice.NO)
        .put("self-report.active-cns-lupus", Choice.NO)
        .put("dialysis", Choice.NO)
        .put("condition.cancer.last", NEVER)
        .put("infection.hiv", Choice.NO)
        .put("infection.hepatitis-b", Choice.NO)
        .put("infection.hepatitis-c", Choice.NO)
        .put("infection.tuberculosis", Choice.NO)
        .put("medication.belimumab.last-taken", NEVER)
        .put("medication.rituximab.last-taken", NEVER)
        .put("medication.other-biologic.last-taken", NEVER)
        .put("medication.prednisone.last-taken", new OnDate(TODAY.minusDays(1)))
        .put("weight", new Amount(60, Unit.KG))
        .put("medication.prednisone.daily-dose", new Amount(10, Unit.MG))
        .put("medication.immunosuppressant.last-changed", new OnDate(LocalDate.of(2025, 9, 1)))
        .put("pregnancy", Choice.NO)
        .put("self-report.could-become-pregnant", Choice.NO)
        .put("organ-transplant", Choice.NO)
        .put("self-report.unstable-condition", Choice.NO);
  }

  Screening screen(Answers.Builder answers) {
    Screening s = screener.screen(MISLE, answers.build());
    assertThat(screener.verdict(MISLE, answers.build()))
        .as("fast path agrees")
        .isEqualTo(s.verdict());
    return s;
  }

  static List<String> ids(List<CriterionResult> results) {
    return results.stream().map(r -> r.criterion().id()).toList();
  }

  String reasonFor(Screening s, String criterionId) {
    return s.results().stream()
        .filter(r -> r.criterion().id().equals(criterionId))
        .map(r -> english.render(r.reasons()))
        .findFirst()
        .orElseThrow();
  }

  CriterionStatus statusOf(Screening s, String criterionId) {
    return s.results().stream()
        .filter(r -> r.criterion().id().equals(criterionId))
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void eligibleVisitorMeetsEveryCriterion() {
    Screening s = screen(eligible());
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(s.results())
        .hasSize(16)
        .extracting(CriterionResult::status)
        .containsOnly(CriterionStatus.MET);
    assertThat(reasonFor(s, "active-lupus"))
        .isEqualTo("You said your most recent SLEDAI score was 8; the trial needs 6 or more.");
    assertThat(reasonFor(s, "acr-criteria"))
        .startsWith("You said you have had 5 of the 11 listed signs");
    // Every question the questionnaire shows this visitor is answered, and none is left over.
    Questionnaire q = MISLE.questionnaire();
    assertThat(q.unanswered(eligible().build(), TODAY)).isEmpty();
  }

  @Test
  void seventeenYearsOld() {
    Screening s = screen(eligible().put("age", new WholeNumber(17)));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(ids(s.notMet())).containsExactly("age");
    assertThat(reasonFor(s, "age"))
        .isEqualTo("You said you are 17 years old; the youngest age this trial takes is 18.");
  }

  @Test
  void ageBoundaries() {
    assertThat(screen(eligible().put("age", new WholeNumber(18))).verdict())
        .isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(screen(eligible().put("age", new WholeNumber(65))).verdict())
        .isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(ids(screen(eligible().put("age", new WholeNumber(66))).notMet()))
        .containsExactly("age");
  }

  @Test
  void belimumabSixWeeksAgo() {
    Screening s =
        screen(eligible().put("medication.belimumab.last-taken", new OnDate(TODAY.minusWeeks(6))));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(ids(s.notMet())).containsExactly("recent-biologic");
    assertThat(reasonFor(s, "recent-biologic"))
        .isEqualTo(
            "You said you last took belimumab (Benlysta) on 2026-05-04, within the 2 months before screening.");
  }

  @Test
  void belimumabExactlyTwoMonthsAgoStillExcludesTheDayBeforeDoesNot() {
    assertThat(
            screen(
                    eligible()
                        .put(
                            "medication.belimumab.last-taken",
                            new OnDate(LocalDate.of(2026, 4, 15))))
                .verdict())
        .isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(
            screen(
                    eligible()
                        .put(
                            "medication.belimumab.last-taken",
                            new OnDate(LocalDate.of(2026, 4, 14))))
                .verdict())
        .isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void rituximabFourMonthsAgo() {
    Screening s =
        screen(eligible().put("medication.rituximab.last-taken", new OnDate(TODAY.minusMonths(4))));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(ids(s.notMet())).containsExactly("recent-biologic");
  }

  @Test
  void rituximabSevenMonthsAgo() {
    Screening s =
        screen(eligible().put("medication.rituximab.last-taken", new OnDate(TODAY.minusMonths(7))));
    assertThat(statusOf(s, "recent-biologic")).isEqualTo(CriterionStatus.MET);
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void prednisone40MgAt60Kg() {
    Screening s =
        screen(eligible().put("medication.prednisone.daily-dose", new Amount(40, Unit.MG)));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(ids(s.notMet())).containsExactly("high-dose-prednisone");
    assertThat(reasonFor(s, "high-dose-prednisone"))
        .contains("0.67 mg per kg a day, above the limit of 0.5");
  }

  @Test
  void prednisone20MgAt60Kg() {
    Screening s =
        screen(eligible().put("medication.prednisone.daily-dose", new Amount(20, Unit.MG)));
    assertThat(statusOf(s, "high-dose-prednisone")).isEqualTo(CriterionStatus.MET);
    assertThat(reasonFor(s, "high-dose-prednisone"))
        .contains("0.33 mg per kg a day, not above the limit of 0.5");
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void prednisone40MgAt154Pounds() {
    Screening s =
        screen(
            eligible()
                .put("weight", new Amount(154, Unit.LB))
                .put("medication.prednisone.daily-dose", new Amount(40, Unit.MG)));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(reasonFor(s, "high-dose-prednisone"))
        .contains("at a body weight of 154 lb (69.9 kg)")
        .contains("0.57 mg per kg a day");
  }

  @Test
  void prednisoneStoppedMoreThanAMonthAgoIsNotAskedAboutDose() {
    Answers.Builder stopped =
        eligible()
            .put("medication.prednisone.last-taken", new OnDate(LocalDate.of(2026, 5, 1)))
            .put("medication.prednisone.daily-dose", new Amount(60, Unit.MG));
    assertThat(screen(stopped).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(MISLE.questionnaire().shownQuestions(stopped.build(), TODAY))
        .extracting(question -> question.id().value())
        .doesNotContain("medication.prednisone.daily-dose", "weight");
  }

  @Test
  void basalCellCarcinomaTwoYearsAgo() {
    Screening s =
        screen(
            eligible()
                .put("condition.cancer.last", new OnDate(TODAY.minusYears(2)))
                .put("condition.cancer.kind", new Choice("basal-cell-carcinoma")));
    assertThat(statusOf(s, "recent-cancer")).isEqualTo(CriterionStatus.MET);
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void breastCancerThreeYearsAgo() {
    Screening s =
        screen(
            eligible()
                .put("condition.cancer.last", new OnDate(TODAY.minusYears(3)))
                .put("condition.cancer.kind", new Choice("other")));
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(ids(s.notMet())).containsExactly("recent-cancer");
  }

  @Test
  void breastCancerSixYearsAgo() {
    Screening s = screen(eligible().put("condition.cancer.last", new OnDate(TODAY.minusYears(6))));
    assertThat(statusOf(s, "recent-cancer")).isEqualTo(CriterionStatus.MET);
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void cancerExactlyFiveYearsAgoCounts() {
    Answers.Builder a =
        eligible()
            .put("condition.cancer.last", new OnDate(LocalDate.of(2021, 6, 15)))
            .put("condition.cancer.kind", new Choice("other"));
    assertThat(screen(a).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    a.put("condition.cancer.last", new OnDate(LocalDate.of(2021, 6, 14)));
    assertThat(screen(a).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
  }

  @Test
  void ageNotGiven() {
    Answers.Builder a = eligible();
    a.remove(org.opentrials.portal.eligibility.criteria.StandardQuestions.AGE_ID);
    Screening s = screen(a);
    assertThat(s.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(ids(s.unknown())).containsExactly("age");
    assertThat(reasonFor(s, "age")).isEqualTo("You have not answered “How old are you?”");
  }

  @Test
  void doesNotKnowAboutHiv() {
    Screening s = screen(eligible().put("infection.hiv", DONT_KNOW));
    assertThat(s.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(ids(s.unknown())).containsExactly("hiv-hepatitis");
    assertThat(reasonFor(s, "hiv-hepatitis"))
        .isEqualTo("You answered “I don’t know” to “Have you ever tested positive for HIV?”");
  }

  /**
   * Issue 14 item 6: "pregnancy/breastfeeding without contraception use" reads, for a coordinator,
   * as two exclusions. Pregnant or breastfeeding rules her out whatever she uses; able to become
   * pregnant rules her out only without contraception.
   */
  @Test
  void pregnantRuledOutEvenWithContraception() {
    Screening s =
        screen(
            eligible()
                .put("pregnancy", Choice.YES)
                .put("self-report.could-become-pregnant", Choice.YES)
                .put("self-report.using-contraception", Choice.YES));
    assertThat(ids(s.notMet())).containsExactly("pregnancy");
    assertThat(s.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
  }

  @Test
  void couldBecomePregnantOnlyWithoutContraception() {
    Answers.Builder protectedVisitor =
        eligible()
            .put("self-report.could-become-pregnant", Choice.YES)
            .put("self-report.using-contraception", Choice.YES);
    assertThat(screen(protectedVisitor).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    Screening without =
        screen(
            eligible()
                .put("self-report.could-become-pregnant", Choice.YES)
                .put("self-report.using-contraception", Choice.NO));
    assertThat(ids(without.notMet())).containsExactly("no-contraception");
    // Nobody who cannot become pregnant is asked about contraception.
    assertThat(MISLE.questionnaire().unanswered(eligible().build(), TODAY)).isEmpty();
  }

  @Test
  void lupusNephritisOnStandardTherapyOrNot() {
    Answers.Builder treated =
        eligible()
            .put("diagnosis.lupus-nephritis", Choice.YES)
            .put("self-report.lupus-nephritis-standard-therapy", Choice.YES);
    assertThat(screen(treated).verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    treated.put("self-report.lupus-nephritis-standard-therapy", Choice.NO);
    assertThat(ids(screen(treated).notMet())).containsExactly("nephritis-treated");
  }

  @Test
  void activeLupusWithoutAKnownScoreIsMetPendingConfirmation() {
    Screening s = screen(eligible().put("score.sledai-2k", DONT_KNOW));
    assertThat(s.verdict()).isEqualTo(Verdict.LIKELY_ELIGIBLE);
    assertThat(reasonFor(s, "active-lupus"))
        .isEqualTo(
            "You said a doctor told you your lupus is active despite treatment; the study team will confirm your SLEDAI score.");
    assertThat(ids(screen(eligible().put("score.sledai-2k", new WholeNumber(4))).notMet()))
        .containsExactly("active-lupus");
  }

  @Test
  void tooFewAcrCriteria() {
    Screening s = screen(eligible().put("classification.acr-1997-sle.count", new WholeNumber(3)));
    assertThat(ids(s.notMet())).containsExactly("acr-criteria");
  }

  @Test
  void nothingAnsweredIsNeverLikely() {
    Screening s = screen(Answers.builder());
    assertThat(s.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(s.notMet()).isEmpty();
    assertThat(s.unknown()).hasSize(16);
  }

  @Test
  void reasonsInSpanish() {
    Screening s =
        screen(
            eligible()
                .put("medication.belimumab.last-taken", new OnDate(LocalDate.of(2026, 5, 4))));
    CriterionResult biologic = s.notMet().get(0);
    Messages spanish = Messages.forLocale(Locale.forLanguageTag("es"));
    assertThat(spanish.render(biologic.criterion().text()))
        .isEqualTo(
            "He recibido belimumab en los últimos 2 meses, o rituximab u otro medicamento biológico en los últimos 6 meses.");
    assertThat(spanish.render(biologic.reasons()))
        .isEqualTo(
            "Usted dijo que tomó belimumab (Benlysta) por última vez el 2026-05-04, dentro de los 2 meses anteriores a la evaluación.");
    assertThat(spanish.render(s.verdict().label()))
        .isEqualTo("Según sus respuestas, no puede participar en este ensayo.");
  }

  /**
   * Every reason any visitor can get renders in both languages, and the fast path always agrees.
   */
  @Test
  void randomVisitorsAreConsistentAndFullyTranslated() {
    Questionnaire q = MISLE.questionnaire();
    Messages spanish = Messages.forLocale(Locale.forLanguageTag("es"));
    Random random = new Random(42);
    for (int visitor = 0; visitor < 2000; visitor++) {
      Answers.Builder b = Answers.builder();
      for (Question question : q.questions()) {
        AnswerValue v = randomAnswer(question, random);
        if (v != null) {
          b.put(question.id(), v);
        }
      }
      Answers answers = b.build();
      Screening s = screener.screen(MISLE, answers);
      assertThat(screener.verdict(MISLE, answers)).as("%s", answers).isEqualTo(s.verdict());
      for (CriterionResult r : s.results()) {
        assertThat(r.reasons()).isNotEmpty();
        assertThat(english.render(r.reasons())).isNotBlank();
        assertThat(spanish.render(r.reasons())).isNotBlank();
        org.opentrials.portal.eligibility.criteria.Truth truth =
            r.criterion().rule().test(answers, TODAY);
        assertThat(CriterionStatus.of(r.criterion().type(), truth)).isEqualTo(r.status());
      }
    }
  }

  private static AnswerValue randomAnswer(Question q, Random random) {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return null;
    }
    if (roll == 1) {
      return DONT_KNOW;
    }
    switch (q.type()) {
      case YES_NO:
      case CHOICE:
        return new Choice(q.options().get(random.nextInt(q.options().size())).value());
      case WHOLE_NUMBER:
        return new WholeNumber(random.nextInt((int) q.max() + 1));
      case AMOUNT:
        return new Amount(
            q.min() + random.nextDouble() * (q.max() - q.min()) / 10,
            q.units().get(random.nextInt(q.units().size())));
      case DATE_OR_NEVER:
        return roll == 2 ? NEVER : new OnDate(TODAY.minusDays(random.nextInt(365 * 8)));
      default:
        throw new AssertionError(q.type());
    }
  }
}
