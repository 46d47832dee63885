package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.eligibility.answers.AnswerValue.DONT_KNOW;
import static org.opentrials.portal.eligibility.answers.AnswerValue.NEVER;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;
import static org.opentrials.portal.eligibility.testing.Fixtures.answers;
import static org.opentrials.portal.eligibility.testing.Fixtures.english;
import static org.opentrials.portal.eligibility.testing.Fixtures.outcome;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentrials.portal.eligibility.answers.AnswerValue.Amount;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.answers.Unit;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/** Every rule kind: its decisions, boundaries, unknowns and reasons. Screening date 2026-06-15. */
class RulesTest {

  @Nested
  class Age {
    final AgeRange rule = AgeRange.between(18, 65);

    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({
      "17, FALSE",
      "18, TRUE",
      "40, TRUE",
      "65, TRUE",
      "66, FALSE",
      "0, FALSE",
      "120, FALSE"
    })
    void boundsAreInclusive(int age, Truth expected) {
      assertThat(outcome(rule, answers("age", age)).truth()).isEqualTo(expected);
    }

    @Test
    void reasonsNameTheAge() {
      assertThat(english(outcome(rule, answers("age", 17))))
          .isEqualTo("You said you are 17 years old; the youngest age this trial takes is 18.");
      assertThat(english(outcome(rule, answers("age", 66))))
          .isEqualTo("You said you are 66 years old; the oldest age this trial takes is 65.");
      assertThat(english(outcome(rule, answers("age", 18))))
          .isEqualTo("You said you are 18 years old; this trial takes people aged 18 to 65.");
    }

    @Test
    void missingOrDontKnowIsUnknown() {
      Outcome missing = outcome(rule, Answers.empty());
      assertThat(missing.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(missing)).isEqualTo("You have not answered “How old are you?”");
      Outcome dontKnow = outcome(rule, answers("age", DONT_KNOW));
      assertThat(dontKnow.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(dontKnow)).isEqualTo("You answered “I don’t know” to “How old are you?”");
    }

    @Test
    void oneSidedRanges() {
      assertThat(outcome(AgeRange.atLeast(18), answers("age", 90)).truth()).isEqualTo(Truth.TRUE);
      assertThat(outcome(AgeRange.atLeast(18), answers("age", 17)).truth()).isEqualTo(Truth.FALSE);
      assertThat(outcome(AgeRange.atMost(12), answers("age", 12)).truth()).isEqualTo(Truth.TRUE);
      assertThat(english(outcome(AgeRange.atMost(12), answers("age", 3))))
          .isEqualTo("You said you are 3 years old; this trial takes people aged 12 or younger.");
    }

    @Test
    void invalidRangesAreRejected() {
      assertThatThrownBy(() -> AgeRange.between(70, 65))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("minimum age 70 is above maximum age 65");
      assertThatThrownBy(() -> new AgeRange(null, null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> AgeRange.atLeast(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> AgeRange.atMost(121)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongKindOfAnswerIsUnknownNotAnError() {
      assertThat(outcome(rule, answers("age", "yes")).truth()).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Nested
  class Sex {
    @Test
    void femaleOnly() {
      SexRule rule = new SexRule(SexRule.Sex.FEMALE);
      assertThat(outcome(rule, answers("sex", "female")).truth()).isEqualTo(Truth.TRUE);
      Outcome male = outcome(rule, answers("sex", "male"));
      assertThat(male.truth()).isEqualTo(Truth.FALSE);
      assertThat(english(male))
          .isEqualTo(
              "You said your sex assigned at birth is male; this trial takes only female participants.");
      assertThat(outcome(rule, answers("sex", DONT_KNOW)).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(rule, Answers.empty()).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(rule.questions()).extracting(q -> q.id().value()).containsExactly("sex");
    }

    @Test
    void allAsksNothingAndHolds() {
      SexRule rule = new SexRule(SexRule.Sex.ALL);
      assertThat(rule.questions()).isEmpty();
      Outcome o = outcome(rule, Answers.empty());
      assertThat(o.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(o)).isEqualTo("This trial takes people of any sex.");
    }
  }

  @Nested
  class DiagnosisRule {
    final Condition sle = new Condition("sle", Text.of("lupus"));
    final Classification acr =
        new Classification(
            "acr-test",
            Text.of("the ACR criteria"),
            List.of(
                Text.of("a"),
                Text.of("b"),
                Text.of("c"),
                Text.of("d"),
                Text.of("e"),
                Text.of("f"),
                Text.of("g"),
                Text.of("h"),
                Text.of("i"),
                Text.of("j"),
                Text.of("k")));
    final Diagnosis confirmed = Diagnosis.confirmed(sle, acr, 4);

    @Test
    void presentWithoutConfirmation() {
      Diagnosis rule = Diagnosis.present(sle);
      assertThat(outcome(rule, answers("diagnosis.sle", "yes")).truth()).isEqualTo(Truth.TRUE);
      assertThat(english(outcome(rule, answers("diagnosis.sle", "yes"))))
          .isEqualTo("You said a doctor has told you that you have lupus.");
      assertThat(outcome(rule, answers("diagnosis.sle", "no")).truth()).isEqualTo(Truth.FALSE);
      assertThat(outcome(rule, answers("diagnosis.sle", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(rule.questions()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} of 11 -> {1}")
    @CsvSource({"3, FALSE", "4, TRUE", "11, TRUE", "0, FALSE"})
    void confirmedByAtLeastNOfM(int count, Truth expected) {
      Outcome o =
          outcome(
              confirmed, answers("diagnosis.sle", "yes", "classification.acr-test.count", count));
      assertThat(o.truth()).isEqualTo(expected);
      assertThat(english(o)).contains("You said you have had " + count + " of the 11 listed signs");
    }

    @Test
    void countUnknownOrDiagnosisMissing() {
      assertThat(outcome(confirmed, answers("diagnosis.sle", "yes")).truth())
          .isEqualTo(Truth.UNKNOWN);
      Outcome dk =
          outcome(
              confirmed,
              answers("diagnosis.sle", "yes", "classification.acr-test.count", DONT_KNOW));
      assertThat(dk.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(dk))
          .isEqualTo(
              "You said a doctor has told you that you have lupus. "
                  + "You answered “I don’t know” to “How many of these 11 have you ever had?”");
      // A count given without the diagnosis does not make the diagnosis.
      assertThat(outcome(confirmed, answers("classification.acr-test.count", 6)).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(
              outcome(confirmed, answers("diagnosis.sle", "no", "classification.acr-test.count", 6))
                  .truth())
          .isEqualTo(Truth.FALSE);
    }

    @Test
    void countIsAFollowUpListingTheItems() {
      List<Question> qs = confirmed.questions();
      assertThat(qs)
          .extracting(q -> q.id().value())
          .containsExactly("diagnosis.sle", "classification.acr-test.count");
      Question count = qs.get(1);
      assertThat(count.items()).hasSize(11);
      assertThat(count.max()).isEqualTo(11);
      assertThat(count.shownWhen().test(answers("diagnosis.sle", "yes"), TODAY)).isTrue();
      assertThat(count.shownWhen().test(answers("diagnosis.sle", "no"), TODAY)).isFalse();
      assertThat(count.shownWhen().test(Answers.empty(), TODAY)).isFalse();
    }

    @Test
    void absent() {
      Diagnosis rule =
          Diagnosis.absent(new Condition("lupus-nephritis", Text.of("lupus nephritis")));
      assertThat(outcome(rule, answers("diagnosis.lupus-nephritis", "no")).truth())
          .isEqualTo(Truth.TRUE);
      assertThat(outcome(rule, answers("diagnosis.lupus-nephritis", "yes")).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(outcome(rule, answers("diagnosis.lupus-nephritis", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void invalid() {
      assertThatThrownBy(() -> Diagnosis.confirmed(sle, acr, 12))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Diagnosis.confirmed(sle, acr, 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Diagnosis(sle, false, new Diagnosis.Confirmation(acr, 4)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Condition("SLE", Text.of("lupus")))
          .hasMessageContaining("condition id must be");
    }
  }

  @Nested
  class Activity {
    final Condition sle = new Condition("sle", Text.of("lupus"));
    final Score sledai = new Score("sledai-2k", Text.of("SLEDAI"), 105);
    final DiseaseActivity rule =
        new DiseaseActivity(sle, new DiseaseActivity.ScoreThreshold(sledai, 6));

    @Test
    void yesWithoutScoreIsMetPendingConfirmation() {
      Outcome o = outcome(rule, answers("activity.sle", "yes"));
      assertThat(o.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(o))
          .isEqualTo(
              "You said a doctor told you your lupus is active despite treatment; "
                  + "the study team will confirm your SLEDAI score.");
      assertThat(
              outcome(rule, answers("activity.sle", "yes", "score.sledai-2k", DONT_KNOW)).truth())
          .isEqualTo(Truth.TRUE);
    }

    @ParameterizedTest(name = "SLEDAI {0} -> {1}")
    @CsvSource({"5, FALSE", "6, TRUE", "12, TRUE"})
    void knownScoreDecides(int score, Truth expected) {
      assertThat(outcome(rule, answers("activity.sle", "yes", "score.sledai-2k", score)).truth())
          .isEqualTo(expected);
      assertThat(
              outcome(rule, answers("activity.sle", DONT_KNOW, "score.sledai-2k", score)).truth())
          .isEqualTo(expected);
    }

    @Test
    void noOrUnknown() {
      assertThat(outcome(rule, answers("activity.sle", "no")).truth()).isEqualTo(Truth.FALSE);
      // "No" decides: a score entered earlier and now hidden is ignored.
      assertThat(outcome(rule, answers("activity.sle", "no", "score.sledai-2k", 10)).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(outcome(rule, answers("activity.sle", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(rule, Answers.empty()).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(rule, answers("score.sledai-2k", 10)).truth()).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void scoreAskedAfterYesOrDontKnow() {
      Question score = rule.questions().get(1);
      assertThat(score.shownWhen().test(answers("activity.sle", "yes"), TODAY)).isTrue();
      assertThat(score.shownWhen().test(answers("activity.sle", DONT_KNOW), TODAY)).isTrue();
      assertThat(score.shownWhen().test(answers("activity.sle", "no"), TODAY)).isFalse();
      assertThat(score.max()).isEqualTo(105);
    }

    @Test
    void withoutThreshold() {
      DiseaseActivity plain = new DiseaseActivity(sle, null);
      assertThat(plain.questions()).hasSize(1);
      assertThat(english(outcome(plain, answers("activity.sle", "yes"))))
          .endsWith("the study team will confirm this.");
      assertThatThrownBy(() -> new DiseaseActivity.ScoreThreshold(sledai, 106))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class MedicationTakenRule {
    final MedicationTaken belimumab =
        new MedicationTaken(
            new Medication("belimumab", Text.of("belimumab")), TimeWindow.months(2));

    @ParameterizedTest(name = "last taken {0} -> {1}")
    @CsvSource({
      "2026-04-14, FALSE", // the day before the window
      "2026-04-15, TRUE", // exactly 2 months before screening: within
      "2026-04-16, TRUE", // the day after
      "2026-06-15, TRUE", // today
      "2020-01-01, FALSE"
    })
    void twoMonthBoundary(LocalDate lastTaken, Truth expected) {
      assertThat(outcome(belimumab, answers("medication.belimumab.last-taken", lastTaken)).truth())
          .isEqualTo(expected);
    }

    @Test
    void reasons() {
      assertThat(
              english(
                  outcome(
                      belimumab,
                      answers("medication.belimumab.last-taken", LocalDate.of(2026, 5, 1)))))
          .isEqualTo(
              "You said you last took belimumab on 2026-05-01, within the 2 months before screening.");
      assertThat(
              english(
                  outcome(
                      belimumab,
                      answers("medication.belimumab.last-taken", LocalDate.of(2026, 4, 14)))))
          .isEqualTo(
              "You said you last took belimumab on 2026-04-14, more than 2 months before screening.");
      Outcome never = outcome(belimumab, answers("medication.belimumab.last-taken", NEVER));
      assertThat(never.truth()).isEqualTo(Truth.FALSE);
      assertThat(english(never)).isEqualTo("You said you have never taken belimumab.");
    }

    @Test
    void unknowns() {
      assertThat(outcome(belimumab, Answers.empty()).truth()).isEqualTo(Truth.UNKNOWN);
      Outcome dk = outcome(belimumab, answers("medication.belimumab.last-taken", DONT_KNOW));
      assertThat(dk.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(dk))
          .isEqualTo("You answered “I don’t know” to “When did you last take belimumab?”");
    }
  }

  @Nested
  class MedicationDoseRule {
    final MedicationDose prednisone =
        new MedicationDose(
            new Medication("prednisone", Text.of("prednisone")), 0.5, TimeWindow.months(1));
    final LocalDate recently = LocalDate.of(2026, 6, 1);

    Answers took(LocalDate when, double weight, Unit weightUnit, double mg) {
      return Answers.builder()
          .put(
              "medication.prednisone.last-taken",
              org.opentrials.portal.eligibility.testing.Fixtures.value(when))
          .put("weight", new Amount(weight, weightUnit))
          .put("medication.prednisone.daily-dose", new Amount(mg, Unit.MG))
          .build();
    }

    @Test
    void aboveThreshold() {
      Outcome o = outcome(prednisone, took(recently, 60, Unit.KG, 40));
      assertThat(o.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(o))
          .isEqualTo(
              "You said you took up to 40 mg of prednisone a day at a body weight of 60 kg: "
                  + "0.67 mg per kg a day, above the limit of 0.5.");
    }

    @Test
    void belowAndExactlyAtThreshold() {
      Outcome low = outcome(prednisone, took(recently, 60, Unit.KG, 20));
      assertThat(low.truth()).isEqualTo(Truth.FALSE);
      assertThat(english(low)).contains("0.33 mg per kg a day, not above the limit of 0.5");
      // 30 mg at 60 kg is exactly 0.5: not "more than" 0.5.
      assertThat(outcome(prednisone, took(recently, 60, Unit.KG, 30)).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(outcome(prednisone, took(recently, 60, Unit.KG, 30.01)).truth())
          .isEqualTo(Truth.TRUE);
    }

    @Test
    void poundsConvertToKilograms() {
      Outcome o = outcome(prednisone, took(recently, 154, Unit.LB, 40));
      assertThat(o.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(o)).contains("154 lb (69.9 kg)").contains("0.57 mg per kg a day");
    }

    @Test
    void onlyDosesWithinTheWindowCount() {
      // Window of 1 month before 2026-06-15 starts on 2026-05-15.
      assertThat(outcome(prednisone, took(LocalDate.of(2026, 5, 14), 60, Unit.KG, 40)).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(outcome(prednisone, took(LocalDate.of(2026, 5, 15), 60, Unit.KG, 40)).truth())
          .isEqualTo(Truth.TRUE);
      assertThat(outcome(prednisone, answers("medication.prednisone.last-taken", NEVER)).truth())
          .isEqualTo(Truth.FALSE);
    }

    @Test
    void missingWeightOrDoseIsUnknown() {
      Answers noWeight = took(recently, 60, Unit.KG, 40).without(StandardQuestions.WEIGHT_ID);
      Outcome o = outcome(prednisone, noWeight);
      assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(o))
          .isEqualTo(
              "You said you last took prednisone on 2026-06-01, within the month before screening. "
                  + "You have not answered “How much do you weigh?”");
      Answers doseUnknown =
          took(recently, 60, Unit.KG, 40)
              .with(new Medication("prednisone", Text.of("prednisone")).dailyDoseId(), DONT_KNOW);
      assertThat(outcome(prednisone, doseUnknown).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(
              outcome(prednisone, answers("medication.prednisone.last-taken", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void weightAndDoseAreFollowUpsOfARecentDose() {
      List<Question> qs = prednisone.questions();
      assertThat(qs)
          .extracting(q -> q.id().value())
          .containsExactly(
              "medication.prednisone.last-taken", "weight", "medication.prednisone.daily-dose");
      for (Question followUp : qs.subList(1, 3)) {
        assertThat(
                followUp
                    .shownWhen()
                    .test(answers("medication.prednisone.last-taken", recently), TODAY))
            .isTrue();
        assertThat(
                followUp
                    .shownWhen()
                    .test(
                        answers("medication.prednisone.last-taken", LocalDate.of(2026, 5, 14)),
                        TODAY))
            .isFalse();
        assertThat(
                followUp
                    .shownWhen()
                    .test(answers("medication.prednisone.last-taken", NEVER), TODAY))
            .isFalse();
        assertThat(
                followUp
                    .shownWhen()
                    .test(answers("medication.prednisone.last-taken", DONT_KNOW), TODAY))
            .isFalse();
      }
      assertThat(qs.get(1).units()).containsExactly(Unit.KG, Unit.LB);
      assertThat(qs.get(2).units()).containsExactly(Unit.MG);
    }

    @Test
    void invalidThreshold() {
      Medication m = new Medication("prednisone", Text.of("prednisone"));
      assertThatThrownBy(() -> new MedicationDose(m, 0, TimeWindow.months(1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new MedicationDose(m, Double.NaN, TimeWindow.months(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class MedicationChangedRule {
    final MedicationChanged rule =
        new MedicationChanged(
            new Medication("immunosuppressant", Text.of("an immunosuppressant")),
            TimeWindow.months(3));

    @ParameterizedTest(name = "last changed {0} -> {1}")
    @CsvSource({"2026-03-14, FALSE", "2026-03-15, TRUE", "2026-03-16, TRUE"})
    void threeMonthBoundary(LocalDate changed, Truth expected) {
      assertThat(
              outcome(rule, answers("medication.immunosuppressant.last-changed", changed)).truth())
          .isEqualTo(expected);
    }

    @Test
    void reasonsAndUnknowns() {
      assertThat(
              english(
                  outcome(
                      rule,
                      answers(
                          "medication.immunosuppressant.last-changed", LocalDate.of(2026, 5, 2)))))
          .isEqualTo(
              "You said you last started or changed an immunosuppressant on 2026-05-02, within the 3 months before screening.");
      assertThat(outcome(rule, answers("medication.immunosuppressant.last-changed", NEVER)).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(
              outcome(rule, answers("medication.immunosuppressant.last-changed", DONT_KNOW))
                  .truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(rule.questions())
          .extracting(q -> q.id().value())
          .containsExactly("medication.immunosuppressant.last-changed");
    }
  }

  @Nested
  class ConditionWithinRule {
    final ConditionWithin cancer =
        new ConditionWithin(
            new Condition("cancer", Text.of("cancer")),
            TimeWindow.years(5),
            List.of(
                new Subtype("basal-cell-carcinoma", Text.of("basal cell carcinoma of the skin")),
                new Subtype("cervical-carcinoma-in-situ", Text.of("cervical carcinoma in situ"))));

    @ParameterizedTest(name = "{0} of kind {1} -> {2}")
    @CsvSource({
      "2021-06-14, other, FALSE", // the day before the 5-year window
      "2021-06-15, other, TRUE", // exactly 5 years ago: within
      "2021-06-16, other, TRUE",
      "2024-06-15, basal-cell-carcinoma, FALSE",
      "2024-06-15, cervical-carcinoma-in-situ, FALSE",
      "2024-06-15, melanoma, TRUE" // a kind another trial allows: still counts here
    })
    void fiveYearBoundaryAndExceptions(LocalDate last, String kind, Truth expected) {
      assertThat(
              outcome(cancer, answers("condition.cancer.last", last, "condition.cancer.kind", kind))
                  .truth())
          .isEqualTo(expected);
    }

    @Test
    void reasons() {
      assertThat(
              english(
                  outcome(
                      cancer,
                      answers(
                          "condition.cancer.last",
                          LocalDate.of(2024, 6, 1),
                          "condition.cancer.kind",
                          "basal-cell-carcinoma"))))
          .isEqualTo(
              "You said you were last diagnosed with or treated for cancer on 2024-06-01, and that it was "
                  + "basal cell carcinoma of the skin, which this trial does not count.");
      assertThat(
              english(outcome(cancer, answers("condition.cancer.last", LocalDate.of(2019, 1, 1)))))
          .isEqualTo(
              "You said you were last diagnosed with or treated for cancer on 2019-01-01, more than 5 years before screening.");
      assertThat(english(outcome(cancer, answers("condition.cancer.last", NEVER))))
          .isEqualTo("You said you have never had cancer.");
    }

    @Test
    void unknownKind() {
      Outcome o =
          outcome(
              cancer,
              answers(
                  "condition.cancer.last",
                  LocalDate.of(2024, 6, 1),
                  "condition.cancer.kind",
                  DONT_KNOW));
      assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(o))
          .endsWith("You answered “I don’t know” to “Which kind of cancer was it?”");
      assertThat(
              outcome(cancer, answers("condition.cancer.last", LocalDate.of(2024, 6, 1))).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(cancer, answers("condition.cancer.last", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void kindIsAskedOnlyWithinTheWindow() {
      Question kind = cancer.questions().get(1);
      assertThat(kind.options())
          .extracting(o -> o.value())
          .containsExactly("basal-cell-carcinoma", "cervical-carcinoma-in-situ", "other");
      assertThat(
              kind.shownWhen()
                  .test(answers("condition.cancer.last", LocalDate.of(2024, 1, 1)), TODAY))
          .isTrue();
      assertThat(
              kind.shownWhen()
                  .test(answers("condition.cancer.last", LocalDate.of(2020, 1, 1)), TODAY))
          .isFalse();
      assertThat(kind.shownWhen().test(answers("condition.cancer.last", NEVER), TODAY)).isFalse();
    }

    @Test
    void withoutExceptionsNoKindQuestion() {
      ConditionWithin any =
          new ConditionWithin(
              new Condition("stroke", Text.of("a stroke")), TimeWindow.months(6), List.of());
      assertThat(any.questions()).hasSize(1);
      assertThat(outcome(any, answers("condition.stroke.last", LocalDate.of(2026, 1, 1))).truth())
          .isEqualTo(Truth.TRUE);
    }

    @Test
    void invalid() {
      assertThatThrownBy(() -> new Subtype("other", Text.of("x"))).hasMessageContaining("reserved");
      Subtype s = new Subtype("a", Text.of("a"));
      assertThatThrownBy(
              () ->
                  new ConditionWithin(
                      new Condition("c", Text.of("c")), TimeWindow.years(1), List.of(s, s)))
          .hasMessageContaining("listed twice");
    }
  }

  @Nested
  class Pregnancy {
    final PregnancyOrBreastfeeding unlessContraception = new PregnancyOrBreastfeeding(true);

    @Test
    void decisions() {
      assertThat(outcome(unlessContraception, answers("pregnancy", "no")).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(
              outcome(
                      unlessContraception,
                      answers("pregnancy", "yes", "pregnancy.contraception", "yes"))
                  .truth())
          .isEqualTo(Truth.FALSE);
      Outcome without =
          outcome(
              unlessContraception, answers("pregnancy", "yes", "pregnancy.contraception", "no"));
      assertThat(without.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(without))
          .isEqualTo("You said you are pregnant or breastfeeding and not using contraception.");
      assertThat(
              outcome(
                      unlessContraception,
                      answers("pregnancy", "yes", "pregnancy.contraception", DONT_KNOW))
                  .truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(unlessContraception, answers("pregnancy", "yes")).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(outcome(unlessContraception, answers("pregnancy", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void withoutContraceptionOption() {
      PregnancyOrBreastfeeding strict = new PregnancyOrBreastfeeding(false);
      assertThat(strict.questions()).hasSize(1);
      assertThat(
              outcome(strict, answers("pregnancy", "yes", "pregnancy.contraception", "yes"))
                  .truth())
          .isEqualTo(Truth.TRUE);
    }

    @Test
    void contraceptionAskedOnlyAfterYes() {
      Question contraception = unlessContraception.questions().get(1);
      assertThat(contraception.shownWhen().test(answers("pregnancy", "yes"), TODAY)).isTrue();
      assertThat(contraception.shownWhen().test(answers("pregnancy", "no"), TODAY)).isFalse();
      assertThat(contraception.shownWhen().test(answers("pregnancy", DONT_KNOW), TODAY)).isFalse();
    }
  }

  @Nested
  class PositiveTestRule {
    final PositiveTest rule =
        PositiveTest.of(Infection.HIV, Infection.HEPATITIS_B, Infection.HEPATITIS_C);

    @Test
    void anyPositiveDecidesEvenWithUnknowns() {
      Outcome o =
          outcome(rule, answers("infection.hiv", DONT_KNOW, "infection.hepatitis-b", "yes"));
      assertThat(o.truth()).isEqualTo(Truth.TRUE);
      assertThat(english(o)).isEqualTo("You said you have tested positive for hepatitis B.");
    }

    @Test
    void allNegative() {
      Outcome o =
          outcome(
              rule,
              answers(
                  "infection.hiv",
                  "no",
                  "infection.hepatitis-b",
                  "no",
                  "infection.hepatitis-c",
                  "no"));
      assertThat(o.truth()).isEqualTo(Truth.FALSE);
      assertThat(o.reasons()).hasSize(3);
    }

    @Test
    void unknownNamesTheOpenQuestion() {
      Outcome o =
          outcome(
              rule,
              answers(
                  "infection.hiv",
                  DONT_KNOW,
                  "infection.hepatitis-b",
                  "no",
                  "infection.hepatitis-c",
                  "no"));
      assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(o))
          .isEqualTo("You answered “I don’t know” to “Have you ever tested positive for HIV?”");
    }

    @Test
    void oneQuestionPerInfection() {
      assertThat(rule.questions())
          .extracting(q -> q.id().value())
          .containsExactly("infection.hiv", "infection.hepatitis-b", "infection.hepatitis-c");
      assertThatThrownBy(() -> PositiveTest.of()).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> PositiveTest.of(Infection.HIV, Infection.HIV))
          .hasMessageContaining("twice");
    }
  }

  @Nested
  class YesNoRules {
    @Test
    void dialysis() {
      Dialysis rule = new Dialysis();
      assertThat(outcome(rule, answers("dialysis", "yes")).truth()).isEqualTo(Truth.TRUE);
      assertThat(english(outcome(rule, answers("dialysis", "no"))))
          .isEqualTo("You said you do not need dialysis.");
      assertThat(outcome(rule, answers("dialysis", DONT_KNOW)).truth()).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void organTransplant() {
      OrganTransplant rule = new OrganTransplant();
      assertThat(outcome(rule, answers("organ-transplant", "yes")).truth()).isEqualTo(Truth.TRUE);
      assertThat(outcome(rule, answers("organ-transplant", "no")).truth()).isEqualTo(Truth.FALSE);
      assertThat(outcome(rule, Answers.empty()).truth()).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void selfReport() {
      SelfReport rule =
          new SelfReport("unstable", Text.of("Is your condition unstable?"), Topic.HEALTH_HISTORY);
      assertThat(rule.questionId().value()).isEqualTo("self-report.unstable");
      assertThat(english(outcome(rule, answers("self-report.unstable", "yes"))))
          .isEqualTo("You answered “yes” to “Is your condition unstable?”");
      assertThat(outcome(rule, answers("self-report.unstable", "no")).truth())
          .isEqualTo(Truth.FALSE);
      assertThat(outcome(rule, answers("self-report.unstable", DONT_KNOW)).truth())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(rule)
          .isEqualTo(
              new SelfReport(
                  "unstable", Text.of("Is your condition unstable?"), Topic.HEALTH_HISTORY));
    }

    @Test
    void coordinatorCheckIsAlwaysUnknown() {
      CoordinatorCheck rule = new CoordinatorCheck(Text.of("This needs your recent blood tests."));
      assertThat(rule.questions()).isEmpty();
      Outcome o = outcome(rule, answers("age", 30));
      assertThat(o.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(english(o))
          .isEqualTo(
              "The study team needs to check this with you: This needs your recent blood tests.");
    }
  }
}
