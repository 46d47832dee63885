package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.trial.CriterionKind;

/** What is not a criterion in registry text: closing notes, combined headings, stray dashes. */
class EligibilityCleanupTest {
  /**
   * NCT07455851 (Regeneron, REGN17372 with linvoseltamab) as ClinicalTrials.gov publishes it: "Key"
   * headings and the closing note.
   */
  static final String REGENERON =
      """
      Key Inclusion Criteria:

      1. Participants with RRMM who have exhausted (or are not a candidate for) all therapeutic options that are expected to provide meaningful clinical benefit and have received at least 3 lines of therapy as defined in the protocol
      2. ECOG performance status score ≤1
      3. Participants must have measurable disease for response assessment as described in the protocol
      4. Adequate hematologic, cardiac, hepatic, and renal function, as described in the protocol

      Key Exclusion Criteria:

      1. Participants with non-secretory MM, active plasma cell leukemia, known amyloidosis, Waldenström macroglobulinemia, or known POEMS syndrome as defined in the protocol
      2. Participants who have known MM brain lesions or CNS involvement
      3. Participants with a history of PML, a neurocognitive condition or CNS movement disorder, or a history of seizure within 12 months prior to entering screening
      4. Prior treatment with GPRC5D-directed immunotherapies (phase 1 and phase 2) and/or prior treatment with a BCMAxCD3 bispecific antibody (phase 2)

      Note: Other protocol defined inclusion/exclusion criteria apply
      """;

  @Test
  void theClosingNoteIsNoExclusionCriterion() {
    var split = EligibilityCriteriaText.split(REGENERON);
    assertThat(split.count(CriterionKind.INCLUSION)).isEqualTo(4);
    assertThat(split.count(CriterionKind.EXCLUSION)).isEqualTo(4);
    assertThat(split.items())
        .last()
        .extracting(EligibilityCriteriaText.Item::text)
        .asString()
        .startsWith("Prior treatment with GPRC5D-directed immunotherapies");
    assertThat(split.items()).noneMatch(i -> i.text().contains("protocol defined"));
  }

  @Test
  void theDisclaimerSentenceAndACombinedKeyHeadingAreDropped() {
    // The registry's wording of both, around two real criteria of NCT02552212.
    String text =
        """
        Key Inclusion/Exclusion Criteria

        Inclusion Criteria:

        * At least 18 years old at the start of Screening Visit

        Exclusion Criteria:

        * Recent live vaccination
        * The information is not intended to contain all considerations relevant to a patient's potential participation in a clinical trial.
        """;
    assertThat(EligibilityCriteriaText.split(text).items())
        .extracting(EligibilityCriteriaText.Item::kind, EligibilityCriteriaText.Item::text)
        .containsExactly(
            tuple(CriterionKind.INCLUSION, "At least 18 years old at the start of Screening Visit"),
            tuple(CriterionKind.EXCLUSION, "Recent live vaccination"));
  }

  @Test
  void aTrailingDashIsNotPartOfTheCriterion() {
    assertThat(
            EligibilityCriteriaText.split(
                    "Exclusion Criteria:\n\n* History of bleeding disorders. -\n* Pregnancy -")
                .items())
        .extracting(EligibilityCriteriaText.Item::text)
        .containsExactly("History of bleeding disorders.", "Pregnancy");
  }
}
