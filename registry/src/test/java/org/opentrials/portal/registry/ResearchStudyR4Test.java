package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.ArmGroup;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.interop.R4Validator;
import org.opentrials.portal.services.interop.ResearchStudyR4;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.trials.TestTrialPages;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPages;

/**
 * The FHIR R4 ResearchStudy of every demo and imported trial, read from a real database as the
 * endpoint reads it, is valid R4 by HAPI FHIR's validator, and says what the trial page says.
 */
class ResearchStudyR4Test {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
  static final NctNumber ODD = NctNumber.of("NCT09999901");
  static final NctNumber UNPUBLISHED = NctNumber.of("NCT09999902");

  static TestDatabase db;
  static R4Validator validator;

  @BeforeAll
  static void loadDemoImportedAndOddTrials() {
    validator = new R4Validator();
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(MisleDemoTrial.trial());
          for (Site site : MisleDemoTrial.sites()) {
            Gazetteer.shared()
                .findByCity(site.city(), site.state())
                .ifPresent(p -> site.locateAt(p.point()));
            new JpaSiteRepository(em).add(site);
          }
          // What the registry records do not have: a status R4 cannot say, two phases, a site with
          // neither state nor location, a facility name longer than a FHIR id, arms without a type.
          Trial odd =
              new Trial(
                  ODD,
                  "A <withheld> study & more",
                  StudyType.INTERVENTIONAL,
                  OverallStatus.WITHHELD,
                  "Sponsor & Co");
          odd.classify(Set.of(Phase.PHASE2, Phase.PHASE1), List.of(), List.of("stem cells"));
          odd.replaceArmGroups(List.of(new ArmGroup("Only group", null, null, List.of())));
          odd.publish();
          new JpaTrialRepository(em).add(odd);
          Site far =
              new Site(
                  ODD,
                  "a".repeat(70),
                  "Hôpital " + "très ".repeat(12),
                  "Paris",
                  null,
                  null,
                  "France");
          far.changeStatus(SiteStatus.NOT_YET_RECRUITING, null, CLOCK);
          new JpaSiteRepository(em).add(far);
          new JpaSiteRepository(em)
              .add(new Site(ODD, "a".repeat(60), null, "Lyon", null, null, null));
          new JpaTrialRepository(em)
              .add(
                  new Trial(
                      UNPUBLISHED,
                      "A draft",
                      StudyType.INTERVENTIONAL,
                      OverallStatus.RECRUITING,
                      "Sponsor"));
        });
    ImportRun run =
        new ImportRun(
            batch -> {
              AtomicReference<java.util.List<StudyResult>> result = new AtomicReference<>();
              db.inTransaction(
                  em ->
                      result.set(
                          new StudyStore(CLOCK)
                              .store(
                                  batch,
                                  new JpaTrialRepository(em),
                                  new JpaSiteRepository(em),
                                  null)));
              return result.get();
            });
    for (String resource : RegistryDemoRecords.RESOURCES) {
      run.stream(resource, resource(resource));
    }
    // Real records of other shapes: results and a study director, a device study, a withdrawn one.
    for (String resource : REAL_RECORDS) {
      run.stream(resource, resource(resource));
    }
    ImportReport report = run.report();
    assertThat(report.created()).isEqualTo(6);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyOverallStatusHasAnR4Status() {
    Map<OverallStatus, String> expected = new EnumMap<>(OverallStatus.class);
    expected.put(OverallStatus.RECRUITING, "active");
    expected.put(OverallStatus.ENROLLING_BY_INVITATION, "active");
    expected.put(OverallStatus.NOT_YET_RECRUITING, "approved");
    expected.put(OverallStatus.ACTIVE_NOT_RECRUITING, "closed-to-accrual");
    expected.put(OverallStatus.SUSPENDED, "temporarily-closed-to-accrual");
    expected.put(OverallStatus.TERMINATED, "administratively-completed");
    expected.put(OverallStatus.COMPLETED, "completed");
    expected.put(OverallStatus.WITHDRAWN, "withdrawn");
    expected.put(OverallStatus.AVAILABLE, "active");
    expected.put(OverallStatus.TEMPORARILY_NOT_AVAILABLE, "temporarily-closed-to-accrual");
    expected.put(OverallStatus.NO_LONGER_AVAILABLE, "closed-to-accrual");
    expected.put(OverallStatus.APPROVED_FOR_MARKETING, "completed");
    expected.put(OverallStatus.UNKNOWN, "closed-to-accrual");
    expected.put(OverallStatus.WITHHELD, "closed-to-accrual");
    assertThat(expected).hasSize(OverallStatus.values().length);
    Set<String> r4Codes =
        Set.of(
            "active",
            "administratively-completed",
            "approved",
            "closed-to-accrual",
            "closed-to-accrual-and-intervention",
            "completed",
            "disapproved",
            "in-review",
            "temporarily-closed-to-accrual",
            "temporarily-closed-to-accrual-and-intervention",
            "withdrawn");
    for (OverallStatus status : OverallStatus.values()) {
      assertThat(ResearchStudyR4.status(status))
          .as(status.name())
          .isEqualTo(expected.get(status))
          .isIn(r4Codes);
    }
  }

  @Test
  void phasesBecomeResearchStudyPhaseCodes() {
    assertThat(ResearchStudyR4.phaseCode(List.of("PHASE2"))).contains("phase-2");
    assertThat(ResearchStudyR4.phaseCode(List.of("PHASE2", "PHASE1"))).contains("phase-1-phase-2");
    assertThat(ResearchStudyR4.phaseCode(List.of("PHASE3", "PHASE2"))).contains("phase-2-phase-3");
    assertThat(ResearchStudyR4.phaseCode(List.of("EARLY_PHASE1"))).contains("early-phase-1");
    assertThat(ResearchStudyR4.phaseCode(List.of("NA"))).contains("n-a");
    assertThat(ResearchStudyR4.phaseCode(List.of("PHASE4"))).contains("phase-4");
    assertThat(ResearchStudyR4.phaseCode(List.of())).isEmpty();
    assertThat(ResearchStudyR4.phaseCode(List.of("PHASE1", "PHASE3"))).isEmpty();
  }

  static final List<String> REAL_RECORDS =
      List.of(
          "/ctgov/NCT02552212-shortened.json",
          "/ctgov/NCT04207047.json",
          "/ctgov/NCT00695604-search-page.json");

  @Test
  void aStudyDirectorIsNoPrincipalInvestigatorAndTheEnrollmentGroupSaysWhatItCounts() {
    inPages(
        pages -> {
          TrialPageView page =
              pages.findTrialPage(NctNumber.of("NCT02552212"), Optional.empty()).orElseThrow();
          JsonObject study = ResearchStudyR4.of(page);
          // "UCB Cares" is the sponsor's STUDY_DIRECTOR: no investigator at all.
          assertThat(study.containsKey("principalInvestigator")).isFalse();
          assertThat(study.getJsonObject("period").getString("start")).isEqualTo("2015-09");
          assertThat(study.getJsonObject("period").getString("end")).isEqualTo("2020-05");
          assertThat(study.getJsonArray("identifier").getJsonObject(1).getString("value"))
              .isEqualTo("2015-001894-41");
          JsonObject group =
              contained(
                  study, study.getJsonArray("enrollment").getJsonObject(0).getString("reference"));
          assertThat(group.getString("name")).isEqualTo("Participants enrolled");
          assertThat(group.getBoolean("actual")).isFalse();
          assertThat(group.getInt("quantity")).isEqualTo(317);
        });
  }

  @Test
  void everyPublishedTrialIsValidR4WithoutErrors() {
    List<String> checked = new ArrayList<>();
    inPages(
        pages -> {
          for (var summary : pages.listPublished()) {
            TrialPageView page =
                pages.findTrialPage(NctNumber.of(summary.nct()), Optional.empty()).orElseThrow();
            String json = ResearchStudyR4.of(page).toString();
            assertThat(validator.errors(json))
                .as("R4 errors of %s:%n%s", summary.nct(), json)
                .isEmpty();
            checked.add(summary.nct());
          }
        });
    assertThat(checked)
        .containsExactlyInAnyOrder(
            "NCT02633163",
            "NCT03475563",
            "NCT06171568",
            "NCT03418623",
            "NCT02552212",
            "NCT04207047",
            "NCT00695604",
            ODD.value());
  }

  @Test
  void theValidatorRejectsWhatR4Forbids() {
    String valid = study(MisleDemoTrial.NCT).toString();
    assertThat(
            validator.errors(valid.replace("\"status\":\"active\"", "\"status\":\"recruiting\"")))
        .anySatisfy(e -> assertThat(e).contains("ResearchStudy.status"));
    assertThat(validator.errors(valid.replace("\"latitude\":", "\"lat\":"))).isNotEmpty();
    assertThat(
            validator.errors(
                valid.replace("\"reference\":\"#sponsor\"", "\"reference\":\"#nobody\"")))
        .isNotEmpty();
  }

  @Test
  void theDemoTrialSaysWhatItsPageSays() {
    JsonObject study = study(MisleDemoTrial.NCT);
    assertThat(study.getString("resourceType")).isEqualTo("ResearchStudy");
    assertThat(study.getString("id")).isEqualTo("NCT02633163");
    assertThat(study.getJsonArray("identifier").getJsonObject(0).getString("system"))
        .isEqualTo("https://clinicaltrials.gov");
    assertThat(study.getJsonArray("identifier").getJsonObject(0).getString("value"))
        .isEqualTo("NCT02633163");
    assertThat(study.getString("title")).isEqualTo("Mesenchymal Stem Cells for Lupus");
    assertThat(study.getString("status")).isEqualTo("active");
    assertThat(
            study.getJsonObject("phase").getJsonArray("coding").getJsonObject(0).getString("code"))
        .isEqualTo("phase-2");
    assertThat(study.getJsonArray("condition").getJsonObject(0).getString("text"))
        .isEqualTo("Systemic Lupus Erythematosus");
    assertThat(contained(study, "#sponsor").getString("name"))
        .isEqualTo("Medical University of South Carolina");
    assertThat(
            contained(study, study.getJsonObject("principalInvestigator").getString("reference"))
                .getJsonArray("name")
                .getJsonObject(0)
                .getString("text"))
        .isEqualTo("Gary S. Gilkeson, MD");
    assertThat(study.getJsonArray("site")).hasSize(6);
    JsonObject cedars = contained(study, "#site-cedars-sinai");
    assertThat(cedars.getString("resourceType")).isEqualTo("Location");
    assertThat(cedars.getString("name")).isEqualTo("Cedars-Sinai Medical Center");
    assertThat(cedars.getJsonObject("address").getString("city")).isEqualTo("Los Angeles");
    assertThat(cedars.getJsonObject("address").getString("state")).isEqualTo("CA");
    assertThat(cedars.getJsonObject("position").getJsonNumber("latitude").doubleValue())
        .isBetween(33.9, 34.2);
    assertThat(cedars.getJsonArray("telecom"))
        .extracting(t -> t.asJsonObject().getString("value"))
        .containsExactly("310-423-2422", "bonnie.paul@cshs.org");
    assertThat(study.getJsonArray("arm"))
        .extracting(a -> a.asJsonObject().getString("name"))
        .containsExactly(
            "Group I: Low Dose Mesenchymal Stem Cells (MSCs)",
            "Group II: High Dose Mesenchymal Stem Cells (MSCs)",
            "Group III: Plasma Lyte A Solution");
  }

  @Test
  void whatR4CannotSayIsLeftOutValidly() {
    JsonObject odd = study(ODD);
    assertThat(odd.getString("status")).isEqualTo("closed-to-accrual");
    assertThat(odd.getJsonObject("text").getString("div"))
        .contains("Status on ClinicalTrials.gov: WITHHELD");
    assertThat(odd.getJsonObject("phase").getJsonArray("coding").getJsonObject(0).getString("code"))
        .isEqualTo("phase-1-phase-2");
    assertThat(odd.getJsonObject("text").getString("div"))
        .contains("A &lt;withheld&gt; study &amp; more");
    assertThat(odd.getJsonArray("contained"))
        .extracting(c -> c.asJsonObject().getString("id"))
        .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}"))
        .doesNotHaveDuplicates();
    assertThat(study(NctNumber.of("NCT03475563")).getString("status"))
        .isEqualTo("closed-to-accrual");
    JsonObject completed = study(NctNumber.of("NCT03418623"));
    assertThat(completed.getString("status")).isEqualTo("completed");
    assertThat(contained(completed, "#enrollment").getInt("quantity")).isEqualTo(24);
  }

  @Test
  void anUnpublishedTrialHasNoPageSoTheApiAnswersNotFound() {
    inPages(pages -> assertThat(pages.findTrialPage(UNPUBLISHED, Optional.empty())).isEmpty());
  }

  private static JsonObject study(NctNumber nct) {
    AtomicReference<JsonObject> study = new AtomicReference<>();
    inPages(
        pages ->
            study.set(
                ResearchStudyR4.of(pages.findTrialPage(nct, Optional.empty()).orElseThrow())));
    return study.get();
  }

  private static JsonObject contained(JsonObject study, String reference) {
    return study.getJsonArray("contained").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> ("#" + c.getString("id")).equals(reference))
        .findFirst()
        .orElseThrow();
  }

  static void inPages(Consumer<TrialPages> work) {
    db.inTransaction(em -> work.accept(TestTrialPages.over(em, CLOCK)));
  }

  private static InputStream resource(String name) {
    try (InputStream in = ResearchStudyR4Test.class.getResourceAsStream(name)) {
      return new ByteArrayInputStream(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
