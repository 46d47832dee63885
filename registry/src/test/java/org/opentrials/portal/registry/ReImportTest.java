package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.Approval;
import org.opentrials.portal.domain.trial.ArmGroup;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.Dose;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.Intervention;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.SafetySummary;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.registry.ImportChange.Entity;
import org.opentrials.portal.registry.StudyResult.Outcome;

/**
 * Importing a study again updates what the registry owns and keeps what sites and sponsor staff
 * maintain in the portal. The registry record is changed as text, as a newer download would be.
 */
class ReImportTest {
  static final String NCT = "NCT03475563";
  static final String TAULI = "hospital-universitari-parc-tauli";
  static final String LEON = "hospital-universitario-de-leon";
  static final String VALL = "hospital-universitari-vall-d-hebron";
  static final LocalDate CONFIRMED = LocalDate.of(2025, 5, 20);

  private final StudyMerger merger = new StudyMerger(Registry.CLOCK);
  private Trial trial;
  private final List<Site> sites = new ArrayList<>();

  /** The record as first imported, then looked after in the portal for a while. */
  @BeforeEach
  void importedAndMaintained() {
    StudyMerger.Merge first = merger.merge(Registry.study(Registry.record(NCT)), null, List.of());
    trial = first.trial();
    sites.addAll(first.addedSites());

    trial.plan(trial.enrollment(), trial.enrollmentType(), 3, LocalDate.of(2025, 12, 31));
    trial.describe(
        trial.briefSummary(),
        "A stent made for branching arteries is being followed.",
        "One group.");
    trial.replaceFaq(
        List.of(new FaqEntry("Is it a new stent?", "No, it is already approved in Europe.")));
    trial.replaceSafetySummaries(
        List.of(new SafetySummary("No new safety signal.", LocalDate.of(2025, 1, 1))));
    trial.replaceApprovals(
        List.of(
            new Approval(
                "BiOSS LIM C", "ES", "BiOSS LIM C", List.of("Coronary bifurcation lesions"))));
    List<CriterionText> criteria = new ArrayList<>(trial.criteria());
    CriterionText age = criteria.get(0);
    criteria.set(0, new CriterionText(age.kind(), "I am 18 or older.", age.clinicalText(), true));
    trial.defineEligibility(
        "Adults who need a stent where an artery branches.",
        trial.minimumAge(),
        trial.maximumAge(),
        trial.sex(),
        trial.healthyVolunteers(),
        criteria);
    ArmGroup arm = trial.armGroups().get(0);
    Intervention stent = arm.interventions().get(0);
    trial.replaceArmGroups(
        List.of(
            new ArmGroup(
                arm.label(),
                arm.type(),
                arm.description(),
                List.of(
                    new Intervention(
                        stent.name(),
                        stent.type(),
                        new Dose(BigDecimal.ONE, "stent", false),
                        "during angioplasty")))));

    Site leon = site(LEON);
    leon.changeStatus(
        SiteStatus.ACTIVE_NOT_RECRUITING,
        CONFIRMED,
        Registry.CLOCK); // an investigator confirmed it
    leon.changePeople(
        "Dr. Investigator", new SiteContact("Study Nurse", "987 23 74 00", "ensayos@example.es"));
  }

  /**
   * A newer download: status and verification date moved, Taulí's contact got a phone, León says
   * completed, Vall d'Hebron was replaced.
   */
  private static String newerRecord() {
    return Registry.record(NCT)
        .replace("\"overallStatus\": \"UNKNOWN\"", "\"overallStatus\": \"COMPLETED\"")
        .replace("\"statusVerifiedDate\": \"2019-11\"", "\"statusVerifiedDate\": \"2024-03\"")
        .replace(
            "\"name\": \"Eduard Bosch, MD\",",
            "\"name\": \"Eduard Bosch, MD\", \"phone\": \"+34 937 23 10 10\", \"email\": \"ebosch@tauli.cat\",")
        .replaceFirst(
            "(\"facility\": \"Hospital Universitario de León\",\\s*\"status\": )\"RECRUITING\"",
            "$1\"COMPLETED\"")
        .replace(
            "\"facility\": \"Hospital Universitari Vall d'Hebron\"",
            "\"facility\": \"Hospital del Mar\"");
  }

  private StudyMerger.Merge reimport(String json) {
    StudyMerger.Merge m = merger.merge(Registry.study(json), trial, List.copyOf(sites));
    sites.addAll(m.addedSites());
    return m;
  }

  private Site site(String slug) {
    return sites.stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
  }

  @Test
  void reportsExactlyTheChangesTheNewerRecordBrings() {
    StudyMerger.Merge m = reimport(newerRecord());
    assertThat(m.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(m.trial()).isSameAs(trial);
    assertThat(m.changes())
        .filteredOn(c -> c.entity() == Entity.TRIAL)
        .extracting(
            ImportChange::key, ImportChange::field, ImportChange::oldValue, ImportChange::newValue)
        .containsExactly(
            tuple(NCT, "overallStatus", "UNKNOWN", "COMPLETED"),
            tuple(NCT, "statusVerifiedOn", "2019-11-01", "2024-03-01"));
    assertThat(m.changes())
        .filteredOn(c -> c.key().equals(NCT + "/" + TAULI))
        .extracting(ImportChange::field, ImportChange::oldValue, ImportChange::newValue)
        .containsExactly(
            tuple("statusVerifiedOn", "2019-11-01", "2024-03-01"),
            tuple(
                "contact",
                "Eduard Bosch, MD",
                "Eduard Bosch, MD, +34 937 23 10 10, ebosch@tauli.cat"));
    assertThat(m.changes()).noneMatch(c -> c.key().endsWith(LEON) || c.key().endsWith(VALL));
    assertThat(trial.overallStatus()).isEqualTo(OverallStatus.COMPLETED);
    assertThat(site(TAULI).contact().phone()).isEqualTo("+34 937 23 10 10");
  }

  @Test
  void keepsTheStatusAndContactsAnInvestigatorConfirmedAfterTheRegistry() {
    StudyMerger.Merge m = reimport(newerRecord());
    Site leon = site(LEON);
    assertThat(leon.status()).isEqualTo(SiteStatus.ACTIVE_NOT_RECRUITING);
    assertThat(leon.statusVerifiedOn()).isEqualTo(CONFIRMED);
    assertThat(leon.principalInvestigator()).isEqualTo("Dr. Investigator");
    assertThat(leon.contact().name()).isEqualTo("Study Nurse");
    assertThat(m.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                        "site "
                            + LEON
                            + ": status and contacts were confirmed in the"
                            + " portal on 2025-05-20")
                    && w.contains("the registry says COMPLETED"));
  }

  @Test
  void aRegistryVerificationNewerThanTheInvestigatorsConfirmationWins() {
    site(LEON)
        .changeStatus(SiteStatus.ACTIVE_NOT_RECRUITING, LocalDate.of(2024, 2, 1), Registry.CLOCK);
    reimport(newerRecord());
    assertThat(site(LEON).status()).isEqualTo(SiteStatus.COMPLETED);
    assertThat(site(LEON).statusVerifiedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(site(LEON).contact().name()).isEqualTo("Armando Pérez de Prado, MD, PhD");
  }

  @Test
  void keepsTheReferencesSponsorStaffAddedAfterTheRegistrysOwn() {
    List<org.opentrials.portal.domain.trial.Reference> refs = new ArrayList<>(trial.references());
    int registryCount = refs.size();
    refs.add(
        new org.opentrials.portal.domain.trial.Reference(
            "One-year results of the BiOSS registry",
            2024,
            "Added by sponsor staff with its abstract.",
            "39000001",
            null,
            null,
            Registry.CLOCK));
    trial.replaceReferences(refs);

    reimport(newerRecord());
    assertThat(trial.references()).hasSize(registryCount + 1);
    assertThat(trial.references().get(registryCount).title())
        .isEqualTo("One-year results of the BiOSS registry");
    assertThat(reimport(newerRecord()).outcome())
        .as("and a second import finds nothing to change")
        .isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void keepsEverythingThePortalOwns() {
    reimport(newerRecord());
    assertThat(trial.placesLeft()).isEqualTo(3);
    assertThat(trial.placesLeftUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(trial.plainSummary())
        .isEqualTo("A stent made for branching arteries is being followed.");
    assertThat(trial.groupsSummary()).isEqualTo("One group.");
    assertThat(trial.eligibilitySummary())
        .isEqualTo("Adults who need a stent where an artery branches.");
    assertThat(trial.faq()).extracting(FaqEntry::question).containsExactly("Is it a new stent?");
    assertThat(trial.safetySummaries()).hasSize(1);
    assertThat(trial.approvals()).extracting(Approval::countryCode).containsExactly("ES");
    assertThat(trial.criteria().get(0).patientText()).isEqualTo("I am 18 or older.");
    assertThat(trial.criteria().get(0).key()).isTrue();
    Intervention stent = trial.armGroups().get(0).interventions().get(0);
    assertThat(stent.dose().unit()).isEqualTo("stent");
    assertThat(stent.administration()).isEqualTo("during angioplasty");
  }

  @Test
  void keepsTheSpanishTextsSponsorStaffWroteEvenWhenTheGroupsAreRebuilt() {
    trial.replaceContent(
        trial
            .content()
            .withSpanish(
                new org.opentrials.portal.domain.trial.SpanishTexts(
                    "Stent para bifurcaciones",
                    "Se sigue un stent hecho para arterias que se ramifican.",
                    null,
                    null,
                    List.of(new FaqEntry("¿Es un stent nuevo?", "No.")),
                    List.of(
                        new org.opentrials.portal.domain.trial.SpanishTexts.GroupText(
                            "Pacientes con enfermedad coronaria", null)))));
    ArmGroup before = trial.armGroups().get(0);

    reimport(
        newerRecord()
            .replace(
                "\"description\": \"(coronary artery disease)\"",
                "\"description\": \"Coronary artery disease at a bifurcation\""));
    assertThat(trial.armGroups().get(0).description())
        .isEqualTo("Coronary artery disease at a bifurcation");
    assertThat(trial.armGroups().get(0)).as("the group was rebuilt").isNotSameAs(before);
    var es = trial.content().spanish();
    assertThat(es.briefTitle()).isEqualTo("Stent para bifurcaciones");
    assertThat(es.plainSummary()).startsWith("Se sigue un stent");
    assertThat(es.faq()).extracting(FaqEntry::question).containsExactly("¿Es un stent nuevo?");
    assertThat(es.group(0).label()).isEqualTo("Pacientes con enfermedad coronaria");
  }

  @Test
  void addsNewSitesAndKeepsButReportsTheOnesNoLongerListed() {
    StudyMerger.Merge m = reimport(newerRecord());
    assertThat(m.addedSites()).extracting(Site::slug).containsExactly("hospital-del-mar");
    assertThat(m.sitesNoLongerListed()).containsExactly(VALL);
    assertThat(sites).extracting(Site::slug).contains(VALL);
    assertThat(m.warnings()).anyMatch(w -> w.startsWith("site " + VALL + " is no longer listed"));
    assertThat(m.changes())
        .filteredOn(c -> c.key().equals(NCT + "/hospital-del-mar"))
        .extracting(ImportChange::field)
        .contains("facility", "city", "status");
  }

  @Test
  void importingTheSameRecordAgainChangesNothing() {
    reimport(newerRecord());
    StudyMerger.Merge again = reimport(newerRecord());
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.changes()).isEmpty();
    assertThat(again.addedSites()).isEmpty();
  }

  @Test
  void aWithdrawnTrialStaysWithdrawn() {
    trial.withdraw();
    reimport(newerRecord());
    assertThat(trial.published()).isFalse();
  }

  @Test
  void ownCriteriaDocumentFollowsTheRegistryButOneStructuredBySponsorStaffIsKept() {
    String older = trial.criteriaRules();
    reimport(newerRecord().replace("\"minimumAge\": \"18 Years\"", "\"minimumAge\": \"21 Years\""));
    assertThat(trial.criteriaRules()).isNotEqualTo(older).contains("\"min\": 21");

    String sponsors =
        trial.criteriaRules().replace("I am 21 years old or older.", "I am at least 21.");
    trial.structureCriteria(sponsors);
    StudyMerger.Merge m =
        reimport(
            newerRecord().replace("\"minimumAge\": \"18 Years\"", "\"minimumAge\": \"25 Years\""));
    assertThat(trial.criteriaRules()).isEqualTo(sponsors);
    assertThat(m.warnings())
        .anyMatch(w -> w.contains("criteria document structured by sponsor staff was kept"));
  }

  @Test
  void aModuleMissingFromTheRecordLeavesWhatItOwnsAlone() {
    // A search page asked for some fields only: identification and status.
    String partial =
        """
        {"protocolSection": {
          "identificationModule": {"nctId": "NCT03475563",
            "briefTitle": "BiOSS Study (BiOSS LIM C Stent Registry in Bifurcated Lesions)",
            "officialTitle": "BiOSS LIM C Stent Registry in Bifurcated Lesions", "acronym": "BIOSS"},
          "statusModule": {"statusVerifiedDate": "2024-03", "overallStatus": "COMPLETED"}}}""";
    StudyMerger.Merge m = reimport(partial);
    assertThat(m.changes())
        .extracting(ImportChange::field)
        .containsExactly("overallStatus", "statusVerifiedOn");
    assertThat(trial.criteria()).hasSize(12);
    assertThat(trial.references()).hasSize(3);
    assertThat(sites).hasSize(3);
    assertThat(m.sitesNoLongerListed()).isEmpty();
  }
}
