package org.opentrials.portal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * Every change an import makes is in the audit trail as an import, and an unchanged re-import adds
 * nothing.
 */
class ImportAuditTest {
  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private void importOnce(RegistryStudy study) {
    importAs(study, ImportActor.system("test"));
  }

  private void importAs(RegistryStudy study, ImportActor actor) {
    db.inTransaction(
        em -> {
          TransactionalStudyWriter writer =
              new TransactionalStudyWriter(
                  em,
                  new JpaTrialRepository(em),
                  new JpaSiteRepository(em),
                  Clock.systemUTC(),
                  AuditFixtures.trail(em, null, Clock.systemUTC()));
          writer.write(List.of(study), actor);
        });
  }

  private List<String> importEntries() throws Exception {
    List<String> rows = new ArrayList<>();
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select actor, actor_role, entity_type, entity_key, field_name, reason from audit_entry"
                        + " where action = 'IMPORT' order by id")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4)
                + "|"
                + rs.getString(5)
                + "|"
                + rs.getString(6));
      }
    }
    return rows;
  }

  @Test
  void aNewStudyIsRecordedAsAnImportAndAnUnchangedReImportAddsNothing() throws Exception {
    List<RegistryStudy> read = new ArrayList<>();
    RegistryReader.read(
        Path.of("src/main/resources/demo/registry/NCT03475563.json"),
        new RegistryReader.Sink() {
          @Override
          public void study(RegistryStudy study) {
            read.add(study);
          }

          @Override
          public void unreadable(String source, String reason) {
            throw new AssertionError(reason);
          }
        });
    importOnce(read.get(0));
    List<String> first = importEntries();
    assertThat(first).isNotEmpty();
    // One entry for the created trial and one per created site, each with every field written.
    assertThat(first).hasSize(4);
    assertThat(first.get(0))
        .startsWith("(import)|SYSTEM|Trial|NCT03475563|null|")
        .contains("ClinicalTrials.gov import");
    assertThat(first.get(1))
        .startsWith("(import)|SYSTEM|Site|NCT03475563/hospital-universitari-parc-tauli|null|");
    importOnce(read.get(0));
    assertThat(importEntries()).hasSameSizeAs(first);
  }

  @Test
  void anUploadIsRecordedAsMadeByTheStaffMemberWhoUploaded() throws Exception {
    importAs(
        Registry.study(Registry.record("NCT06171568")),
        new ImportActor("admin", "ADMINISTRATOR", "upload"));
    assertThat(importEntries())
        .isNotEmpty()
        .allSatisfy(
            row ->
                assertThat(row)
                    .startsWith("admin|ADMINISTRATOR|")
                    .endsWith("|ClinicalTrials.gov import (upload) from study.json"));
  }

  @Test
  void aCreatedObjectsEntryHoldsEveryFieldAndAnUpdateOneEntryPerChangedField() throws Exception {
    importOnce(Registry.study(Registry.record("NCT03418623")));
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select new_value from audit_entry where entity_key = 'NCT03418623' and action = 'IMPORT'")) {
      assertThat(rs.next()).isTrue();
      jakarta.json.JsonObject created =
          jakarta.json.Json.createReader(new java.io.StringReader(rs.getString(1))).readObject();
      assertThat(created.getString("overallStatus")).isEqualTo("COMPLETED");
      assertThat(created.getString("briefTitle")).startsWith("Effect of GET73");
      assertThat(created.keySet()).contains("criteria", "references", "leadSponsor");
    }
    importOnce(
        Registry.study(Registry.record("NCT03418623").replace("\"COMPLETED\"", "\"TERMINATED\"")));
    assertThat(importEntries())
        .filteredOn(r -> r.contains("|NCT03418623|overallStatus|"))
        .hasSize(1);
  }

  @Test
  void aValueTooLongForTheTrailKeepsItsStartAndADigest() {
    String fitted = org.opentrials.portal.domain.audit.AuditRecord.fit("x".repeat(30_000));
    assertThat(fitted)
        .hasSizeLessThanOrEqualTo(20_000)
        .startsWith("xxxx")
        .contains("30000 characters, SHA-256 ");
    assertThat(org.opentrials.portal.domain.audit.AuditRecord.fit("short")).isEqualTo("short");
  }
}
