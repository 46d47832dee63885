package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.LocationSource;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.answers.AnswerValue;
import org.opentrials.portal.eligibility.answers.Answers;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.Verdict;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.trials.RegistryDetails;

/**
 * Real ClinicalTrials.gov records of shapes the demo's three do not have (registry/src/test/
 * resources/ctgov/README.md says where each came from): what the import keeps of them.
 */
class RealRecordsTest {
  private final StudyMerger merger = new StudyMerger(Registry.CLOCK);

  private StudyMerger.Merge importFile(String file) {
    return merger.merge(Registry.study(Registry.testRecord(file)), null, List.of());
  }

  @Test
  void aCompletedStudyWithResultsKeepsItsDatesDesignOfficialsOutcomesIdsAndOtherNames() {
    StudyMerger.Merge m = importFile("NCT02552212-shortened.json");
    RegistryDetails d = RegistryDetails.parse(m.trial().registryDetails());
    // Month precision stays month precision: "2015-09" is not "September 1, 2015".
    assertThat(d.startDate()).isEqualTo(new RegistryDetails.PartialDate("2015-09", "ACTUAL"));
    assertThat(d.startDate().precision()).isEqualTo("MONTH");
    assertThat(d.primaryCompletionDate().value()).isEqualTo("2018-05");
    assertThat(d.completionDate().value()).isEqualTo("2020-05");
    assertThat(d.allocation()).isEqualTo("RANDOMIZED");
    assertThat(d.masking()).isEqualTo("QUADRUPLE");
    assertThat(d.whoMasked()).hasSize(4);
    assertThat(d.hasResults()).isTrue();
    assertThat(d.secondaryIds())
        .containsExactly(new RegistryDetails.SecondaryId("2015-001894-41", "EUDRACT_NUMBER", null));
    assertThat(d.primaryOutcomes())
        .extracting(RegistryDetails.Outcome::timeFrame)
        .containsExactly("Week 52", "Week 12", "Baseline (Week 0)");
    assertThat(d.interventions())
        .extracting(
            RegistryDetails.InterventionDetail::name,
            RegistryDetails.InterventionDetail::otherNames)
        .containsExactly(
            tuple("Certolizumab Pegol", List.of("Cimzia", "CDP870")), tuple("Placebo", List.of()));
    assertThat(d.interventions().get(0).description())
        .startsWith("* Active Substance: Certolizumab Pegol");
    // A study director ("UCB Cares", a helpline) is listed with the role, never as the investigator
    // who oversees the study.
    assertThat(d.officials())
        .containsExactly(
            new RegistryDetails.Official("UCB Cares", "STUDY_DIRECTOR", "1-844-599-2273 (UCB)"));
    assertThat(d.principalInvestigator()).isNull();
    assertThat(m.trial().overseenBy()).isNull();
    assertThat(m.trial().enrollment()).isEqualTo(317);
    assertThat(m.trial().waitlistAvailable()).isNull();
    assertThat(m.trial().priorSafetyData()).isNull();
    assertThat(m.trial().overallStatus().takesParticipants()).isFalse();
    // Countries are kept for every site, and the ones abroad have the registry's point.
    assertThat(m.addedSites())
        .extracting(s -> s.country())
        .contains("United States", "Australia", "Bulgaria", "Canada");
    assertThat(m.addedSites())
        .filteredOn(s -> "Bulgaria".equals(s.country()))
        .allSatisfy(s -> assertThat(s.locationSource()).isEqualTo(LocationSource.REGISTRY));
  }

  @Test
  void freeTextCriteriaKeepACompletedPhase3AtNeedsReviewForAThirtyYearOld() {
    StudyMerger.Merge m = importFile("NCT02552212-shortened.json");
    var criteria = CriteriaJson.decode(m.trial().criteriaRules());
    // Age from the registry's field, then the 6 inclusion and 11 exclusion criteria in its words.
    assertThat(criteria.criteria()).hasSize(1 + 6 + 11);
    var screening =
        PreScreener.screen(
            criteria,
            Answers.builder().put("age", new AnswerValue.WholeNumber(30)).build(),
            LocalDate.of(2025, 6, 2));
    assertThat(screening.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
    assertThat(screening.results().get(0).status()).isEqualTo(CriterionStatus.MET);
    assertThat(screening.results().subList(1, 18))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(CriterionStatus.UNKNOWN));
    assertThat(screening.results().get(17).criterion().text().defaultText())
        .isEqualTo(
            "Subjects with any other condition which, in the investigator's judgment, would make"
                + " the subject unsuitable for inclusion in the study");
  }

  @Test
  void aDeviceStudyKeepsInterventionDescriptionsDropsTheStrayDashAndPlacesTheSiteAtItsZip() {
    StudyMerger.Merge m = importFile("NCT04207047.json");
    var t = m.trial();
    assertThat(t.overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
    assertThat(t.criteria())
        .filteredOn(c -> c.kind() == CriterionKind.EXCLUSION)
        .hasSize(19)
        .last()
        .extracting(CriterionText::patientText)
        .asString()
        .startsWith("History or current use of the following medications:")
        .endsWith("signing the informed consent.");
    assertThat(t.criteria()).noneMatch(c -> c.patientText().endsWith("-"));
    RegistryDetails d = RegistryDetails.parse(t.registryDetails());
    assertThat(d.startDate().precision()).isEqualTo("DAY");
    assertThat(d.completionDate())
        .isEqualTo(new RegistryDetails.PartialDate("2020-03-31", "ESTIMATED"));
    assertThat(d.interventions()).hasSize(5);
    assertThat(d.interventions().get(0).description()).startsWith("The Infini Radiofrequency");
    assertThat(d.primaryOutcomes())
        .containsExactly(new RegistryDetails.Outcome("Primary Outcome", "14 days"));
    var site = m.addedSites().get(0);
    assertThat(site.postalCode()).isEqualTo("01821");
    assertThat(site.locationSource()).isEqualTo(LocationSource.ZIP);
    assertThat(site.location())
        .isEqualTo(Gazetteer.shared().findByZip("01821").map(p -> p.point()));
  }

  @Test
  void aWithdrawnStudyWithoutEligibilityOrArmsStatesNeitherAgeNorSex() {
    var c =
        Registry.read(
            "NCT00695604-search-page.json", Registry.testRecord("NCT00695604-search-page.json"));
    assertThat(c.problems).isEmpty();
    StudyMerger.Merge m = merger.merge(c.studies.get(0), null, List.of());
    var t = m.trial();
    assertThat(t.overallStatus()).isEqualTo(OverallStatus.WITHDRAWN);
    assertThat(t.eligibilityStated()).isFalse();
    assertThat(t.criteriaRules()).isNull(); // nothing to pre-screen with
    assertThat(t.armGroups()).isEmpty();
    RegistryDetails d = RegistryDetails.parse(t.registryDetails());
    assertThat(d.whyStopped())
        .isEqualTo("Study was not able to be completed, no results analyzed.");
    assertThat(d.startDate()).isEqualTo(new RegistryDetails.PartialDate("2008-05", "ACTUAL"));
    assertThat(d.completionDate().precision()).isEqualTo("MONTH");
  }

  @Test
  void interventionsWithoutAnArmGroupAreKeptAmongTheTreatments() {
    // The GET73 record with its arm groups left out, as registrations of single-group studies have.
    String record =
        Registry.record("NCT03418623")
            .replaceFirst(
                "(?s)\"armGroups\": \\[.*?\\],\\s*\"interventions\"", "\"interventions\"");
    StudyMerger.Merge m = merger.merge(Registry.study(record), null, List.of());
    assertThat(m.trial().armGroups()).isEmpty();
    assertThat(RegistryDetails.parse(m.trial().registryDetails()).interventions())
        .extracting(RegistryDetails.InterventionDetail::name)
        .containsExactly("GET73", "Placebo");
  }

  @Test
  void aFieldsFilteredSearchPageIsSkippedWithWhatToDownloadInstead() {
    var c =
        Registry.read(
            "studies-fields.json", Registry.testRecord("search-page-fields-filtered.json"));
    assertThat(c.studies).hasSize(3);
    for (RegistryStudy study : c.studies) {
      assertThatThrownBy(() -> merger.merge(study, null, List.of()))
          .isInstanceOf(StudySkipped.class)
          .hasMessageContaining("the record has only some modules (identificationModule,")
          .hasMessageContaining("looks like a search page downloaded with a fields= filter")
          .hasMessageContaining("https://clinicaltrials.gov/api/v2/studies/" + study.nctId());
    }
    assertThat(c.studies.get(0).source()).isEqualTo("studies-fields.json $.studies[0]");
  }

  @Test
  void aClassicXmlRecordIsNamedWithItsStudyAndTheApiV2Address() throws IOException {
    byte[] xml = Registry.testRecord("NCT04207047-classic.xml").getBytes(StandardCharsets.UTF_8);
    String expected =
        "classic ClinicalTrials.gov XML (study NCT04207047), which this import does not read:"
            + " download the study as API v2 JSON from"
            + " https://clinicaltrials.gov/api/v2/studies/NCT04207047";
    assertThat(Registry.read("NCT04207047.xml", xml).problems)
        .singleElement()
        .asString()
        .startsWith("NCT04207047.xml: " + expected);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("search_results/NCT04207047.xml"));
      out.write(xml);
      out.closeEntry();
    }
    assertThat(Registry.read("download.zip", zip.toByteArray()).problems)
        .singleElement()
        .asString()
        .startsWith("download.zip!/search_results/NCT04207047.xml: " + expected);
  }
}
