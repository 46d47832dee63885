package org.opentrials.portal.services.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.contact.RequestStatus;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.persistence.JpaContactRequestRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** Retention on a fixed clock: what is erased when, twice harmlessly, audited without data. */
class ContactRetentionTest {
  private static final Instant RECEIVED = Instant.parse("2026-01-10T10:00:00Z");
  private static final int DAYS = 180;
  private TestDatabase db;
  private PayloadCipher cipher;

  @BeforeEach
  void setUp() {
    db = ContactFixtures.demoDatabase();
    cipher = ContactFixtures.cipher(9);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private String submit(String key, String site) {
    List<String> ref = new ArrayList<>();
    db.inTransaction(
        em -> {
          ContactRequests service =
              ContactFixtures.service(em, cipher, Clock.fixed(RECEIVED, ZoneOffset.UTC));
          ref.add(
              service
                  .submit(
                      new ContactRequests.Submission(
                          key,
                          MisleDemoTrial.NCT,
                          site,
                          new ContactDetails(
                              "Ana Retention", "555-010-0199", "ana@example.org", "MORNING"),
                          true,
                          Map.of("age", "34"),
                          "LIKELY_ELIGIBLE"))
                  .reference());
        });
    return ref.get(0);
  }

  private int purgeAt(Instant now) {
    AtomicInteger n = new AtomicInteger();
    db.inTransaction(
        em -> {
          Clock clock = Clock.fixed(now, ZoneOffset.UTC);
          n.set(
              new ContactRetention(
                      new JpaContactRequestRepository(em),
                      AuditFixtures.trail(em, null, clock),
                      clock,
                      DAYS)
                  .purge());
        });
    return n.get();
  }

  private List<String> remaining() throws Exception {
    List<String> refs = new ArrayList<>();
    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select reference from contact_request order by reference")) {
      while (rs.next()) {
        refs.add(rs.getString(1));
      }
    }
    return refs;
  }

  @Test
  void closedRequestsAndClosedSitesArePurgedAfterTheRetentionPeriodOnly() throws Exception {
    String open = submit("open-request", "cedars-sinai");
    String closed = submit("closed-request", "cedars-sinai");
    String atClosedSite = submit("closed-site", "medical-university-of-south-carolina");
    Instant closedAt = RECEIVED.plus(Duration.ofDays(10));
    db.inTransaction(
        em -> {
          new JpaContactRequestRepository(em)
              .findByReference(closed)
              .orElseThrow()
              .changeStatus(RequestStatus.NOT_ELIGIBLE, closedAt);
          new JpaSiteRepository(em)
              .findBySlug(MisleDemoTrial.NCT, "medical-university-of-south-carolina")
              .orElseThrow()
              .changeStatus(
                  SiteStatus.COMPLETED,
                  LocalDate.parse("2026-02-01"),
                  Clock.fixed(Instant.parse("2026-02-02T00:00:00Z"), ZoneOffset.UTC));
        });

    assertThat(purgeAt(closedAt.plus(Duration.ofDays(DAYS - 1)))).isZero();
    assertThat(remaining()).containsExactlyInAnyOrder(open, closed, atClosedSite);

    assertThat(purgeAt(closedAt.plus(Duration.ofDays(DAYS + 1)))).isEqualTo(1);
    assertThat(remaining()).containsExactlyInAnyOrder(open, atClosedSite);

    Instant afterSiteClosed = Instant.parse("2026-02-01T00:00:00Z").plus(Duration.ofDays(DAYS + 1));
    assertThat(purgeAt(afterSiteClosed)).isEqualTo(1);
    assertThat(purgeAt(afterSiteClosed)).as("a second run finds nothing").isZero();
    assertThat(remaining()).containsExactly(open);

    assertThat(purgeAt(afterSiteClosed.plus(Duration.ofDays(3650))))
        .as("an open request at a recruiting site is kept")
        .isZero();

    try (var c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select entity_key, actor, coalesce(old_value,'') || coalesce(new_value,'')"
                        + " || reason from audit_entry where action = 'PURGE' order by id")) {
      List<String> keys = new ArrayList<>();
      while (rs.next()) {
        keys.add(rs.getString(1));
        assertThat(rs.getString(2)).isEqualTo("(system)");
        assertThat(rs.getString(3)).doesNotContain("Ana", "ana@", "555");
      }
      assertThat(keys).containsExactly(closed, atClosedSite);
    }
  }
}
