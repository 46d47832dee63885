package org.opentrials.portal.eligibility.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.eligibility.answers.AnswerValue.DONT_KNOW;
import static org.opentrials.portal.eligibility.answers.AnswerValue.NEVER;
import static org.opentrials.portal.eligibility.testing.Fixtures.TODAY;
import static org.opentrials.portal.eligibility.testing.Fixtures.answers;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.QuestionId;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.testing.Misle;
import org.opentrials.portal.eligibility.text.Text;

class QuestionnaireTest {
  final Medication rituximab = new Medication("rituximab", Text.of("rituximab"));
  final Medication prednisone = new Medication("prednisone", Text.of("prednisone"));

  static List<String> ids(List<Question> qs) {
    return qs.stream().map(q -> q.id().value()).toList();
  }

  @Test
  void sharedQuestionsAreAskedOnce() {
    TrialCriteria trial =
        new TrialCriteria(
            "T1",
            List.of(
                Criterion.inclusion("adult", Text.of("Adult"), AgeRange.atLeast(18)),
                Criterion.inclusion("young", Text.of("Young"), AgeRange.atMost(40)),
                Criterion.exclusion(
                    "rtx-6",
                    Text.of("Rituximab 6 months"),
                    new MedicationTaken(rituximab, TimeWindow.months(6))),
                Criterion.exclusion(
                    "rtx-12",
                    Text.of("Rituximab 1 year"),
                    new MedicationTaken(rituximab, TimeWindow.years(1)))));
    assertThat(ids(trial.questions())).hasSize(4);
    assertThat(ids(trial.questionnaire().questions()))
        .containsExactly("age", "medication.rituximab.last-taken");
  }

  @Test
  void sharedAcrossTrials() {
    TrialCriteria one =
        new TrialCriteria(
            "T1", List.of(Criterion.inclusion("age", Text.of("a"), AgeRange.between(18, 65))));
    TrialCriteria two =
        new TrialCriteria(
            "T2",
            List.of(
                Criterion.inclusion("age", Text.of("a"), AgeRange.atLeast(21)),
                Criterion.exclusion(
                    "rtx", Text.of("r"), new MedicationTaken(rituximab, TimeWindow.months(6)))));
    Questionnaire q = TrialCriteria.questionnaire(List.of(one, two));
    assertThat(ids(q.questions())).containsExactly("age", "medication.rituximab.last-taken");
  }

  @Test
  void aQuestionAskedOutrightByOneCriterionIsNotHiddenByAnothersCondition() {
    // The dose rule would ask "when did you last take prednisone" too; another criterion asks it
    // outright. The merged question is shown always; weight and dose stay follow-ups.
    TrialCriteria trial =
        new TrialCriteria(
            "T1",
            List.of(
                Criterion.exclusion(
                    "dose",
                    Text.of("d"),
                    new MedicationDose(prednisone, 0.5, TimeWindow.months(1))),
                Criterion.exclusion(
                    "any", Text.of("a"), new MedicationTaken(prednisone, TimeWindow.months(3)))));
    Questionnaire q = trial.questionnaire();
    assertThat(ids(q.questions()))
        .containsExactly(
            "medication.prednisone.last-taken", "weight", "medication.prednisone.daily-dose");
    assertThat(ids(q.shownQuestions(Answers.empty(), TODAY)))
        .containsExactly("medication.prednisone.last-taken");
    assertThat(
            ids(
                q.shownQuestions(
                    answers("medication.prednisone.last-taken", LocalDate.of(2026, 6, 1)), TODAY)))
        .containsExactly(
            "medication.prednisone.last-taken", "weight", "medication.prednisone.daily-dose");
    assertThat(ids(q.shownQuestions(answers("medication.prednisone.last-taken", NEVER), TODAY)))
        .containsExactly("medication.prednisone.last-taken");
  }

  @Test
  void choiceOptionsAreMergedWithTheCatchAllLast() {
    Condition cancer = new Condition("cancer", Text.of("cancer"));
    ConditionWithin a =
        new ConditionWithin(
            cancer,
            TimeWindow.years(5),
            List.of(new Subtype("basal-cell-carcinoma", Text.of("BCC"))));
    ConditionWithin b =
        new ConditionWithin(
            cancer,
            TimeWindow.years(3),
            List.of(
                new Subtype("basal-cell-carcinoma", Text.of("BCC")),
                new Subtype("prostate-low-risk", Text.of("low-risk prostate cancer"))));
    Questionnaire q =
        TrialCriteria.questionnaire(
            List.of(
                new TrialCriteria("A", List.of(Criterion.exclusion("cancer", Text.of("c"), a))),
                new TrialCriteria("B", List.of(Criterion.exclusion("cancer", Text.of("c"), b)))));
    Question kind = q.question(cancer.kindId()).orElseThrow();
    assertThat(kind.options())
        .extracting(Option::value)
        .containsExactly("basal-cell-carcinoma", "prostate-low-risk", "other");
  }

  @Test
  void misleFollowUpsAppearOnlyWhenRelevant() {
    Questionnaire q = Misle.criteria().questionnaire();
    List<String> initially = ids(q.shownQuestions(Answers.empty(), TODAY));
    assertThat(initially)
        .contains(
            "age",
            "diagnosis.sle",
            "pregnancy",
            "medication.prednisone.last-taken",
            "condition.cancer.last")
        .doesNotContain(
            "classification.acr-1997-sle.count",
            "score.sledai-2k",
            "self-report.lupus-nephritis-standard-therapy",
            "weight",
            "medication.prednisone.daily-dose",
            "condition.cancer.kind",
            "self-report.using-contraception");

    Answers followUps =
        answers(
            "diagnosis.sle", "yes",
            "activity.sle", "yes",
            "diagnosis.lupus-nephritis", "yes",
            "medication.prednisone.last-taken", LocalDate.of(2026, 6, 1),
            "condition.cancer.last", LocalDate.of(2024, 1, 1),
            "self-report.could-become-pregnant", "yes");
    assertThat(ids(q.shownQuestions(followUps, TODAY)))
        .contains(
            "classification.acr-1997-sle.count",
            "score.sledai-2k",
            "self-report.lupus-nephritis-standard-therapy",
            "weight",
            "medication.prednisone.daily-dose",
            "condition.cancer.kind",
            "self-report.using-contraception");

    Answers outsideWindows =
        answers(
            "medication.prednisone.last-taken", LocalDate.of(2026, 5, 14),
            "condition.cancer.last", LocalDate.of(2021, 6, 14),
            "self-report.could-become-pregnant", "no",
            "diagnosis.lupus-nephritis", "no",
            "activity.sle", "no");
    assertThat(ids(q.shownQuestions(outsideWindows, TODAY)))
        .doesNotContain(
            "weight",
            "medication.prednisone.daily-dose",
            "condition.cancer.kind",
            "self-report.using-contraception",
            "self-report.lupus-nephritis-standard-therapy",
            "score.sledai-2k");
  }

  @Test
  void misleStepsHoldTwoToFiveQuestionsWithFollowUpsAfterTheirParent() {
    Questionnaire q = Misle.criteria().questionnaire();
    Set<QuestionId> seen = new HashSet<>();
    for (Step step : q.steps()) {
      assertThat(step.questions().size()).as("step %d", step.number()).isBetween(2, 5);
      for (Question question : step.questions()) {
        assertThat(seen.add(question.id())).as("asked once: %s", question.id()).isTrue();
        // Every question a follow-up depends on comes before it, on the same step.
        for (QuestionId parent : question.shownWhen().dependsOn()) {
          assertThat(ids(step.questions()))
              .as("parent of %s", question.id())
              .contains(parent.value());
          assertThat(seen).contains(parent);
        }
      }
    }
    assertThat(seen).hasSize(q.questions().size());
    assertThat(q.questions()).hasSize(27);
    assertThat(q.steps().size()).isBetween(5, 8);
    // Steps follow the topic order.
    List<Topic> topics = q.steps().stream().map(Step::topic).toList();
    assertThat(topics).isSorted();
    assertThat(q.steps().get(0).title().key()).isEqualTo("step.about-you");
  }

  @Test
  void everyQuestionOffersDontKnowThroughTheForm() {
    Questionnaire q = Misle.criteria().questionnaire();
    for (Question question : q.questions()) {
      assertThat(AnswerForm.parse(question, "dont-know", null, TODAY).value())
          .as(question.id().value())
          .isSameAs(AnswerValue.DONT_KNOW);
    }
  }

  @Test
  void lookupByUntrustedStringNeverRegistersIds() {
    Questionnaire q = Misle.criteria().questionnaire();
    assertThat(q.question("age")).isPresent();
    assertThat(q.question("evil.field-name")).isEmpty();
    assertThat(QuestionId.find("evil.field-name")).isEmpty();
  }

  @Test
  void unansweredListsShownQuestionsWithoutAnswer() {
    Questionnaire q = Misle.criteria().questionnaire();
    assertThat(ids(q.unanswered(answers("age", 30, "pregnancy", DONT_KNOW), TODAY)))
        .doesNotContain("age", "pregnancy", "self-report.using-contraception")
        .contains("diagnosis.sle");
  }
}
