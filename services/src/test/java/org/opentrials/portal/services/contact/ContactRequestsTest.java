package org.opentrials.portal.services.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentrials.portal.domain.testing.SiteBuilder.aSite;
import static org.opentrials.portal.domain.testing.TrialBuilder.aTrial;

import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.contact.RequestKind;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.testing.TrialBuilder;
import org.opentrials.portal.services.persistence.JpaContactRequestRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/** Contact requests against a real database: what is stored, how, and what is not. */
class ContactRequestsTest {
  private static final ContactDetails ANA =
      new ContactDetails("Ana Testperson", "555-010-0199", "ana@example.org", "MORNING");

  /** A published trial with a waitlist, recruiting at one site. */
  private static final TrialBuilder LUPUS_TRIAL =
      aTrial()
          .withNct("NCT02633163")
          .published()
          .withWaitlist()
          .withSite(aSite().withSlug("cedars-sinai"));

  private TestDatabase db;
  private PayloadCipher cipher;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(LUPUS_TRIAL.build());
          LUPUS_TRIAL.sites().forEach(new JpaSiteRepository(em)::add);
        });
    byte[] key = new byte[32];
    key[0] = 7;
    cipher = new PayloadCipher("test-1", Map.of("test-1", new SecretKeySpec(key, "AES")));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private ContactRequests service(EntityManager em, Clock clock) {
    return new ContactRequests(
        new JpaContactRequestRepository(em),
        new JpaTrialRepository(em),
        new JpaSiteRepository(em),
        cipher,
        clock);
  }

  private ContactRequests.Receipt submit(ContactRequests.Submission s) {
    AtomicReference<ContactRequests.Receipt> receipt = new AtomicReference<>();
    db.inTransaction(
        em -> {
          ContactRequests service =
              ContactFixtures.service(
                  em, cipher, Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
          receipt.set(service.submit(s));
        });
    return receipt.get();
  }

  private static ContactRequests.Submission submission(String key, boolean consent) {
    return new ContactRequests.Submission(
        key,
        LUPUS_TRIAL.nct(),
        "cedars-sinai",
        ANA,
        consent,
        Map.of("age", "34", "infection.hiv", "no"),
        "LIKELY_ELIGIBLE");
  }

  private int rows() throws Exception {
    try (var c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from contact_request")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void withoutConsentNothingIsStored() throws Exception {
    assertThatThrownBy(() -> submit(submission("form-1", false)))
        .isInstanceOf(ContactRequests.ConsentMissing.class);
    assertThat(rows()).isZero();
  }

  @Test
  void storedContactDetailsAndAnswersAreNotReadableInTheTable() throws Exception {
    ContactRequests.Receipt receipt = submit(submission("form-2", true));
    assertThat(receipt.reference()).matches("[A-Z2-9]{10}");
    assertThat(receipt.kind()).isEqualTo(RequestKind.CONTACT);
    List<String> everything = new ArrayList<>();
    try (var c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("select * from contact_request")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertThat(rs.next()).isTrue();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        everything.add(String.valueOf(rs.getObject(i)));
      }
      assertThat(rs.getString("consent_version")).isEqualTo(ContactRequests.CONSENT_VERSION);
      assertThat(rs.getString("key_id")).isEqualTo("test-1");
      String opened = cipher.open(rs.getString("key_id"), rs.getString("sealed_payload"));
      assertThat(opened)
          .contains("Ana Testperson", "555-010-0199", "ana@example.org", "\"age\":\"34\"");
    }
    assertThat(String.join("|", everything))
        .doesNotContain(
            "Ana", "Testperson", "555-010-0199", "ana@example.org", "MORNING", "infection.hiv");
  }

  @Test
  void aRepeatedSubmissionOfTheSameFormCreatesNoDuplicate() throws Exception {
    ContactRequests.Receipt first = submit(submission("form-3", true));
    ContactRequests.Receipt again = submit(submission("form-3", true));
    assertThat(again.reference()).isEqualTo(first.reference());
    assertThat(again.repeated()).isTrue();
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void withdrawingWithTheLinkErasesTheRequestAndAWrongKeyDoesNot() throws Exception {
    ContactRequests.Receipt receipt = submit(submission("form-4", true));
    AtomicReference<Boolean> wrong = new AtomicReference<>();
    AtomicReference<Boolean> right = new AtomicReference<>();
    db.inTransaction(
        em -> {
          ContactRequests service = service(em, Clock.systemUTC());
          wrong.set(service.withdraw(receipt.reference(), "not-the-key"));
        });
    assertThat(wrong.get()).isFalse();
    assertThat(rows()).isEqualTo(1);
    db.inTransaction(
        em -> {
          ContactRequests service = service(em, Clock.systemUTC());
          right.set(service.withdraw(receipt.reference(), receipt.withdrawalSecret()));
        });
    assertThat(right.get()).isTrue();
    assertThat(rows()).isZero();
  }

  @Test
  void aFullSiteOfATrialWithAWaitlistTakesWaitlistEntries() {
    db.inTransaction(
        em -> {
          Site cedars =
              new JpaSiteRepository(em).findBySlug(LUPUS_TRIAL.nct(), "cedars-sinai").orElseThrow();
          cedars.changePlaces(0, null);
        });
    assertThat(submit(submission("form-5", true)).kind()).isEqualTo(RequestKind.WAITLIST);
  }

  @Test
  void invalidDetailsAreRefusedFieldByField() {
    var bad =
        new ContactRequests.Submission(
            "form-6",
            LUPUS_TRIAL.nct(),
            "cedars-sinai",
            new ContactDetails(" ", "call me", "", "NOON"),
            true,
            Map.of(),
            null);
    assertThatThrownBy(() -> submit(bad))
        .isInstanceOfSatisfying(
            ContactRequests.InvalidDetails.class,
            e -> assertThat(e.problems()).containsKeys("name", "phone", "preferredTime"));
  }
}
