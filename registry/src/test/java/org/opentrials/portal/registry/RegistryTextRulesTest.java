package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.domain.trial.CriterionKind.EXCLUSION;
import static org.opentrials.portal.domain.trial.CriterionKind.INCLUSION;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.answers.TimeWindow;
import org.opentrials.portal.eligibility.criteria.ConditionWithin;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.MedicationTaken;
import org.opentrials.portal.eligibility.criteria.Not;
import org.opentrials.portal.eligibility.criteria.Or;
import org.opentrials.portal.eligibility.criteria.PositiveTest;
import org.opentrials.portal.eligibility.criteria.PregnancyOrBreastfeeding;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.registry.RegistryTextRules.Parsed;
import org.opentrials.portal.registry.RegistryTextRules.Pattern;

/**
 * Registry sentences that become the rule a sponsor would enter by hand, and those that must stay
 * for the study team. Sentences marked with an NCT id are copied from that study's published
 * criteria; the others are written here to pin one edge of a pattern and say so.
 */
class RegistryTextRulesTest {
  private static final LocalDate SCREENING = LocalDate.of(2026, 6, 15);

  private static Optional<Parsed> exclusion(String sentence) {
    return RegistryTextRules.parse(EXCLUSION, sentence, false);
  }

  private static Rule rule(CriterionKind kind, String sentence) {
    return RegistryTextRules.parse(kind, sentence, false).orElseThrow().rule();
  }

  // --- pregnancy ---------------------------------------------------------------------------------

  @Test
  void pregnantOrNursingRulesOutAndThePlannedPregnancyStaysForTheStudyTeam() {
    // NCT04207047, exclusion 3.
    String sentence =
        "Subjects who are pregnant, nursing, or anticipate a pregnancy during the length of the"
            + " trial.";
    Parsed parsed = exclusion(sentence).orElseThrow();
    assertThat(parsed.pattern()).isEqualTo(Pattern.PREGNANCY);
    assertThat(parsed.rule())
        .isEqualTo(
            new Or(
                List.of(
                    new PregnancyOrBreastfeeding(false),
                    new CoordinatorCheck(RegistryTextRules.PLANNED_PREGNANCY))));
  }

  @Test
  void breastfeedingPregnantOrPlanningWithinThreeMonthsAfterTheLastDose() {
    // NCT02552212.
    Parsed parsed =
        exclusion(
                "Female subjects who are breastfeeding, pregnant or plan to become pregnant during"
                    + " the study or within 3 months following the last dose of the investigational"
                    + " product")
            .orElseThrow();
    assertThat(parsed.rule()).isInstanceOf(Or.class);
  }

  @Test
  void plainPregnancyOrBreastfeedingSentences() {
    // Written here: the plain forms the pattern takes as they stand.
    for (String s :
        List.of(
            "Pregnant or breastfeeding women",
            "Pregnancy or lactation.",
            "Women who are pregnant or breast-feeding",
            "Pregnant, lactating, or nursing females")) {
      assertThat(exclusion(s).map(Parsed::rule))
          .as(s)
          .contains(new PregnancyOrBreastfeeding(false));
    }
    assertThat(rule(INCLUSION, "Not pregnant or breastfeeding"))
        .isEqualTo(new Not(new PregnancyOrBreastfeeding(false)));
  }

  @Test
  void pregnancyAloneIsNotAskedByTheQuestionThatAlsoAsksBreastfeeding() {
    // A breastfeeding visitor answers "yes" to "Are you pregnant or breastfeeding?": that says
    // nothing about "Pregnancy" alone. "Pregnancy -" ends NCT10000001's test text too.
    assertThat(exclusion("Pregnancy")).isEmpty();
    assertThat(exclusion("Pregnant women")).isEmpty();
    // An inclusion stated positively, and "unless" / contraception conditions, stay free text.
    assertThat(RegistryTextRules.parse(INCLUSION, "Pregnant or breastfeeding", false)).isEmpty();
    assertThat(exclusion("Pregnant or breastfeeding unless using two methods of contraception"))
        .isEmpty();
  }

  @Test
  void theChildbearingPotentialInclusionOfNct04207047StaysFreeText() {
    // NCT04207047, inclusion 7 (first sentence).
    assertThat(
            RegistryTextRules.parse(
                INCLUSION,
                "Subjects of childbearing potential must have a negative urine pregnancy test"
                    + " result and must not be lactating at the Screening Visit and be willing and"
                    + " able to use an acceptable method of birth control (e.g. barrier methods"
                    + " used with a spermicidal agent, hormonal methods, IUD, surgical"
                    + " sterilization, abstinence) during the study.",
                false))
        .isEmpty();
  }

  // --- infections --------------------------------------------------------------------------------

  @Test
  void hivHepatitisBOrHepatitisCAsTheMisleSiteListsIt() {
    // NCT02633163, key exclusion criteria on Cedars-Sinai's page for its site (shared/seeds).
    Parsed parsed =
        exclusion(
                "Evidence of infection with human immunodeficiency virus, hepatitis B or hepatitis"
                    + " C")
            .orElseThrow();
    assertThat(parsed.pattern()).isEqualTo(Pattern.INFECTION);
    // The same rule the demo's sponsor entered by hand for this criterion.
    assertThat(parsed.rule())
        .isEqualTo(PositiveTest.of(Infection.HIV, Infection.HEPATITIS_B, Infection.HEPATITIS_C));
  }

  @Test
  void plainInfectionSentences() {
    // Written here.
    assertThat(exclusion("Known HIV infection").map(Parsed::rule))
        .contains(PositiveTest.of(Infection.HIV));
    assertThat(exclusion("History of hepatitis B or C").map(Parsed::rule))
        .contains(PositiveTest.of(Infection.HEPATITIS_B, Infection.HEPATITIS_C));
    assertThat(exclusion("Positive test for HIV, HBV, or HCV").map(Parsed::rule))
        .contains(PositiveTest.of(Infection.HIV, Infection.HEPATITIS_B, Infection.HEPATITIS_C));
  }

  @Test
  void tuberculosisRiskLatencyAndImmuneConditionsStayFreeText() {
    // NCT02552212.
    assertThat(
            exclusion(
                "Subjects with known Tuberculosis (TB) infection, at high risk of acquiring TB"
                    + " infection, or latent Tuberculosis (LTB)"))
        .isEmpty();
    assertThat(exclusion("History of or current chronic or recurrent infections")).isEmpty();
    // NCT04207047, exclusion 1.
    assertThat(
            exclusion(
                "Poorly controlled medical condition that could compromise wound healing or"
                    + " increase risk of infection such as an impaired immune system due to"
                    + " immunosuppressive diseases such as AIDS and HIV, or use of"
                    + " immunosuppressive medications, radiation therapy, or chemotherapy."))
        .isEmpty();
    // Written here: a current infection or a test result is not "ever tested positive".
    assertThat(exclusion("Active hepatitis B infection")).isEmpty();
    assertThat(exclusion("Positive hepatitis B surface antigen")).isEmpty();
    // Hepatitis C can be cured and tuberculosis treated: without "history", "evidence" or
    // "positive" the sentence may mean the infection now, which "ever tested positive" does not
    // ask.
    assertThat(exclusion("Hepatitis C")).isEmpty();
    assertThat(exclusion("Known hepatitis C infection")).isEmpty();
    assertThat(exclusion("Tuberculosis")).isEmpty();
    assertThat(exclusion("HIV").map(Parsed::rule)).contains(PositiveTest.of(Infection.HIV));
    assertThat(exclusion("Subjects who have tested positive for hepatitis B").map(Parsed::rule))
        .contains(PositiveTest.of(Infection.HEPATITIS_B));
    assertThat(exclusion("Hepatitis B or C positive").map(Parsed::rule))
        .contains(PositiveTest.of(Infection.HEPATITIS_B, Infection.HEPATITIS_C));
  }

  // --- cancer ------------------------------------------------------------------------------------

  @Test
  void cancerWithinYearsWithExceptionsTheKindQuestionOffers() {
    // Written here: no record at hand words it this plainly.
    Parsed parsed =
        exclusion(
                "History of malignancy within the past 5 years, except basal cell carcinoma of the"
                    + " skin or cervical carcinoma in situ")
            .orElseThrow();
    assertThat(parsed.pattern()).isEqualTo(Pattern.CANCER_WITHIN);
    assertThat(parsed.rule())
        .isEqualTo(
            new ConditionWithin(
                RegistryTextRules.CANCER,
                TimeWindow.years(5),
                List.of(RegistryTextRules.BASAL_CELL, RegistryTextRules.CERVICAL_IN_SITU)));
    assertThat(exclusion("Malignancy within 3 years prior to screening").map(Parsed::rule))
        .contains(new ConditionWithin(RegistryTextRules.CANCER, TimeWindow.years(3), List.of()));
  }

  @Test
  void exceptionsTheKindQuestionCannotAskAndOtherCancersStayFreeText() {
    // NCT02552212: no window.
    assertThat(exclusion("Concurrent malignancy or a history of malignancy")).isEmpty();
    // NCT04207047, exclusion 4.
    assertThat(
            exclusion(
                "Subjects with current skin cancer or other malignant disease including"
                    + " pre-malignant moles."))
        .isEmpty();
    // Written here: qualifiers the kind question cannot ask, "other" cancers.
    assertThat(
            exclusion(
                "History of malignancy within 5 years, except for adequately treated non-melanoma"
                    + " skin cancer"))
        .isEmpty();
    assertThat(exclusion("Other malignancy within 5 years")).isEmpty();
    // A trial for a cancer: its "malignancy within 5 years" cannot be the shared cancer question.
    assertThat(RegistryTextRules.parse(EXCLUSION, "Malignancy within 5 years", true)).isEmpty();
    assertThat(RegistryTextRules.speaksOfCancer("Histologically confirmed breast carcinoma"))
        .isTrue();
  }

  // --- medication --------------------------------------------------------------------------------

  @Test
  void aNamedBiologicWithinAWindowKeepsTheWindow() {
    // Written here, in the words of NCT02633163's exclusion ("belimumab within 2 months").
    Parsed parsed = exclusion("Received belimumab (Benlysta) within 2 months").orElseThrow();
    assertThat(parsed.pattern()).isEqualTo(Pattern.MEDICATION_WITHIN);
    MedicationTaken taken = (MedicationTaken) parsed.rule();
    assertThat(taken.medication().id()).isEqualTo("belimumab");
    assertThat(taken.medication().label().defaultText()).isEqualTo("belimumab (Benlysta)");
    assertThat(taken.within()).isEqualTo(TimeWindow.months(2));
    assertThat(((MedicationTaken) rule(EXCLUSION, "Rituximab within six months")).within())
        .isEqualTo(TimeWindow.months(6));
    MedicationTaken vaccine =
        (MedicationTaken)
            rule(EXCLUSION, "Receipt of a live vaccine within 4 weeks prior to randomization");
    assertThat(vaccine.medication()).isEqualTo(RegistryTextRules.LIVE_VACCINE);
    assertThat(vaccine.within()).isEqualTo(TimeWindow.weeks(4));
  }

  @Test
  void severalDrugsWindowsOrNoWindowStayFreeText() {
    // NCT02633163, Cedars-Sinai's page: two drugs, two windows, and "other biologics".
    assertThat(
            exclusion(
                "Having received belimumab within 2 months, or rituximab or other biologics within"
                    + " 6 months"))
        .isEmpty();
    // NCT02552212.
    assertThat(exclusion("Recent live vaccination")).isEmpty();
    assertThat(
            exclusion(
                "Prior treatment with any experimental biological agents for treatment of Axial"
                    + " SpondyloArthritis (SpA)"))
        .isEmpty();
    // NCT04207047, exclusion 18: not a drug.
    assertThat(
            exclusion(
                "History of surgical or cosmetic treatments in exposure area within the past six"
                    + " months."))
        .isEmpty();
    // NCT07455851 (Regeneron): a seizure within 12 months among other conditions.
    assertThat(
            exclusion(
                EligibilityCleanupTest.REGENERON
                    .lines()
                    .filter(l -> l.contains("PML"))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst("^\\d+\\. ", "")))
        .isEmpty();
  }

  // --- the import --------------------------------------------------------------------------------

  @Test
  void theImportedDeviceStudyRulesOutAPregnantVisitorAndLeavesTheRestToTheStudyTeam() {
    var merge =
        new StudyMerger(Registry.CLOCK)
            .merge(Registry.study(Registry.testRecord("NCT04207047.json")), null, List.of());
    String document = merge.trial().criteriaRules();
    var criteria = CriteriaJson.decode(document);
    var pregnancy =
        criteria.criteria().stream()
            .filter(c -> c.text().defaultText().startsWith("Subjects who are pregnant, nursing"))
            .findFirst()
            .orElseThrow();
    assertThat(pregnancy.isInclusion()).isFalse();
    assertThat(pregnancy.rule()).isNotInstanceOf(CoordinatorCheck.class);
    assertThat(criteria.criteria())
        .filteredOn(c -> c.id().startsWith("registry-text-") && c != pregnancy)
        .hasSize(9 + 19 - 1)
        .allSatisfy(c -> assertThat(c.rule()).isInstanceOf(CoordinatorCheck.class));
    assertThat(RegistryCriteria.isProducedByImport(document)).isTrue();

    var pregnant =
        PreScreener.screen(
            criteria,
            Answers.builder()
                .put("age", new AnswerValue.WholeNumber(30))
                .put("pregnancy", AnswerValue.Choice.YES)
                .build(),
            SCREENING);
    assertThat(pregnant.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(pregnant.results())
        .filteredOn(r -> r.status() == CriterionStatus.NOT_MET)
        .extracting(r -> r.criterion().id())
        .containsExactly(pregnancy.id());

    var notPregnant =
        PreScreener.screen(
            criteria,
            Answers.builder()
                .put("age", new AnswerValue.WholeNumber(30))
                .put("pregnancy", AnswerValue.Choice.NO)
                .build(),
            SCREENING);
    assertThat(notPregnant.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
  }

  @Test
  void aStudyWithoutAgeOrSexLimitsGetsADocumentOnlyWhenASentenceIsStructured() {
    var nct = org.opentrials.portal.domain.trial.NctNumber.of("NCT10000003");
    var any = org.opentrials.portal.domain.trial.Sex.ALL;
    CriterionText adults = new CriterionText(INCLUSION, "Adults", "Adults", false);
    assertThat(RegistryCriteria.document(nct, null, null, any, List.of(adults))).isNull();
    CriterionText pregnancy =
        new CriterionText(EXCLUSION, "Pregnancy or lactation", "Pregnancy or lactation", false);
    String document = RegistryCriteria.document(nct, null, null, any, List.of(adults, pregnancy));
    assertThat(CriteriaJson.decode(document).criteria())
        .extracting(c -> c.id(), c -> c.rule().getClass().getSimpleName())
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("registry-text-1", "CoordinatorCheck"),
            org.assertj.core.api.Assertions.tuple("registry-text-2", "PregnancyOrBreastfeeding"));
    assertThat(RegistryCriteria.isProducedByImport(document)).isTrue();
  }

  @Test
  void aDocumentImportedBeforeTheSentenceWasStructuredIsStillTheImports() {
    // Every text criterion as a check for the study team, as earlier imports stored it.
    List<CriterionText> text =
        List.of(
            new CriterionText(
                EXCLUSION, "Pregnancy or lactation", "Pregnancy or lactation", false));
    String current =
        RegistryCriteria.document(
            org.opentrials.portal.domain.trial.NctNumber.of("NCT10000002"),
            org.opentrials.portal.domain.trial.AgeLimit.years(18),
            null,
            org.opentrials.portal.domain.trial.Sex.ALL,
            text);
    assertThat(CriteriaJson.decode(current).criteria().get(1).rule())
        .isEqualTo(new PregnancyOrBreastfeeding(false));
    var decoded = CriteriaJson.decode(current);
    var structured = decoded.criteria().get(1);
    String older =
        CriteriaJson.encode(
            new org.opentrials.portal.eligibility.criteria.TrialCriteria(
                decoded.trialId(),
                List.of(
                    decoded.criteria().get(0),
                    org.opentrials.portal.eligibility.criteria.Criterion.exclusion(
                        structured.id(),
                        structured.text(),
                        new CoordinatorCheck(RegistryCriteria.NOT_ASKED)))));
    assertThat(RegistryCriteria.isProducedByImport(older)).isTrue();
    assertThat(RegistryCriteria.isProducedByImport(current)).isTrue();
  }
}
