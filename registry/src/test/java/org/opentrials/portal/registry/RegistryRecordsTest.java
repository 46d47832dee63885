package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.LocationSource;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.EnrollmentType;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.ReferenceType;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.eligibility.criteria.AgeRange;
import org.opentrials.portal.eligibility.criteria.CoordinatorCheck;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.registry.StudyResult.Outcome;
import org.opentrials.portal.services.geo.Gazetteer;

/**
 * The three real records become trials and sites with what a visitor and sponsor staff would check.
 */
class RegistryRecordsTest {
  private final StudyMerger merger = new StudyMerger(Registry.CLOCK);

  private StudyMerger.Merge importRecord(String nct) {
    return merger.merge(Registry.study(Registry.record(nct)), null, List.of());
  }

  @Test
  void everyRecordIsCreatedAndPublished() {
    for (String nct : Registry.RECORDS) {
      StudyMerger.Merge m = importRecord(nct);
      assertThat(m.outcome()).as(nct).isEqualTo(Outcome.CREATED);
      assertThat(m.trial().nctId().value()).isEqualTo(nct);
      assertThat(m.trial().published()).isTrue();
      assertThat(m.addedSites()).as(nct).isNotEmpty();
    }
  }

  @Test
  void biossRegistryMapsIdentificationStatusDesignAndEligibility() {
    Trial t = importRecord("NCT03475563").trial();
    assertThat(t.briefTitle())
        .isEqualTo("BiOSS Study (BiOSS LIM C Stent Registry in Bifurcated Lesions)");
    assertThat(t.officialTitle()).isEqualTo("BiOSS LIM C Stent Registry in Bifurcated Lesions");
    assertThat(t.acronym()).isEqualTo("BIOSS");
    assertThat(t.overallStatus()).isEqualTo(OverallStatus.UNKNOWN);
    assertThat(t.statusVerifiedOn())
        .isEqualTo(LocalDate.of(2019, 11, 1)); // "2019-11": first of the month
    assertThat(t.studyType()).isEqualTo(StudyType.OBSERVATIONAL);
    assertThat(t.phases()).isEmpty();
    assertThat(t.enrollment()).isEqualTo(100);
    assertThat(t.enrollmentType()).isEqualTo(EnrollmentType.ESTIMATED);
    assertThat(t.leadSponsor()).isEqualTo("Hospital Universitari Vall d'Hebron Research Institute");
    assertThat(t.overseenBy()).isEqualTo("Imanol Otaegui, MD");
    assertThat(t.briefSummary()).startsWith("The BIOSS Lim C pharmacoactive Stent");
    assertThat(t.conditions()).containsExactly("Coronary Artery Disease");
    assertThat(t.keywords())
        .containsExactly(
            "Drug-eluting stent",
            "Dedicated bifurcation stent",
            "Cobalt-chromium",
            "Sirolimus-eluting stent");
    assertThat(t.minimumAge()).isEqualTo(AgeLimit.years(18));
    assertThat(t.maximumAge()).isNull();
    assertThat(t.sex()).isEqualTo(Sex.ALL);
    assertThat(t.healthyVolunteers()).isFalse();
    assertThat(t.criteria()).filteredOn(c -> c.kind() == CriterionKind.INCLUSION).hasSize(5);
    assertThat(t.criteria()).filteredOn(c -> c.kind() == CriterionKind.EXCLUSION).hasSize(7);
    assertThat(t.criteria().get(0).patientText()).isEqualTo("Age over 18 years.");
    assertThat(t.criteria())
        .last()
        .extracting(CriterionText::patientText)
        .isEqualTo("Cardiogenic shock.");
  }

  @Test
  void biossRegistryLinksTheArmToItsInterventionAndCitesItsPublications() {
    Trial t = importRecord("NCT03475563").trial();
    assertThat(t.armGroups())
        .singleElement()
        .satisfies(
            arm -> {
              assertThat(arm.label()).isEqualTo("Patients with coronary artery disease");
              assertThat(arm.type()).isNull(); // observational cohorts have no arm type
              assertThat(arm.interventions())
                  .extracting(i -> i.name(), i -> i.type())
                  .containsExactly(
                      tuple(
                          "Coronary angioplasty with stent implantation",
                          InterventionType.PROCEDURE));
            });
    assertThat(t.references())
        .extracting(r -> r.pmid(), r -> r.type(), r -> r.year())
        .containsExactly(
            tuple("25828372", ReferenceType.RESULT, 2015),
            tuple("25689548", ReferenceType.RESULT, 2015),
            tuple("26465375", ReferenceType.RESULT, 2016));
    // NLM citations open with the authors: the title is the sentence after them.
    assertThat(t.references().get(0).title())
        .isEqualTo(
            "Regular Drug-Eluting Stent vs Dedicated Coronary Bifurcation"
                + " BiOSS Expert Stent: Multicenter Open-Label Randomized Controlled POLBOS I Trial.");
    assertThat(t.references().get(0).citation()).startsWith("Gil RJ, Bil J, Dzavik V");
  }

  @Test
  void biossRegistrySitesHaveSlugsAddressesGeoPointsStatusesAndContacts() {
    List<Site> sites = importRecord("NCT03475563").addedSites();
    assertThat(sites)
        .extracting(Site::slug)
        .containsExactly(
            "hospital-universitari-parc-tauli",
            "hospital-universitari-vall-d-hebron",
            "hospital-universitario-de-leon");
    Site tauli = sites.get(0);
    assertThat(tauli.facility()).isEqualTo("Hospital Universitari Parc Taulí");
    assertThat(tauli.city()).isEqualTo("Sabadell");
    assertThat(tauli.state()).isEqualTo("Barcelona");
    assertThat(tauli.postalCode()).isEqualTo("08208");
    assertThat(tauli.country()).isEqualTo("Spain");
    assertThat(tauli.location()).contains(new GeoPoint(41.54329, 2.10942));
    assertThat(tauli.status()).isEqualTo(SiteStatus.RECRUITING);
    assertThat(tauli.statusVerifiedOn()).isEqualTo(LocalDate.of(2019, 11, 1));
    assertThat(tauli.contact().name()).isEqualTo("Eduard Bosch, MD");
    assertThat(sites).allSatisfy(s -> assertThat(s.location()).isPresent());
    assertThat(sites.get(2).city()).isEqualTo("León");
  }

  @Test
  void ageBecomesAStructuredCriterionAndTheCriteriaTextStaysWording() {
    Trial t = importRecord("NCT03418623").trial();
    assertThat(t.minimumAge()).isEqualTo(AgeLimit.years(21));
    assertThat(t.maximumAge()).isEqualTo(AgeLimit.years(40));
    var rules = CriteriaJson.decode(t.criteriaRules());
    assertThat(rules.trialId()).isEqualTo("NCT03418623");
    assertThat(rules.criteria().get(0))
        .satisfies(
            c -> {
              assertThat(c.rule()).isEqualTo(new AgeRange(21, 40));
              assertThat(c.text().defaultText()).isEqualTo("I am between 21 and 40 years old.");
            });
    // The criterion the portal has not structured is there in the registry's words, for the study
    // team to check: it keeps the verdict at "needs review" at best.
    assertThat(rules.criteria().get(1))
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("registry-text-1");
              assertThat(c.text().defaultText()).isEqualTo("Male participants...");
              assertThat(c.rule()).isInstanceOf(CoordinatorCheck.class);
            });
    assertThat(rules.criteria()).hasSize(2);
    assertThat(RegistryCriteria.isProducedByImport(t.criteriaRules())).isTrue();
  }

  @Test
  void singleSexStudiesGetASexCriterion() {
    Trial t =
        merger
            .merge(Registry.study(StudyJson.study("NCT10000001").json()), null, List.of())
            .trial();
    assertThat(t.sex()).isEqualTo(Sex.FEMALE);
    assertThat(CriteriaJson.decode(t.criteriaRules()).criteria())
        .extracting(c -> c.id(), c -> c.text().defaultText())
        .containsExactly(
            tuple("registry-age", "I am 18 years old or older."),
            tuple("registry-sex", "I am female."),
            tuple("registry-text-1", "Adults"),
            tuple("registry-text-2", "Pregnancy"));
  }

  @Test
  void get73StudyLinksArmsAndInterventionsByTypeAndName() {
    Trial t = importRecord("NCT03418623").trial();
    assertThat(t.studyType()).isEqualTo(StudyType.INTERVENTIONAL);
    assertThat(t.phases()).containsExactly(Phase.PHASE2);
    assertThat(t.overallStatus()).isEqualTo(OverallStatus.COMPLETED);
    assertThat(t.enrollment()).isEqualTo(24);
    assertThat(t.enrollmentType()).isEqualTo(EnrollmentType.ACTUAL);
    assertThat(t.collaborators()).containsExactly("Latis S.r.l.");
    assertThat(t.overseenBy()).isEqualTo("Raymond F Anton, MD");
    assertThat(t.armGroups())
        .extracting(
            a -> a.label(),
            a -> a.type(),
            a -> a.interventions().stream().map(i -> i.type() + " " + i.name()).toList())
        .containsExactly(
            tuple("GET73", ArmGroupType.EXPERIMENTAL, List.of("DRUG GET73")),
            tuple("Placebo", ArmGroupType.PLACEBO_COMPARATOR, List.of("OTHER Placebo")));
  }

  @Test
  void truncatedRecordImportsWithWarningsSayingWhatWasCutShort() {
    StudyMerger.Merge m = importRecord("NCT03418623");
    assertThat(m.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(m.warnings())
        .contains(
            "$.protocolSection.identificationModule.officialTitle: looks cut short (ends with \"...\")",
            "$.protocolSection.descriptionModule.briefSummary: looks cut short (ends with \"...\")",
            "$.protocolSection.eligibilityModule.eligibilityCriteria: looks cut short (ends with \"...\")",
            "eligibilityModule.eligibilityCriteria: eligibility criteria have no exclusion criteria");
    Trial t = m.trial();
    assertThat(t.officialTitle())
        .isEqualTo("Effect of GET73 on Magnetic Resonance Spectroscopy Measures...");
    assertThat(t.criteria())
        .extracting(CriterionText::kind, CriterionText::patientText)
        .containsExactly(tuple(CriterionKind.INCLUSION, "Male participants..."));
    // A citation cut down to its authors is its own title.
    assertThat(t.references())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pmid()).isEqualTo("23032071");
              assertThat(r.title()).isEqualTo("Schacht JP, Anton RF, Voronin KE");
              assertThat(r.type()).isEqualTo(ReferenceType.BACKGROUND);
            });
    Site site = m.addedSites().get(0);
    assertThat(site.slug())
        .hasSizeLessThanOrEqualTo(80)
        .startsWith("department-of-psychiatry-and-behavioral-sciences-medical-university-of");
    assertThat(site.status()).isNull(); // the location gives none
    assertThat(site.contact()).isNull(); // no contacts at the site or centrally
    // MUSC's ZIP code 29425 lies in South Carolina: the site is at its centroid, not at the
    // registry's point for Charleston's centre (32.77657, -79.93092).
    assertThat(site.location())
        .isEqualTo(Gazetteer.shared().findByZip("29425").map(p -> p.point()))
        .isNotEqualTo(java.util.Optional.of(new GeoPoint(32.77657, -79.93092)));
    assertThat(site.locationSource()).isEqualTo(LocationSource.ZIP);
  }

  @Test
  void
      lariboisiereStudyTakesItsSiteContactAndPrincipalOfficialAndWarnsOfTheUngroupedIntervention() {
    StudyMerger.Merge m = importRecord("NCT06171568");
    Trial t = m.trial();
    assertThat(t.acronym()).isEqualTo("ECOG");
    assertThat(t.overallStatus()).isEqualTo(OverallStatus.NOT_YET_RECRUITING);
    assertThat(t.statusVerifiedOn()).isEqualTo(LocalDate.of(2023, 12, 1));
    assertThat(t.collaborators())
        .containsExactly("SBT Human(s) Matter", "Clinical Research Unit Saint Louis Lariboisière");
    // PRINCIPAL_INVESTIGATOR is preferred to the STUDY_DIRECTOR listed with it.
    assertThat(t.overseenBy()).isEqualTo("Emmanuel Mandonnet, MD, PhD");
    assertThat(t.references()).hasSize(8).allSatisfy(r -> assertThat(r.pmid()).matches("\\d+"));
    assertThat(t.references().get(3).title()).isEqualTo("Chronic impact...");
    assertThat(t.armGroups()).isEmpty();
    assertThat(m.warnings())
        .anyMatch(w -> w.contains("\"Tests and questionnaires\" belongs to no arm group"));
    Site site = m.addedSites().get(0);
    assertThat(site.slug()).isEqualTo("neurosurgery-lariboisiere-hospital");
    assertThat(site.contact().name()).isEqualTo("Camille Heslot, MD");
    assertThat(site.contact().phone()).isEqualTo("01.49.95.81.69");
    assertThat(site.contact().email()).isEqualTo("camille.heslot@aphp.fr");
  }

  @Test
  void creationReportsEveryFieldItSetWithNoOldValue() {
    StudyMerger.Merge m = importRecord("NCT03475563");
    assertThat(m.changes()).allSatisfy(c -> assertThat(c.oldValue()).isNull());
    assertThat(m.changes())
        .filteredOn(c -> c.entity() == ImportChange.Entity.TRIAL)
        .extracting(ImportChange::field)
        .contains("briefTitle", "overallStatus", "criteria", "criteriaRules", "published");
    assertThat(m.changes())
        .filteredOn(c -> c.key().equals("NCT03475563/hospital-universitario-de-leon"))
        .extracting(ImportChange::field, ImportChange::newValue)
        .contains(tuple("status", "RECRUITING"), tuple("location", "42.60003,-5.57032"));
  }

  @Test
  void aStudyWithManySitesOfOneNameGetsUniqueSlugs() {
    StudyMerger.Merge m =
        merger.merge(
            Registry.study(StudyJson.study("NCT10000437").locations(437).json()), null, List.of());
    assertThat(m.addedSites()).hasSize(437);
    assertThat(m.addedSites())
        .extracting(Site::slug)
        .doesNotHaveDuplicates()
        .contains("research-site", "research-site-2", "research-site-63")
        .doesNotContain("research-site-64");
  }
}
