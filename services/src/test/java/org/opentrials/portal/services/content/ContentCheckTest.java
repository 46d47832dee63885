package org.opentrials.portal.services.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.SafetySummary;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.services.content.ContentCheck.Kind;

/** The claims the FDA's recruiting guidance advises against are found; honest wording passes. */
class ContentCheckTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The cells are safe for people with lupus.|SAFE_CLAIM",
        "Stem cells are proven safe and effective.|SAFE_CLAIM",
        "A treatment with no side effects.|SAFE_CLAIM",
        "This therapy is highly effective against lupus.|EFFECTIVE_CLAIM",
        "Cells that will cure your lupus.|EFFECTIVE_CLAIM",
        "Works better than standard care.|EFFECTIVE_CLAIM",
        "Try a new treatment for lupus.|NEW_WITHOUT_INVESTIGATIONAL",
        "Participants receive free treatment.|FREE_TREATMENT",
        "Free medical care for everyone who joins.|FREE_TREATMENT",
        "Earn money while you help science.|PAYMENT_EMPHASIS",
        "Get paid up to $2,000!|PAYMENT_EMPHASIS",
        "Study visits are PAID.|PAYMENT_EMPHASIS"
      })
  void claimsTheGuidanceAdvisesAgainstAreFound(String text, Kind kind) {
    assertThat(ContentCheck.check(summary(text)))
        .extracting(ContentCheck.Warning::kind)
        .contains(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "This study tests whether cells from donors' umbilical cords are safe and help people with lupus.",
        "A new treatment that is investigational: it is not approved by the FDA.",
        "You will not be charged for the study drug or study visits.",
        "You may be reimbursed for travel to study visits.",
        "We want to learn whether the cells work better than a placebo, and how safe they are.",
        "Researchers will check for side effects at every visit."
      })
  void honestWordingPasses(String text) {
    assertThat(ContentCheck.check(summary(text))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void namesTheFieldAndThePhraseAndLeavesReportedSafetyResultsAlone() {
    TrialContent c =
        new TrialContent(
            null,
            null,
            null,
            List.of(new FaqEntry("Is it free?", "Yes, free treatment for all.")),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new SafetySummary(
                    "In 40 patients the infusion was safe; no serious side effects.",
                    LocalDate.of(2020, 1, 1))),
            null);
    assertThat(ContentCheck.check(c))
        .containsExactly(
            new ContentCheck.Warning("faq[1].answer", Kind.FREE_TREATMENT, "free treatment"));
  }

  @org.junit.jupiter.api.Test
  void theDemoTrialsPublicTextPassesAsTheSeedPagesWriteIt() {
    assertThat(
            ContentCheck.check(
                org.opentrials.portal.services.demo.MisleDemoTrial.trial().content()))
        .isEmpty();
  }

  private static TrialContent summary(String text) {
    return new TrialContent(
        text, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
  }
}
