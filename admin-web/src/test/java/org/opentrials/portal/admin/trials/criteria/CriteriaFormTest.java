package org.opentrials.portal.admin.trials.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.answers.TimeWindow.CalendarUnit;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.And;
import org.opentrials.portal.eligibility.criteria.Classification;
import org.opentrials.portal.eligibility.criteria.Condition;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionType;
import org.opentrials.portal.eligibility.criteria.Diagnosis;
import org.opentrials.portal.eligibility.criteria.Dialysis;
import org.opentrials.portal.eligibility.criteria.DiseaseActivity;
import org.opentrials.portal.eligibility.criteria.IfThen;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Medication;
import org.opentrials.portal.eligibility.criteria.MedicationChanged;
import org.opentrials.portal.eligibility.criteria.MedicationDose;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.OrganTransplant;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Score;
import org.opentrials.portal.eligibility.criteria.SelfReport;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.criteria.Subtype;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.eligibility.text.Text;

/**
 * The criteria editor's model: what a sponsor can do with forms, and what it refuses, field by
 * field.
 */
class CriteriaFormTest {
  private static final String TRIAL = "NCT02633163";
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("org.opentrials.portal.admin.messages", Locale.ENGLISH);

  // ---- round trip ----

  @Test
  void theDemoDocumentComesBackExactlyAsItWasRead() {
    String stored = demoDocument();
    CriteriaForm.Result result = CriteriaForm.of(TRIAL, stored).build();

    assertThat(result.errors()).isEmpty();
    TrialCriteria original = CriteriaJson.decode(stored);
    assertThat(result.criteria()).isEqualTo(original);
    assertThat(result.document()).isEqualTo(CriteriaJson.encode(original));
    assertThat(result.criteria().criteria()).hasSize(16);
  }

  @Test
  void changingTheAgeRangeChangesThatAndNothingElse() {
    CriteriaForm form = CriteriaForm.of(TRIAL, demoDocument());
    CriterionForm age = form.getCriteria().get(1);
    assertThat(age.getRule().getKind()).isEqualTo(RuleKind.AGE);
    age.getRule().setMaxAge("60");
    age.getText().setEn("I am between 18 and 60 years old.");

    TrialCriteria edited = valid(form);
    TrialCriteria original = CriteriaJson.decode(demoDocument());
    assertThat(edited.criteria().get(1).rule()).isEqualTo(AgeRange.between(18, 60));
    assertThat(edited.criteria().get(1).text())
        .isEqualTo(Text.of("I am between 18 and 60 years old.", "Tengo entre 18 y 65 años."));
    for (int i = 0; i < original.criteria().size(); i++) {
      if (i != 1) {
        assertThat(edited.criteria().get(i)).isEqualTo(original.criteria().get(i));
      }
    }
  }

  @Test
  void languagesTheFormDoesNotShowAreKept() {
    TrialCriteria withFrench =
        new TrialCriteria(
            TRIAL,
            List.of(
                Criterion.inclusion(
                    "age",
                    new Text(
                        java.util.Map.of("en", "I am 18 or older.", "fr", "J'ai 18 ans ou plus.")),
                    AgeRange.atLeast(18))));
    CriteriaForm form = CriteriaForm.of(withFrench);
    form.getCriteria().get(0).getText().setEs("Tengo 18 años o más.");

    assertThat(valid(form).criteria().get(0).text().byLanguage())
        .containsEntry("fr", "J'ai 18 ans ou plus.")
        .containsEntry("es", "Tengo 18 años o más.");
  }

  // ---- every kind ----

  @Test
  void ageSexAndTheRulesWithoutFields() {
    assertThat(build(RuleKind.AGE, r -> r.setMinAge("18"))).isEqualTo(AgeRange.atLeast(18));
    assertThat(build(RuleKind.AGE, r -> r.setMaxAge(" 60 "))).isEqualTo(AgeRange.atMost(60));
    assertThat(build(RuleKind.SEX, r -> r.setSex(SexRule.Sex.FEMALE)))
        .isEqualTo(new SexRule(SexRule.Sex.FEMALE));
    assertThat(build(RuleKind.DIALYSIS, r -> {})).isEqualTo(new Dialysis());
    assertThat(build(RuleKind.ORGAN_TRANSPLANT, r -> {})).isEqualTo(new OrganTransplant());
    assertThat(build(RuleKind.PREGNANCY, r -> r.setUnlessContraception(true)))
        .isEqualTo(new PregnancyOrBreastfeeding(true));
  }

  @Test
  void aDiagnosisConfirmedByAtLeastNOfMItems() {
    Rule rule =
        build(
            RuleKind.DIAGNOSIS,
            r -> {
              r.getCondition().setEn("lupus");
              r.getCondition().setEs("lupus");
              r.setConfirmed(true);
              r.getClassification().setEn("the SLICC criteria");
              r.setClassificationId("slicc-2012");
              for (String item : List.of("Rash", "Ulcers", "Arthritis")) {
                r.addItem();
                r.getItems().get(r.getItems().size() - 1).setEn(item);
              }
              r.setAtLeast("2");
            });
    Classification slicc =
        new Classification(
            "slicc-2012",
            Text.of("the SLICC criteria"),
            List.of(Text.of("Rash"), Text.of("Ulcers"), Text.of("Arthritis")));
    assertThat(rule)
        .isEqualTo(
            Diagnosis.confirmed(new Condition("lupus", Text.of("lupus", "lupus")), slicc, 2));

    assertThat(
            build(
                RuleKind.DIAGNOSIS,
                r -> {
                  r.getCondition().setEn("Lupus nephritis");
                  r.setPresent(false);
                }))
        .as("the id is made from the English name")
        .isEqualTo(Diagnosis.absent(new Condition("lupus-nephritis", Text.of("Lupus nephritis"))));
  }

  @Test
  void diseaseActivityWithAndWithoutAScore() {
    Condition sle = new Condition("sle", Text.of("lupus"));
    assertThat(
            build(
                RuleKind.DISEASE_ACTIVITY,
                r -> {
                  r.setConditionId("sle");
                  r.getCondition().setEn("lupus");
                }))
        .isEqualTo(new DiseaseActivity(sle, null));
    assertThat(
            build(
                RuleKind.DISEASE_ACTIVITY,
                r -> {
                  r.setConditionId("sle");
                  r.getCondition().setEn("lupus");
                  r.setScored(true);
                  r.getScore().setEn("SLEDAI");
                  r.setScoreId("sledai-2k");
                  r.setScoreMax("105");
                  r.setScoreAtLeast("6");
                }))
        .isEqualTo(
            new DiseaseActivity(
                sle,
                new DiseaseActivity.ScoreThreshold(
                    new Score("sledai-2k", Text.of("SLEDAI"), 105), 6)));
  }

  @Test
  void medicationsWithTheirPeriodAndDose() {
    Medication belimumab = new Medication("belimumab", Text.of("belimumab (Benlysta)"));
    java.util.function.Consumer<RuleForm> belimumabTwoMonths =
        r -> {
          r.setMedicationId("belimumab");
          r.getMedication().setEn("belimumab (Benlysta)");
          r.setPeriodAmount("2");
          r.setPeriodUnit(CalendarUnit.MONTHS);
        };
    assertThat(build(RuleKind.MEDICATION_TAKEN, belimumabTwoMonths))
        .isEqualTo(new MedicationTaken(belimumab, TimeWindow.months(2)));
    assertThat(build(RuleKind.MEDICATION_CHANGED, belimumabTwoMonths))
        .isEqualTo(new MedicationChanged(belimumab, TimeWindow.months(2)));
    assertThat(build(RuleKind.MEDICATION_DOSE, belimumabTwoMonths.andThen(r -> r.setDose("0,5"))))
        .isEqualTo(new MedicationDose(belimumab, 0.5, TimeWindow.months(2)));
  }

  @Test
  void aConditionWithinAPeriodWithExceptions() {
    Rule rule =
        build(
            RuleKind.CONDITION_WITHIN,
            r -> {
              r.getCondition().setEn("cancer");
              r.setPeriodAmount("5");
              r.setPeriodUnit(CalendarUnit.YEARS);
              r.addException();
              r.getExceptions().get(0).getLabel().setEn("Basal cell carcinoma of the skin");
              r.getExceptions().get(0).getLabel().setEs("carcinoma basocelular de piel");
            });
    assertThat(rule)
        .isEqualTo(
            new ConditionWithin(
                new Condition("cancer", Text.of("cancer")),
                TimeWindow.years(5),
                List.of(
                    new Subtype(
                        "basal-cell-carcinoma-of-the-skin",
                        Text.of(
                            "Basal cell carcinoma of the skin",
                            "carcinoma basocelular de piel")))));
  }

  @Test
  void infectionsSelfReportsAndCoordinatorChecks() {
    assertThat(build(RuleKind.POSITIVE_TEST, r -> r.setInfections(List.of("hiv", "tuberculosis"))))
        .isEqualTo(PositiveTest.of(Infection.HIV, Infection.TUBERCULOSIS));
    assertThat(
            build(
                RuleKind.SELF_REPORT,
                r -> {
                  r.getQuestion().setEn("Do you have an unstable medical condition?");
                  r.setQuestionId("unstable-condition");
                  r.setTopic(Topic.DIAGNOSIS);
                }))
        .isEqualTo(
            new SelfReport(
                "unstable-condition",
                Text.of("Do you have an unstable medical condition?"),
                Topic.DIAGNOSIS));
    assertThat(
            build(
                RuleKind.COORDINATOR_CHECK,
                r -> r.getReason().setEn("This needs your blood test results.")))
        .isEqualTo(new CoordinatorCheck(Text.of("This needs your blood test results.")));
  }

  @Test
  void compositesGetTheRulesTheirKindNeedsAndCombineThem() {
    CriteriaForm form = CriteriaForm.empty(TRIAL);
    CriterionForm c = form.add();
    c.getText().setEn("I took belimumab or rituximab recently.");
    c.setType(CriterionType.EXCLUSION);
    RuleForm any = c.getRule();
    any.setKind(RuleKind.ANY_OF);
    form.normalize();
    assertThat(any.getShownChildren()).hasSize(2);
    assertThat(any.getShownChildren().get(0).getKinds())
        .doesNotContain(RuleKind.ANY_OF, RuleKind.NOT);
    assertThat(any.isCanRemoveChild()).isFalse();
    any.addChild();
    assertThat(any.isCanRemoveChild()).isTrue();
    any.removeChild(any.getShownChildren().get(2));
    fillMedication(any.getShownChildren().get(0), "belimumab", 2);
    fillMedication(any.getShownChildren().get(1), "rituximab", 6);
    Rule belimumab =
        new MedicationTaken(
            new Medication("belimumab", Text.of("belimumab")), TimeWindow.months(2));
    Rule rituximab =
        new MedicationTaken(
            new Medication("rituximab", Text.of("rituximab")), TimeWindow.months(6));
    assertThat(valid(form).criteria().get(0).rule())
        .isEqualTo(new Or(List.of(belimumab, rituximab)));

    any.setKind(RuleKind.ALL_OF);
    assertThat(valid(form).criteria().get(0).rule())
        .isEqualTo(new And(List.of(belimumab, rituximab)));
    any.setKind(RuleKind.IF_THEN);
    assertThat(valid(form).criteria().get(0).rule()).isEqualTo(new IfThen(belimumab, rituximab));
    any.setKind(RuleKind.NOT);
    assertThat(valid(form).criteria().get(0).rule()).isEqualTo(new Not(belimumab));
  }

  @Test
  void aRuleNestedDeeperThanTheFormIsKeptAsItIsAndCanBeReplaced() {
    Rule dialysisAndTransplant = new And(List.of(new Dialysis(), new OrganTransplant()));
    Rule deep = new Or(List.of(dialysisAndTransplant, new PregnancyOrBreastfeeding(false)));
    TrialCriteria document =
        new TrialCriteria(
            TRIAL, List.of(Criterion.exclusion("kidneys", Text.of("My kidneys failed."), deep)));
    CriteriaForm form = CriteriaForm.of(document);
    RuleForm kept = form.getCriteria().get(0).getRule().getShownChildren().get(0);
    assertThat(kept.isKept()).isTrue();
    assertThat(kept.getKeptRule()).isEqualTo(dialysisAndTransplant);
    assertThat(new RuleWords(BUNDLE, Locale.ENGLISH).describe(kept.getKeptRule()))
        .isEqualTo("all of: needs dialysis; has had a major organ transplant");

    form.getCriteria().get(0).getRule().getShownChildren().get(1).setUnlessContraception(true);
    assertThat(valid(form).criteria().get(0).rule())
        .as("the kept rule is untouched")
        .isEqualTo(new Or(List.of(dialysisAndTransplant, new PregnancyOrBreastfeeding(true))));

    kept.replace();
    assertThat(kept.isKept()).isFalse();
    assertThat(errors(form))
        .containsExactly(
            FieldError.of("criteria:0:children:0:kind", "criteriaEdit.invalid.kindMissing"));
    kept.setKind(RuleKind.DIALYSIS);
    assertThat(valid(form).criteria().get(0).rule())
        .isEqualTo(new Or(List.of(new Dialysis(), new PregnancyOrBreastfeeding(true))));
  }

  // ---- the list ----

  @Test
  void criteriaAreAddedMovedAndRemoved() {
    CriteriaForm form = CriteriaForm.of(TRIAL, demoDocument());
    List<CriterionForm> list = form.getCriteria();
    CriterionForm first = list.get(0);
    CriterionForm age = list.get(1);
    form.moveUp(age);
    assertThat(list.get(0)).isSameAs(age);
    form.moveUp(age);
    assertThat(list.get(0)).as("the first stays first").isSameAs(age);
    form.moveDown(age);
    assertThat(list.get(1)).isSameAs(age);
    CriterionForm last = list.get(list.size() - 1);
    form.moveDown(last);
    assertThat(list.get(list.size() - 1)).isSameAs(last);

    CriterionForm added = form.add();
    assertThat(added.getId()).isEqualTo("criterion-17");
    assertThat(added.getType()).isEqualTo(CriterionType.INCLUSION);
    added.getText().setEn("I am female.");
    added.getRule().setKind(RuleKind.SEX);
    added.getRule().setSex(SexRule.Sex.FEMALE);
    form.remove(first);

    TrialCriteria built = valid(form);
    assertThat(built.criteria()).hasSize(16);
    assertThat(built.criteria().get(0).id()).isEqualTo("age");
    assertThat(built.criteria().get(15))
        .isEqualTo(
            Criterion.inclusion(
                "criterion-17", Text.of("I am female."), new SexRule(SexRule.Sex.FEMALE)));
  }

  @Test
  void noCriteriaAtAllAreStoredAsNone() {
    CriteriaForm form = CriteriaForm.of(TRIAL, demoDocument());
    List.copyOf(form.getCriteria()).forEach(form::remove);
    CriteriaForm.Result result = form.build();
    assertThat(result.isValid()).isTrue();
    assertThat(result.storedDocument()).isNull();
  }

  // ---- what is refused, and where ----

  @Test
  void agesOutOfOrderOrOutOfRangeAreExplainedOnTheirField() {
    assertThat(
            errors(
                RuleKind.AGE,
                r -> {
                  r.setMinAge("65");
                  r.setMaxAge("18");
                }))
        .containsExactly(FieldError.of("criteria:0:maxAge", "criteriaEdit.invalid.ageOrder", 65));
    assertThat(
            errors(
                RuleKind.AGE,
                r -> {
                  r.setMinAge("eighteen");
                  r.setMaxAge("130");
                }))
        .containsExactly(
            FieldError.of("criteria:0:minAge", "criteriaEdit.invalid.age", 120),
            FieldError.of("criteria:0:maxAge", "criteriaEdit.invalid.age", 120));
    assertThat(errors(RuleKind.AGE, r -> {}))
        .containsExactly(FieldError.of("criteria:0:minAge", "criteriaEdit.invalid.ageNone"));
  }

  @Test
  void atLeastNOfMNeedsNFromOneToM() {
    java.util.function.Consumer<RuleForm> twoItems =
        r -> {
          r.getCondition().setEn("lupus");
          r.setConfirmed(true);
          r.getClassification().setEn("ACR");
          r.addItem();
          r.addItem();
          r.getItems().get(0).setEn("Rash");
        };
    assertThat(errors(RuleKind.DIAGNOSIS, twoItems.andThen(r -> r.setAtLeast("3"))))
        .containsExactly(
            FieldError.of("criteria:0:items:1:itemEn", "criteriaEdit.invalid.englishMissing"),
            FieldError.of("criteria:0:atLeast", "criteriaEdit.invalid.atLeast", 2));
    assertThat(
            errors(
                RuleKind.DIAGNOSIS,
                r -> {
                  r.getCondition().setEn("lupus");
                  r.setConfirmed(true);
                  r.getClassification().setEn("ACR");
                  r.setAtLeast("1");
                }))
        .containsExactly(FieldError.of("criteria:0:atLeast", "criteriaEdit.invalid.itemsNone"));
  }

  @Test
  void aMissingPeriodOrDoseIsExplained() {
    assertThat(
            errors(
                RuleKind.MEDICATION_DOSE,
                r -> {
                  r.getMedication().setEn("prednisone");
                  r.setDose("-1");
                }))
        .containsExactly(
            FieldError.of("criteria:0:periodAmount", "criteriaEdit.invalid.periodMissing"),
            FieldError.of("criteria:0:periodUnit", "criteriaEdit.invalid.periodUnit"),
            FieldError.of("criteria:0:dose", "criteriaEdit.invalid.dose"));
    assertThat(
            errors(
                RuleKind.CONDITION_WITHIN,
                r -> {
                  r.getCondition().setEn("cancer");
                  r.setPeriodAmount("0");
                  r.setPeriodUnit(CalendarUnit.YEARS);
                }))
        .containsExactly(
            FieldError.of("criteria:0:periodAmount", "criteriaEdit.invalid.period", 1200));
  }

  @Test
  void namesWordingAndChoicesAreRequired() {
    CriteriaForm form = CriteriaForm.empty(TRIAL);
    CriterionForm c = form.add();
    c.setId("Not A Slug");
    c.setType(null);
    form.add().getText().setEn("I have lupus.");
    form.getCriteria().get(1).setId("not-a-slug");
    form.getCriteria().get(1).getRule().setKind(RuleKind.POSITIVE_TEST);
    assertThat(errors(form))
        .containsExactly(
            FieldError.of("criteria:0:textEn", "criteriaEdit.invalid.englishMissing"),
            FieldError.of("criteria:0:criterionId", "criteriaEdit.invalid.slug", 60),
            FieldError.of("criteria:0:type", "criteriaEdit.invalid.typeMissing"),
            FieldError.of("criteria:0:kind", "criteriaEdit.invalid.kindMissing"),
            FieldError.of("criteria:1:infections", "criteriaEdit.invalid.infectionsNone"));

    c.setId("not-a-slug");
    c.setType(CriterionType.INCLUSION);
    c.getText().setEn("I am an adult.");
    c.getRule().setKind(RuleKind.AGE);
    c.getRule().setMinAge("18");
    form.getCriteria().get(1).getRule().setInfections(List.of("hiv"));
    assertThat(errors(form))
        .containsExactly(FieldError.of("criteria:1:criterionId", "criteriaEdit.invalid.duplicate"));
  }

  @Test
  void exceptionsMustBeDistinctAndNotReserved() {
    assertThat(
            errors(
                RuleKind.CONDITION_WITHIN,
                r -> {
                  r.getCondition().setEn("cancer");
                  r.setPeriodAmount("5");
                  r.setPeriodUnit(CalendarUnit.YEARS);
                  r.addException();
                  r.addException();
                  r.addException();
                  r.getExceptions().get(0).getLabel().setEn("Skin cancer");
                  r.getExceptions().get(1).getLabel().setEn("skin  cancer");
                  r.getExceptions().get(2).getLabel().setEn("Other");
                }))
        .containsExactly(
            FieldError.of("criteria:0:exceptions:1:exceptionId", "criteriaEdit.invalid.duplicate"),
            FieldError.of("criteria:0:exceptions:2:exceptionId", "criteriaEdit.invalid.reserved"));
  }

  @Test
  void everyMessageTheEditorCanGiveIsInTheBundle() {
    List<FieldError> all = new java.util.ArrayList<>();
    all.addAll(errors(RuleKind.AGE, r -> r.setMinAge("x")));
    all.addAll(
        errors(
            RuleKind.DIAGNOSIS,
            r -> {
              r.setConfirmed(true);
              r.setPresent(false);
            }));
    all.addAll(errors(RuleKind.DISEASE_ACTIVITY, r -> r.setScored(true)));
    all.addAll(errors(RuleKind.SELF_REPORT, r -> r.setTopic(null)));
    all.addAll(errors(RuleKind.COORDINATOR_CHECK, r -> {}));
    all.addAll(errors(RuleKind.SEX, r -> {}));
    for (FieldError e : all) {
      assertThat(BUNDLE.containsKey(e.key())).as(e.key()).isTrue();
      assertThat(
              new java.text.MessageFormat(BUNDLE.getString(e.key()), Locale.ENGLISH)
                  .format(e.args().toArray()))
          .doesNotContain("{");
    }
    for (RuleKind k : RuleKind.values()) {
      assertThat(BUNDLE.containsKey("criteriaEdit.kind." + k.name())).as(k.name()).isTrue();
    }
  }

  // ---- words and questions ----

  @Test
  void everyRuleOfTheDemoIsSaidInWords() {
    RuleWords words = new RuleWords(BUNDLE, Locale.ENGLISH);
    List<String> said =
        CriteriaJson.decode(demoDocument()).criteria().stream()
            .map(c -> words.describe(c.rule()))
            .toList();
    assertThat(said)
        .contains(
            "aged 18 to 65",
            "any of: took belimumab (Benlysta) within the last 2 months; took rituximab (Rituxan, MabThera) within the"
                + " last 6 months; took any other biologic medicine, such as abatacept, anifrolumab, tocilizumab or a TNF"
                + " blocker within the last 6 months",
            "took more than 0.5 mg/kg/day of prednisone (or prednisolone) within the last month",
            "tested positive for HIV, hepatitis B, hepatitis C");
    assertThat(String.join("\n", said)).doesNotContain("{", "criteriaEdit");
  }

  @Test
  void thePreviewShowsTheQuestionsAVisitorWillBeAsked() {
    CriteriaForm form = CriteriaForm.of(TRIAL, demoDocument());
    form.getCriteria().get(1).getRule().setMaxAge("60");
    List<QuestionPreview.PreviewStep> steps = QuestionPreview.of(valid(form), Locale.ENGLISH);

    List<QuestionPreview.PreviewQuestion> questions =
        steps.stream().flatMap(s -> s.questions().stream()).toList();
    assertThat(steps.get(0).title()).isNotBlank();
    assertThat(questions)
        .extracting(QuestionPreview.PreviewQuestion::text)
        .contains("How old are you?", "When did you last take belimumab (Benlysta)?");
    QuestionPreview.PreviewQuestion count =
        questions.stream()
            .filter(q -> q.id().equals("classification.acr-1997-sle.count"))
            .findFirst()
            .orElseThrow();
    assertThat(count.followUp()).isTrue();
    assertThat(count.items()).hasSize(11);
    assertThat(count.answerType()).isEqualTo("WHOLE_NUMBER");
  }

  // ---- helpers ----

  private static String demoDocument() {
    try (InputStream in =
        CriteriaFormTest.class.getResourceAsStream("/demo/criteria/NCT02633163.json")) {
      assertThat(in).as("the demo criteria on the classpath (services)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void fillMedication(RuleForm r, String name, int months) {
    r.setKind(RuleKind.MEDICATION_TAKEN);
    r.getMedication().setEn(name);
    r.setPeriodAmount(Integer.toString(months));
    r.setPeriodUnit(CalendarUnit.MONTHS);
  }

  private static CriteriaForm oneCriterion(
      RuleKind kind, java.util.function.Consumer<RuleForm> fill) {
    CriteriaForm form = CriteriaForm.empty(TRIAL);
    CriterionForm c = form.add();
    c.getText().setEn("A criterion.");
    c.getRule().setKind(kind);
    fill.accept(c.getRule());
    return form;
  }

  private static Rule build(RuleKind kind, java.util.function.Consumer<RuleForm> fill) {
    TrialCriteria built = valid(oneCriterion(kind, fill));
    return built.criteria().get(0).rule();
  }

  private static List<FieldError> errors(
      RuleKind kind, java.util.function.Consumer<RuleForm> fill) {
    return errors(oneCriterion(kind, fill));
  }

  private static List<FieldError> errors(CriteriaForm form) {
    CriteriaForm.Result result = form.build();
    assertThat(result.criteria()).isNull();
    return result.errors();
  }

  private static TrialCriteria valid(CriteriaForm form) {
    CriteriaForm.Result result = form.build();
    assertThat(result.errors()).isEmpty();
    // What the editor offers to store reads back as the same criteria.
    assertThat(CriteriaJson.decode(result.document())).isEqualTo(result.criteria());
    return result.criteria();
  }
}
