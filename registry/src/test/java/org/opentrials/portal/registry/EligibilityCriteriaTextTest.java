package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.opentrials.portal.domain.trial.CriterionKind.EXCLUSION;
import static org.opentrials.portal.domain.trial.CriterionKind.INCLUSION;

import org.junit.jupiter.api.Test;
import org.opentrials.portal.registry.EligibilityCriteriaText.Item;
import org.opentrials.portal.registry.EligibilityCriteriaText.Split;

/** Criteria text comes in many shapes; each becomes the items a person would answer one by one. */
class EligibilityCriteriaTextTest {

  @Test
  void splitsTheUsualMarkdownShape() {
    Split split =
        EligibilityCriteriaText.split(
            "Inclusion Criteria:\n\n* Age over 18 years.\n* Signed consent.\n\nExclusion Criteria:\n\n* Pregnancy.\n* Dialysis.\n* Cancer.");
    assertThat(split.count(INCLUSION)).isEqualTo(2);
    assertThat(split.count(EXCLUSION)).isEqualTo(3);
    assertThat(split.items()).first().isEqualTo(new Item(INCLUSION, "Age over 18 years."));
    assertThat(split.warnings()).isEmpty();
  }

  @Test
  void numberedListsKeepLetteredSubItemsWithTheirParent() {
    Split split =
        EligibilityCriteriaText.split(
            """
        Inclusion Criteria:

        1. Age 18-65
        2. Women of childbearing potential must:
           a. use two methods of contraception; and
           b. have a negative pregnancy test
        3. Signed informed consent

        Exclusion Criteria:

        1) Pregnancy
        2) eGFR \\< 30 mL/min""");
    assertThat(split.items())
        .extracting(Item::kind, Item::text)
        .containsExactly(
            tuple(INCLUSION, "Age 18-65"),
            tuple(
                INCLUSION,
                "Women of childbearing potential must: use two methods of contraception; have a negative pregnancy test"),
            tuple(INCLUSION, "Signed informed consent"),
            tuple(EXCLUSION, "Pregnancy"),
            tuple(EXCLUSION, "eGFR < 30 mL/min")); // the registry's Markdown escape is undone
  }

  @Test
  void dashBulletsWithIndentedSubBulletsAndHeadingsInOtherWords() {
    Split split =
        EligibilityCriteriaText.split(
            """
        **Key Inclusion Criteria (all must apply):**
        - Diagnosis of SLE by one of:
            * ACR 1997 criteria
            * SLICC 2012 criteria
        - Active disease
        EXCLUSION CRITERIA
        - Active lupus nephritis""");
    assertThat(split.items())
        .extracting(Item::kind, Item::text)
        .containsExactly(
            tuple(INCLUSION, "Diagnosis of SLE by one of: ACR 1997 criteria; SLICC 2012 criteria"),
            tuple(INCLUSION, "Active disease"),
            tuple(EXCLUSION, "Active lupus nephritis"));
    assertThat(split.warnings()).isEmpty();
  }

  @Test
  void paragraphsAndWrappedLinesAreItemsToo() {
    Split split =
        EligibilityCriteriaText.split(
            """
        Inclusion criteria:

        Patients aged 18 or older
        with type 2 diabetes.

        Able to sign consent.

        Exclusion criteria:

        1.5 mg/kg daily insulin or more.""");
    assertThat(split.items())
        .extracting(Item::kind, Item::text)
        .containsExactly(
            tuple(INCLUSION, "Patients aged 18 or older with type 2 diabetes."),
            tuple(INCLUSION, "Able to sign consent."),
            tuple(EXCLUSION, "1.5 mg/kg daily insulin or more.")); // a decimal is not a list number
  }

  @Test
  void withoutHeadingsEveryItemIsInclusionAndTheSplitSaysSo() {
    Split split =
        EligibilityCriteriaText.split("* Adults\n* Able to consent\n\u2022 Living near a site");
    assertThat(split.items()).extracting(Item::kind).containsOnly(INCLUSION);
    assertThat(split.items()).hasSize(3);
    assertThat(split.warnings()).singleElement().asString().contains("no \"Inclusion Criteria:\"");
  }

  @Test
  void aHeadingFollowedByTextOnTheSameLineStartsItsSection() {
    Split split =
        EligibilityCriteriaText.split(
            "Inclusion Criteria: adults with asthma\nExclusion Criteria: smokers");
    assertThat(split.items())
        .containsExactly(new Item(INCLUSION, "adults with asthma"), new Item(EXCLUSION, "smokers"));
  }

  @Test
  void emptyTextHasNoItems() {
    assertThat(EligibilityCriteriaText.split(null).items()).isEmpty();
    assertThat(EligibilityCriteriaText.split(" \n ").items()).isEmpty();
  }
}
