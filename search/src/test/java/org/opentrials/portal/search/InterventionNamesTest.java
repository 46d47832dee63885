package org.opentrials.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.trials.RegistryDetails;

/** What the index reads of an imported study's interventions besides its treatment groups. */
class InterventionNamesTest {

  @Test
  void theRegistrysInterventionsAddTheirOtherNamesOnce() {
    RegistryDetails details =
        new RegistryDetails(
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new RegistryDetails.InterventionDetail(
                    "DRUG", "Dupilumab", null, List.of("REGN668", "SAR231893", "Dupixent")),
                new RegistryDetails.InterventionDetail("DRUG", "Placebo", null, List.of())),
            false);

    assertThat(TrialSource.interventionNames(List.of("Dupilumab", "Placebo"), details.toJson()))
        .containsExactly("Dupilumab", "Placebo", "REGN668", "SAR231893", "Dupixent");
  }

  @Test
  void aTrialWithoutRegistryDetailsKeepsItsGroupsInterventions() {
    assertThat(TrialSource.interventionNames(List.of("Anifrolumab"), null))
        .containsExactly("Anifrolumab");
    assertThat(TrialSource.interventionNames(List.of("Anifrolumab"), "not json"))
        .containsExactly("Anifrolumab");
  }
}
