package org.opentrials.portal.services.trials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.trials.TrialPageView.Faq;

/** An FAQ answer's reference markers become links to the references, out of the text. */
class FaqReferencesTest {

  @Test
  void markersAtTheEndBecomeReferenceNumbers() {
    Faq faq = Faq.of("Is it safe?", "A good safety profile. [1][4][5][6][7]", 7);
    assertThat(faq.answer()).isEqualTo("A good safety profile.");
    assertThat(faq.references()).containsExactly(1, 4, 5, 6, 7);
  }

  @Test
  void commaListsAreReadAndNumbersWithoutAReferenceDropped() {
    Faq faq = Faq.of("Q?", "Answer. [3, 1] [9]", 3);
    assertThat(faq.answer()).isEqualTo("Answer.");
    assertThat(faq.references()).containsExactly(1, 3);
  }

  @Test
  void bracketsInsideTheTextOrAnAnswerOfOnlyMarkersStayAsWritten() {
    assertThat(Faq.of("Q?", "See [1] for more, then ask.", 3).references()).isEmpty();
    assertThat(Faq.of("Q?", "See [1] for more, then ask.", 3).answer())
        .isEqualTo("See [1] for more, then ask.");
    assertThat(Faq.of("Q?", "[1]", 3).answer()).isEqualTo("[1]");
  }
}
