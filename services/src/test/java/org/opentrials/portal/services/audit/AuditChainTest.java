package org.opentrials.portal.services.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.services.audit.AuditFixtures.account;
import static org.opentrials.portal.services.audit.AuditFixtures.trail;
import static org.opentrials.portal.services.audit.AuditFixtures.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditEntry;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.audit.ChainVerification.Problem;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * The audit chain on a real database: appends link up, and any change made behind its back shows.
 */
class AuditChainTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneOffset.UTC);
  private static final String KEY = "NCT02633163/cedars-sinai";

  private TestDatabase db;

  @BeforeEach
  void freshDatabase() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          account(em, "admin.test", Role.ADMINISTRATOR);
          account(em, "investigator.test", Role.INVESTIGATOR);
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void appendedEntriesFollowEachOtherAndVerify() {
    appendThree();
    ChainVerification result = verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(3);
    assertThat(result.firstBrokenEntryId()).isNull();
    db.inTransaction(
        em -> {
          List<AuditEntry> entries =
              em.createQuery("select e from AuditEntry e order by e.id", AuditEntry.class)
                  .getResultList();
          assertThat(entries).extracting(AuditEntry::id).containsExactly(1L, 2L, 3L);
          assertThat(entries.get(0).previousHash()).isEqualTo(AuditEntry.GENESIS_HASH);
          assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
          assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
          assertThat(entries.get(2).hash()).isEqualTo(result.headHash());
          assertThat(entries.get(1).occurredAt()).isEqualTo(CLOCK.instant());
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"old_value", "new_value", "reason", "actor", "field_name"})
  void aValueChangedInTheDatabaseIsReportedAtItsEntry(String column) throws Exception {
    appendThree();
    try (Connection c = db.connect();
        PreparedStatement tamper =
            c.prepareStatement("update audit_entry set " + column + " = ? where id = 2")) {
      tamper.setString(1, "tampered");
      assertThat(tamper.executeUpdate()).isEqualTo(1);
    }
    ChainVerification result = verify();
    assertThat(result.problem()).isEqualTo(Problem.CONTENT_CHANGED);
    assertThat(result.firstBrokenEntryId()).isEqualTo(2L);
  }

  @Test
  void aChangedTimeIsReportedToo() throws Exception {
    appendThree();
    try (Connection c = db.connect()) {
      c.createStatement()
          .executeUpdate(
              "update audit_entry set occurred_at = occurred_at - INTERVAL '1' HOUR where id = 1");
    }
    assertThat(verify().firstBrokenEntryId()).isEqualTo(1L);
  }

  @Test
  void anEntryRehashedAfterItsChangeBreaksTheLinkOfTheNext() throws Exception {
    appendThree();
    AtomicReference<String> forged = new AtomicReference<>();
    db.inTransaction(
        em -> {
          AuditEntry second = em.find(AuditEntry.class, 2L);
          // What someone who knows the format would do: change the value and recompute this entry's
          // hash.
          String content =
              second.canonicalContent().replace("newValue=10:RECRUITING", "newValue=9:WITHDRAWN");
          forged.set(AuditEntry.chainHash(second.previousHash(), content));
        });
    try (Connection c = db.connect();
        PreparedStatement tamper =
            c.prepareStatement(
                "update audit_entry set new_value = 'WITHDRAWN', hash = ? where id = 2")) {
      tamper.setString(1, forged.get());
      tamper.executeUpdate();
    }
    ChainVerification result = verify();
    assertThat(result.problem()).isEqualTo(Problem.LINK_BROKEN);
    assertThat(result.firstBrokenEntryId()).isEqualTo(3L);
  }

  @Test
  void aRemovedEntryIsMissing() throws Exception {
    appendThree();
    try (Connection c = db.connect()) {
      c.createStatement().executeUpdate("delete from audit_entry where id = 2");
    }
    ChainVerification result = verify();
    assertThat(result.problem()).isEqualTo(Problem.ENTRY_MISSING);
    assertThat(result.firstBrokenEntryId()).isEqualTo(2L);
  }

  @Test
  void aRemovedLastEntryShowsAgainstTheHead() throws Exception {
    appendThree();
    try (Connection c = db.connect()) {
      c.createStatement().executeUpdate("delete from audit_entry where id = 3");
    }
    ChainVerification result = verify();
    assertThat(result.problem()).isEqualTo(Problem.ENTRY_MISSING);
    assertThat(result.firstBrokenEntryId()).isEqualTo(3L);
  }

  @Test
  void concurrentWritersTakeTurnsAndNeverForkTheChain() throws Exception {
    int writers = 4;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String actor = "writer" + w;
        Callable<Void> task =
            () -> {
              for (int i = 0; i < each; i++) {
                int n = i;
                db.inTransaction(
                    em ->
                        trail(em, null, Clock.systemUTC())
                            .record(
                                update(
                                    actor,
                                    KEY,
                                    "placesLeft",
                                    Integer.toString(n),
                                    Integer.toString(n + 1),
                                    null)));
              }
              return null;
            };
        done.add(pool.submit(task));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    ChainVerification result = verify();
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(writers * each);
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*), count(distinct previous_hash), min(id), max(id) from audit_entry")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(writers * each);
      assertThat(rs.getLong(2)).as("no two entries follow the same one").isEqualTo(writers * each);
      assertThat(rs.getLong(3)).isEqualTo(1);
      assertThat(rs.getLong(4)).isEqualTo(writers * each);
    }
  }

  @Test
  void theTimeReadsBackTheSameWhateverTheServerTimeZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
      appendThree();
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      assertThat(verify().intact()).isTrue();
      db.inTransaction(
          em -> assertThat(em.find(AuditEntry.class, 1L).occurredAt()).isEqualTo(CLOCK.instant()));
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void onlyAdministratorsMayReadOrVerifyAndATryIsRecorded() {
    appendThree();
    db.inTransaction(
        em -> {
          AuditTrailService asInvestigator = trail(em, "investigator.test", CLOCK);
          assertThatThrownBy(asInvestigator::verify).isInstanceOf(AccessDenied.class);
          assertThatThrownBy(() -> asInvestigator.find(AuditFilter.ALL, 10))
              .isInstanceOf(AccessDenied.class);
          assertThatThrownBy(() -> trail(em, null, CLOCK).find(AuditFilter.ALL, 10))
              .isInstanceOf(AccessDenied.class);
        });
    db.inTransaction(
        em -> {
          List<AuditEntryView> denied =
              trail(em, "admin.test", CLOCK)
                  .find(
                      new AuditFilter(
                          "investigator.test", AuditAction.ACCESS_DENIED, null, null, null),
                      10);
          assertThat(denied)
              .hasSize(2)
              .allSatisfy(e -> assertThat(e.actorRole()).isEqualTo("INVESTIGATOR"));
        });
  }

  @Test
  void administratorsFindEntriesByActorEntityActionAndDay() {
    appendThree();
    db.inTransaction(
        em -> {
          AuditTrailService trail = trail(em, "admin.test", CLOCK);
          trail.record(
              new org.opentrials.portal.domain.audit.AuditRecord(
                  "admin.test",
                  "ADMINISTRATOR",
                  AuditAction.CONFIRM_STATUS,
                  "Site",
                  "NCT02633163/palo-alto",
                  "statusVerifiedOn",
                  null,
                  "2026-03-04",
                  null));
          assertThat(trail.find(AuditFilter.ALL, 10))
              .extracting(AuditEntryView::id)
              .containsExactly(4L, 3L, 2L, 1L);
          assertThat(trail.find(AuditFilter.ALL, 2)).hasSize(2);
          assertThat(trail.find(new AuditFilter("Investigator.Test", null, null, null, null), 10))
              .hasSize(3);
          assertThat(
                  trail.find(
                      new AuditFilter(null, AuditAction.CONFIRM_STATUS, null, null, null), 10))
              .extracting(AuditEntryView::entityKey)
              .containsExactly("NCT02633163/palo-alto");
          assertThat(trail.find(new AuditFilter(null, null, "NCT02633163", null, null), 10))
              .hasSize(4);
          assertThat(trail.find(new AuditFilter(null, null, KEY, null, null), 10)).hasSize(3);
          assertThat(trail.find(new AuditFilter(null, null, "NCT0263316", null, null), 10))
              .isEmpty();
          assertThat(trail.find(new AuditFilter(null, null, "NCT02633163/%", null, null), 10))
              .isEmpty();
          var day = CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate();
          assertThat(trail.find(new AuditFilter(null, null, null, day, day), 10)).hasSize(4);
          assertThat(trail.find(new AuditFilter(null, null, null, day.plusDays(1), null), 10))
              .isEmpty();
          assertThat(trail.find(new AuditFilter(null, null, null, null, day.minusDays(1)), 10))
              .isEmpty();
        });
  }

  private void appendThree() {
    db.inTransaction(
        em -> {
          AuditTrailService trail = trail(em, null, CLOCK);
          trail.record(
              update(
                  "investigator.test",
                  KEY,
                  "status",
                  "RECRUITING",
                  "ACTIVE_NOT_RECRUITING",
                  "Enrolment paused"));
          trail.record(
              update(
                  "investigator.test",
                  KEY,
                  "status",
                  "ACTIVE_NOT_RECRUITING",
                  "RECRUITING",
                  "Reopened"));
          trail.record(
              update(
                  "investigator.test", KEY, "contactPhone", "310-423-2422", "310-423-0000", null));
        });
  }

  private ChainVerification verify() {
    AtomicReference<ChainVerification> result = new AtomicReference<>();
    db.inTransaction(em -> result.set(trail(em, "admin.test", CLOCK).verify()));
    return result.get();
  }
}
