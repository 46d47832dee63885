package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.registry.StudyResult.Outcome;
import org.opentrials.portal.services.persistence.ImportedRecords;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * The whole import into a real database (H2, or PostgreSQL with -Dit.db.url), one transaction per
 * study as the service and the command run it, read back through the repositories.
 */
class StudyImportDatabaseTest {
  static TestDatabase db;
  static ImportReport first;

  /**
   * One resource-local transaction per batch, with fingerprints, as {@link ImportCommand} runs
   * them.
   */
  static final StudyWriter WRITER =
      batch -> {
        AtomicReference<List<StudyResult>> result = new AtomicReference<>();
        StudyStore store = new StudyStore(Registry.CLOCK);
        db.inTransaction(
            em ->
                result.set(
                    store.store(
                        batch,
                        new JpaTrialRepository(em),
                        new JpaSiteRepository(em),
                        new ImportedRecords(em))));
        return result.get();
      };

  @BeforeAll
  static void importRecordsAndAPageWithBrokenStudies() {
    db = new TestDatabase();
    ImportRun run = new ImportRun(WRITER);
    for (String nct : Registry.RECORDS) {
      run.stream(nct + ".json", stream(Registry.record(nct)));
    }
    String page =
        "{\"studies\": ["
            + StudyJson.study(StudyJson.nct(1)).json()
            + ","
            + "{\"protocolSection\": \"not a section\"},"
            + StudyJson.study("NCT123").json()
            + ","
            + StudyJson.study(StudyJson.nct(2)).locations(20).json()
            + "]}";
    first = run.stream("page.json", stream(page)).report();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void oneBrokenStudyDoesNotStopTheBatch() {
    assertThat(first.created()).isEqualTo(5);
    assertThat(first.skipped()).isEqualTo(2);
    assertThat(first.skippedStudies())
        .extracting(StudyResult::source, StudyResult::reason)
        .containsExactly(
            tuple(
                "page.json $.studies[1]",
                "no NCT number (protocolSection.identificationModule.nctId)"),
            tuple("page.json $.studies[2]", "not an NCT number: \"NCT123\""));
    assertThat(first.skippedStudies().get(0).warnings())
        .containsExactly("$.protocolSection: expected an object, found STRING, dropped");
  }

  @Test
  void trialsComeBackPublishedWithTheirRegistryContent() {
    db.inTransaction(
        em -> {
          JpaTrialRepository trials = new JpaTrialRepository(em);
          assertThat(trials.findAllPublished())
              .extracting(t -> t.nctId().value())
              .contains(
                  "NCT03418623", "NCT03475563", "NCT06171568", StudyJson.nct(1), StudyJson.nct(2));
          Trial get73 = trials.findPublishedByNct(NctNumber.of("NCT03418623")).orElseThrow();
          assertThat(get73.overallStatus()).isEqualTo(OverallStatus.COMPLETED);
          assertThat(get73.armGroups())
              .extracting(a -> a.label(), a -> a.interventions().get(0).type())
              .containsExactly(
                  tuple("GET73", InterventionType.DRUG), tuple("Placebo", InterventionType.OTHER));
          assertThat(get73.criteriaRules()).contains("\"min\": 21", "\"max\": 40");
          Trial bioss = trials.findByNct(NctNumber.of("NCT03475563")).orElseThrow();
          assertThat(bioss.criteria())
              .filteredOn(c -> c.kind() == CriterionKind.EXCLUSION)
              .hasSize(7);
          assertThat(bioss.references())
              .extracting(r -> r.pmid())
              .containsExactly("25828372", "25689548", "26465375");
        });
  }

  @Test
  void sitesComeBackWithGeoPointsStatusesAndContacts() {
    db.inTransaction(
        em -> {
          JpaSiteRepository sites = new JpaSiteRepository(em);
          List<Site> bioss = sites.findByTrial(NctNumber.of("NCT03475563"));
          assertThat(bioss)
              .extracting(Site::slug, Site::status)
              .containsExactly(
                  tuple("hospital-universitari-parc-tauli", SiteStatus.RECRUITING),
                  tuple("hospital-universitari-vall-d-hebron", SiteStatus.RECRUITING),
                  tuple("hospital-universitario-de-leon", SiteStatus.RECRUITING));
          assertThat(bioss.get(2).location()).contains(new GeoPoint(42.60003, -5.57032));
          Site paris =
              sites
                  .findBySlug(NctNumber.of("NCT06171568"), "neurosurgery-lariboisiere-hospital")
                  .orElseThrow();
          assertThat(paris.contact().email()).isEqualTo("camille.heslot@aphp.fr");
          assertThat(sites.findByTrial(NctNumber.of(StudyJson.nct(2)))).hasSize(20);
        });
  }

  @Test
  void importingTheSameFilesAgainWritesNothingAndAChangedRecordUpdates() throws Exception {
    long version = version("NCT06171568");
    ImportReport again =
        new ImportRun(WRITER)
            .stream("NCT06171568.json", stream(Registry.record("NCT06171568"))).report();
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.changes()).isEmpty();
    assertThat(version("NCT06171568")).isEqualTo(version);

    String changed =
        Registry.record("NCT06171568").replace("\"NOT_YET_RECRUITING\"", "\"RECRUITING\"");
    ImportReport update =
        new ImportRun(WRITER).stream("NCT06171568.json", stream(changed)).report();
    assertThat(update.updated()).isEqualTo(1);
    assertThat(update.changes())
        .extracting(ImportChange::field, ImportChange::newValue)
        .containsExactly(tuple("overallStatus", "RECRUITING"));
    assertThat(version("NCT06171568")).isEqualTo(version + 1);
  }

  private static long version(String nct) throws Exception {
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select version from trial where nct_id = '" + nct + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  @Test
  void aStudyTheDatabaseRejectsIsSkippedAndRolledBackAlone() {
    // A writer whose transaction fails after storing: the study is reported, nothing of it stays.
    StudyWriter failing =
        batch -> {
          db.inTransaction(
              em -> {
                new StudyStore(Registry.CLOCK)
                    .store(batch, new JpaTrialRepository(em), new JpaSiteRepository(em), null);
                throw new IllegalStateException("disk full");
              });
          return null;
        };
    ImportReport report =
        new ImportRun(failing)
            .stream("x.json", stream(StudyJson.study(StudyJson.nct(99)).json())).report();
    assertThat(report.skippedStudies())
        .singleElement()
        .extracting(StudyResult::reason)
        .isEqualTo("could not be stored: disk full");
    db.inTransaction(
        em ->
            assertThat(new JpaTrialRepository(em).findByNct(NctNumber.of(StudyJson.nct(99))))
                .isEmpty());
    assertThat(report.skippedStudies().get(0).outcome()).isEqualTo(Outcome.SKIPPED);
  }

  @Test
  void aStudyTheDatabaseRejectsInABatchIsSkippedAloneAndTheOthersAreStored() {
    // As a database would refuse one study (a constraint): every batch that holds it fails.
    String refused = StudyJson.nct(201);
    StudyWriter refusing =
        batch -> {
          AtomicReference<List<StudyResult>> result = new AtomicReference<>();
          db.inTransaction(
              em -> {
                result.set(
                    new StudyStore(Registry.CLOCK)
                        .store(
                            batch,
                            new JpaTrialRepository(em),
                            new JpaSiteRepository(em),
                            new ImportedRecords(em)));
                if (batch.stream().anyMatch(s -> refused.equals(s.nctId()))) {
                  throw new IllegalStateException("value too long");
                }
              });
          return result.get();
        };
    String page =
        "{\"studies\": ["
            + StudyJson.study(StudyJson.nct(200)).json()
            + ","
            + StudyJson.study(refused).json()
            + ","
            + StudyJson.study(StudyJson.nct(202)).json()
            + "]}";
    ImportReport report = new ImportRun(refusing).stream("batch.json", stream(page)).report();
    assertThat(report.studies())
        .extracting(StudyResult::nctId, StudyResult::outcome)
        .containsExactly(
            tuple(StudyJson.nct(200), Outcome.CREATED),
            tuple(refused, Outcome.SKIPPED),
            tuple(StudyJson.nct(202), Outcome.CREATED));
    db.inTransaction(
        em -> {
          JpaTrialRepository trials = new JpaTrialRepository(em);
          assertThat(trials.findByNct(NctNumber.of(StudyJson.nct(200)))).isPresent();
          assertThat(trials.findByNct(NctNumber.of(refused))).isEmpty();
          assertThat(trials.findByNct(NctNumber.of(StudyJson.nct(202)))).isPresent();
        });
  }

  @Test
  void anUnchangedRecordIsRecognisedByItsFingerprintWithoutReadingTheTrial() throws Exception {
    String json = StudyJson.study(StudyJson.nct(300)).locations(5).json();
    new ImportRun(WRITER).stream("a.json", stream(json));
    long version = version(StudyJson.nct(300));
    ImportReport again = new ImportRun(WRITER).stream("a.json", stream(json)).report();
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(version(StudyJson.nct(300))).isEqualTo(version);

    String newer = StudyJson.study(StudyJson.nct(300)).status("COMPLETED").locations(5).json();
    ImportReport changed = new ImportRun(WRITER).stream("a.json", stream(newer)).report();
    assertThat(changed.updated()).isEqualTo(1);
    assertThat(changed.changes())
        .extracting(ImportChange::field, ImportChange::newValue)
        .containsExactly(tuple("overallStatus", "COMPLETED"));
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from registry_record where nct_id = '"
                        + StudyJson.nct(300)
                        + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
