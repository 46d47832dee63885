package org.opentrials.portal.eligibility.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.eligibility.answers.AnswerValue.DONT_KNOW;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;
import static org.opentrials.portal.eligibility.testing.Fixtures.answers;
import static org.opentrials.portal.eligibility.testing.Fixtures.english;
import static org.opentrials.portal.eligibility.testing.Fixtures.outcome;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.questions.Question;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/** and / or / not over real rules, checked against Kleene's tables. */
class CompositeRulesTest {
  final SelfReport a = new SelfReport("composite-a", Text.of("A?"), Topic.HEALTH_HISTORY);
  final SelfReport b = new SelfReport("composite-b", Text.of("B?"), Topic.HEALTH_HISTORY);

  /** An answer making a self-report rule TRUE, FALSE or UNKNOWN. */
  static AnswerValue answerFor(Truth t) {
    switch (t) {
      case TRUE:
        return AnswerValue.Choice.YES;
      case FALSE:
        return AnswerValue.Choice.NO;
      default:
        return DONT_KNOW;
    }
  }

  Answers given(Truth ta, Truth tb) {
    return Answers.builder()
        .put(a.questionId(), answerFor(ta))
        .put(b.questionId(), answerFor(tb))
        .build();
  }

  @ParameterizedTest(name = "{0} and {1} = {2}")
  @CsvSource({
    "TRUE, TRUE, TRUE", "TRUE, FALSE, FALSE", "TRUE, UNKNOWN, UNKNOWN",
    "FALSE, TRUE, FALSE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, FALSE",
    "UNKNOWN, TRUE, UNKNOWN", "UNKNOWN, FALSE, FALSE", "UNKNOWN, UNKNOWN, UNKNOWN"
  })
  void and(Truth ta, Truth tb, Truth expected) {
    assertThat(outcome(a.and(b), given(ta, tb)).truth()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} or {1} = {2}")
  @CsvSource({
    "TRUE, TRUE, TRUE", "TRUE, FALSE, TRUE", "TRUE, UNKNOWN, TRUE",
    "FALSE, TRUE, TRUE", "FALSE, FALSE, FALSE", "FALSE, UNKNOWN, UNKNOWN",
    "UNKNOWN, TRUE, TRUE", "UNKNOWN, FALSE, UNKNOWN", "UNKNOWN, UNKNOWN, UNKNOWN"
  })
  void or(Truth ta, Truth tb, Truth expected) {
    assertThat(outcome(a.or(b), given(ta, tb)).truth()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource({"TRUE, FALSE", "FALSE, TRUE", "UNKNOWN, UNKNOWN"})
  void not(Truth ta, Truth expected) {
    assertThat(outcome(Rule.not(a), given(ta, Truth.TRUE)).truth()).isEqualTo(expected);
  }

  @Test
  void reasonsNameTheDecidingAnswers() {
    // AND false: the false rule alone.
    assertThat(english(outcome(a.and(b), given(Truth.UNKNOWN, Truth.FALSE))))
        .isEqualTo("You answered “no” to “B?”");
    // AND true: every rule.
    assertThat(english(outcome(a.and(b), given(Truth.TRUE, Truth.TRUE))))
        .isEqualTo("You answered “yes” to “A?” You answered “yes” to “B?”");
    // OR unknown: the unknown rules only.
    assertThat(english(outcome(a.or(b), given(Truth.FALSE, Truth.UNKNOWN))))
        .isEqualTo("You answered “I don’t know” to “B?”");
    // OR true: the first true rule.
    assertThat(english(outcome(a.or(b), given(Truth.UNKNOWN, Truth.TRUE))))
        .isEqualTo("You answered “yes” to “B?”");
  }

  @Test
  void nAryFactoriesAndValidation() {
    SelfReport c = new SelfReport("composite-c", Text.of("C?"), Topic.HEALTH_HISTORY);
    Rule all = Rule.all(a, b, c);
    Rule any = Rule.any(a, b, c);
    Answers twoYesOneUnknown = given(Truth.TRUE, Truth.TRUE);
    assertThat(outcome(all, twoYesOneUnknown).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(outcome(any, twoYesOneUnknown).truth()).isEqualTo(Truth.TRUE);
    assertThatThrownBy(() -> new And(List.of(a))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Or(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void orHidesLaterQuestionsOnceAnEarlierRuleDecides() {
    Rule biologics =
        new MedicationTaken(new Medication("belimumab", Text.of("belimumab")), TimeWindow.months(2))
            .or(
                new MedicationTaken(
                    new Medication("rituximab", Text.of("rituximab")), TimeWindow.months(6)));
    Question rituximab = biologics.questions().get(1);
    assertThat(rituximab.isFollowUp()).as("asked side by side, not after belimumab").isFalse();
    assertThat(rituximab.shownWhen().test(Answers.empty(), TODAY)).isTrue();
    assertThat(
            rituximab
                .shownWhen()
                .test(answers("medication.belimumab.last-taken", AnswerValue.NEVER), TODAY))
        .isTrue();
    assertThat(
            rituximab
                .shownWhen()
                .test(answers("medication.belimumab.last-taken", LocalDate.of(2026, 6, 1)), TODAY))
        .as("belimumab within 2 months already decides")
        .isFalse();
  }

  @Test
  void andHidesLaterQuestionsOnceAnEarlierRuleIsFalse() {
    Rule adultOnDialysis = AgeRange.atLeast(18).and(new Dialysis());
    Question dialysis = adultOnDialysis.questions().get(1);
    assertThat(dialysis.shownWhen().test(answers("age", 17), TODAY)).isFalse();
    assertThat(dialysis.shownWhen().test(answers("age", 30), TODAY)).isTrue();
    assertThat(dialysis.shownWhen().test(answers("age", DONT_KNOW), TODAY)).isTrue();
    assertThat(dialysis.shownWhen().test(Answers.empty(), TODAY)).isTrue();
  }

  @ParameterizedTest(name = "if {0} then {1} = {2}")
  @CsvSource({
    "TRUE, TRUE, TRUE", "TRUE, FALSE, FALSE", "TRUE, UNKNOWN, UNKNOWN",
    "FALSE, TRUE, TRUE", "FALSE, FALSE, TRUE", "FALSE, UNKNOWN, TRUE",
    "UNKNOWN, TRUE, TRUE", "UNKNOWN, FALSE, UNKNOWN", "UNKNOWN, UNKNOWN, UNKNOWN"
  })
  void ifThenIsKleeneImplication(Truth ta, Truth tb, Truth expected) {
    assertThat(outcome(Rule.ifThen(a, b), given(ta, tb)).truth()).isEqualTo(expected);
    assertThat(expected).isEqualTo(ta.not().or(tb));
  }

  final Rule nephritisTreated =
      Rule.ifThen(
          Diagnosis.present(new Condition("lupus-nephritis", Text.of("lupus nephritis"))),
          new SelfReport("nephritis-therapy", Text.of("Treated?"), Topic.DIAGNOSIS));

  @Test
  void ifThenAsksTheRequirementAsAFollowUp() {
    List<Question> qs = nephritisTreated.questions();
    assertThat(qs)
        .extracting(q -> q.id().value())
        .containsExactly("diagnosis.lupus-nephritis", "self-report.nephritis-therapy");
    Question therapy = qs.get(1);
    assertThat(therapy.isFollowUp()).isTrue();
    assertThat(therapy.shownWhen().dependsOn())
        .extracting(Object::toString)
        .containsExactly("diagnosis.lupus-nephritis");
    assertThat(therapy.shownWhen().test(Answers.empty(), TODAY)).as("not yet answered").isFalse();
    assertThat(therapy.shownWhen().test(answers("diagnosis.lupus-nephritis", "no"), TODAY))
        .isFalse();
    assertThat(therapy.shownWhen().test(answers("diagnosis.lupus-nephritis", "yes"), TODAY))
        .isTrue();
    assertThat(therapy.shownWhen().test(answers("diagnosis.lupus-nephritis", DONT_KNOW), TODAY))
        .isTrue();
  }

  @Test
  void ifThenReasons() {
    assertThat(english(outcome(nephritisTreated, answers("diagnosis.lupus-nephritis", "no"))))
        .isEqualTo("You said no doctor has told you that you have lupus nephritis.");
    assertThat(
            english(
                outcome(
                    nephritisTreated,
                    answers(
                        "diagnosis.lupus-nephritis",
                        "yes",
                        "self-report.nephritis-therapy",
                        "no"))))
        .isEqualTo(
            "You said a doctor has told you that you have lupus nephritis. You answered “no” to “Treated?”");
    assertThat(
            english(
                outcome(
                    nephritisTreated,
                    answers(
                        "diagnosis.lupus-nephritis",
                        DONT_KNOW,
                        "self-report.nephritis-therapy",
                        "yes"))))
        .isEqualTo("You answered “yes” to “Treated?”");
    assertThat(
            english(
                outcome(
                    nephritisTreated,
                    answers(
                        "diagnosis.lupus-nephritis",
                        DONT_KNOW,
                        "self-report.nephritis-therapy",
                        "no"))))
        .isEqualTo(
            "You answered “I don’t know” to “Has a doctor ever told you that you have lupus nephritis?”");
  }
}
