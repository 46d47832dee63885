package org.opentrials.portal.services.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.audit.AuditTrailService;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Investigators change their own sites and nobody else's; every change is in the audit trail; a
 * save over someone else's newer save is refused. On a real database, outside the container: the
 * caller comes from a SecurityContext stand-in, and its role and sites from the account in the
 * database.
 */
class SiteAdministrationTest {
  private static final NctNumber NCT = NctNumber.of("NCT02633163");
  private static final NctNumber OTHER_TRIAL = NctNumber.of("NCT01234567");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T15:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

  private TestDatabase db;

  @BeforeEach
  void trialsSitesAndStaff() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          trial(
              em,
              NCT,
              site("cedars-sinai", "Cedars-Sinai Medical Center", "Los Angeles", "CA"),
              site(
                  "medical-university-of-south-carolina",
                  "Medical University of South Carolina",
                  "Charleston",
                  "SC"));
          trial(em, OTHER_TRIAL, site("elsewhere", "Elsewhere Hospital", "Boston", "MA"));
        });
    db.inTransaction(
        em -> {
          AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
          AuditFixtures.account(
              em, "cedars.test", Role.INVESTIGATOR, siteId(em, NCT, "cedars-sinai"));
          AuditFixtures.account(
              em,
              "musc.test",
              Role.INVESTIGATOR,
              siteId(em, NCT, "medical-university-of-south-carolina"));
          var sponsor = AuditFixtures.account(em, "sponsor.test", Role.SPONSOR_STAFF);
          sponsor.assignTrial(NCT);
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachRoleListsTheSitesItMaySee() {
    assertThat(as("cedars.test", SiteAdministration::listMySites))
        .extracting(SiteSummary::slug, SiteSummary::editable)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cedars-sinai", true));
    assertThat(as("admin.test", SiteAdministration::listMySites))
        .hasSize(3)
        .allMatch(SiteSummary::editable);
    List<SiteSummary> sponsor = as("sponsor.test", SiteAdministration::listMySites);
    assertThat(sponsor)
        .extracting(SiteSummary::slug)
        .containsExactly("cedars-sinai", "medical-university-of-south-carolina");
    assertThat(sponsor).noneMatch(SiteSummary::editable);
    assertThatThrownBy(() -> as(null, SiteAdministration::listMySites))
        .isInstanceOf(AccessDenied.class);
  }

  @Test
  void anInvestigatorChangesTheirSiteAndEveryChangedFieldIsAudited() {
    SiteForm before = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    assertThat(before.status()).isEqualTo(SiteStatus.RECRUITING);
    assertThat(before.contactPhone()).isEqualTo("310-423-2422");

    SiteForm after =
        as(
            "cedars.test",
            s ->
                s.updateSite(
                    edit(
                        before,
                        SiteStatus.ACTIVE_NOT_RECRUITING,
                        3,
                        TODAY.plusMonths(2),
                        " 310-423-9999 ",
                        "Enrolment paused for the holidays")));

    assertThat(after.status()).isEqualTo(SiteStatus.ACTIVE_NOT_RECRUITING);
    assertThat(after.placesLeft()).isEqualTo(3);
    assertThat(after.contactPhone()).isEqualTo("310-423-9999");
    assertThat(after.statusVerifiedOn())
        .as("a new status is verified as of today")
        .isEqualTo(TODAY);
    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(after.contactName()).as("untouched").isEqualTo("Bonnie Paul");

    List<AuditEntryView> entries =
        audit(new AuditFilter("cedars.test", AuditAction.UPDATE, null, null, null));
    assertThat(entries)
        .extracting(AuditEntryView::field, AuditEntryView::oldValue, AuditEntryView::newValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("status", "RECRUITING", "ACTIVE_NOT_RECRUITING"),
            org.assertj.core.groups.Tuple.tuple("placesLeft", null, "3"),
            org.assertj.core.groups.Tuple.tuple(
                "placesLeftUntil", null, TODAY.plusMonths(2).toString()),
            org.assertj.core.groups.Tuple.tuple("contactPhone", "310-423-2422", "310-423-9999"),
            org.assertj.core.groups.Tuple.tuple("statusVerifiedOn", null, TODAY.toString()));
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.entityKey()).isEqualTo("NCT02633163/cedars-sinai");
              assertThat(e.actorRole()).isEqualTo("INVESTIGATOR");
              assertThat(e.reason()).isEqualTo("Enrolment paused for the holidays");
            });
  }

  @Test
  void savingWithoutAChangeRecordsNothing() {
    SiteForm before = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    SiteForm after =
        as(
            "cedars.test",
            s ->
                s.updateSite(
                    edit(
                        before,
                        before.status(),
                        before.placesLeft(),
                        before.placesLeftUntil(),
                        before.contactPhone(),
                        "nothing really")));
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(audit(AuditFilter.ALL)).isEmpty();
  }

  @Test
  void anotherInvestigatorsSiteIsRefusedAndTheTryRecorded() {
    SiteForm cedars = as("admin.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    assertThat(refused("musc.test", s -> s.getSiteForEdit(NCT, "cedars-sinai")))
        .isInstanceOf(AccessDenied.class);
    assertThat(
            refused(
                "musc.test",
                s -> s.updateSite(edit(cedars, SiteStatus.WITHDRAWN, 0, null, null, "forged"))))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused("musc.test", s -> s.confirmStatus(NCT, "cedars-sinai")))
        .isInstanceOf(AccessDenied.class);
    assertThat(
            refused(
                "sponsor.test",
                s -> s.updateSite(edit(cedars, SiteStatus.WITHDRAWN, 0, null, null, null))))
        .as("sponsor staff read sites, they do not change them")
        .isInstanceOf(AccessDenied.class);

    SiteForm unchanged = as("admin.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    assertThat(unchanged).isEqualTo(cedars);
    List<AuditEntryView> denied =
        audit(new AuditFilter(null, AuditAction.ACCESS_DENIED, null, null, null));
    assertThat(denied)
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.entityKey()).isEqualTo("NCT02633163/cedars-sinai"));
    assertThat(denied).extracting(AuditEntryView::actor).containsOnly("musc.test", "sponsor.test");
    assertThat(audit(new AuditFilter(null, AuditAction.UPDATE, null, null, null))).isEmpty();
  }

  @Test
  void anUnknownSiteIsNotFound() {
    assertThat(refused("admin.test", s -> s.getSiteForEdit(NCT, "nowhere")))
        .isInstanceOf(SiteNotFound.class);
  }

  @Test
  void aSaveOverANewerSaveIsRefusedWithBothVersions() {
    SiteForm first = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    SiteForm second = as("admin.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    as(
        "cedars.test",
        s -> s.updateSite(edit(first, SiteStatus.RECRUITING, 5, null, first.contactPhone(), null)));

    SiteUpdate late = edit(second, SiteStatus.SUSPENDED, 1, null, second.contactPhone(), "late");
    EditConflict conflict = (EditConflict) refused("admin.test", s -> s.updateSite(late));
    assertThat(conflict.stored().placesLeft()).isEqualTo(5);
    assertThat(conflict.stored().status()).isEqualTo(SiteStatus.RECRUITING);
    assertThat(conflict.yours()).isEqualTo(late);
    SiteForm now = as("admin.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    assertThat(now.placesLeft()).as("nothing silently overwritten").isEqualTo(5);
    assertThat(now.status()).isEqualTo(SiteStatus.RECRUITING);

    // Having seen both, the editor may save again on top of the stored version.
    SiteForm kept =
        as(
            "admin.test",
            s ->
                s.updateSite(
                    edit(
                        conflict.stored(),
                        SiteStatus.SUSPENDED,
                        1,
                        null,
                        second.contactPhone(),
                        "late, after comparing")));
    assertThat(kept.status()).isEqualTo(SiteStatus.SUSPENDED);
  }

  @Test
  void valuesASiteCannotTakeAreRefusedByField() {
    SiteForm f = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    assertThat(invalidField(edit(f, null, 1, null, f.contactPhone(), null))).isEqualTo("status");
    assertThat(invalidField(edit(f, SiteStatus.RECRUITING, -1, null, f.contactPhone(), null)))
        .isEqualTo("placesLeft");
    assertThat(
            invalidField(
                edit(f, SiteStatus.RECRUITING, 1, TODAY.minusDays(2), f.contactPhone(), null)))
        .isEqualTo("placesLeftUntil");
    assertThat(invalidField(edit(f, SiteStatus.RECRUITING, 1, null, "call me maybe", null)))
        .isEqualTo("contactPhone");
    SiteUpdate badEmail =
        new SiteUpdate(
            f.nct(),
            f.slug(),
            f.version(),
            SiteStatus.RECRUITING,
            null,
            null,
            null,
            null,
            null,
            "not-an-address",
            null);
    assertThat(invalidField(badEmail)).isEqualTo("contactEmail");
    assertThat(audit(AuditFilter.ALL)).isEmpty();
  }

  @Test
  void aDateAlreadyStoredMayHavePassedButANewOneMayNot() {
    db.inTransaction(em -> site(em, NCT, "cedars-sinai").changePlaces(2, TODAY.minusMonths(1)));
    SiteForm f = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    SiteForm saved =
        as(
            "cedars.test",
            s ->
                s.updateSite(
                    edit(f, SiteStatus.RECRUITING, 2, TODAY.minusMonths(1), "310-423-0000", null)));
    assertThat(saved.contactPhone()).isEqualTo("310-423-0000");
    assertThat(
            invalidField(
                edit(saved, SiteStatus.RECRUITING, 2, TODAY.minusDays(3), "310-423-0000", null)))
        .isEqualTo("placesLeftUntil");
  }

  @Test
  void confirmingTheStatusChangesOnlyTheDateItWasLastConfirmed() {
    SiteForm before = as("cedars.test", s -> s.getSiteForEdit(NCT, "cedars-sinai"));
    SiteForm after = as("cedars.test", s -> s.confirmStatus(NCT, "cedars-sinai"));
    assertThat(after.statusVerifiedOn()).isEqualTo(TODAY);
    assertThat(after.fieldValues()).isEqualTo(before.fieldValues());
    assertThat(audit(AuditFilter.ALL))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("CONFIRM_STATUS");
              assertThat(e.field()).isEqualTo("statusVerifiedOn");
              assertThat(e.oldValue()).isNull();
              assertThat(e.newValue()).isEqualTo("2026-03-04");
            });
  }

  private static SiteUpdate edit(
      SiteForm from,
      SiteStatus status,
      Integer places,
      LocalDate until,
      String phone,
      String reason) {
    return new SiteUpdate(
        from.nct(),
        from.slug(),
        from.version(),
        status,
        places,
        until,
        from.principalInvestigator(),
        from.contactName(),
        phone,
        from.contactEmail(),
        reason);
  }

  private <T> T as(String username, Function<SiteAdministration, T> work) {
    return db.call(em -> work.apply(service(em, username)));
  }

  /**
   * Runs work that must fail; the transaction is committed anyway, as the container commits the
   * refusal's own one.
   */
  private RuntimeException refused(String username, Function<SiteAdministration, ?> work) {
    return db.refusal(em -> work.apply(service(em, username)));
  }

  private String invalidField(SiteUpdate update) {
    RuntimeException e = refused("cedars.test", s -> s.updateSite(update));
    assertThat(e).isInstanceOf(InvalidSiteUpdate.class);
    return ((InvalidSiteUpdate) e).field();
  }

  private List<AuditEntryView> audit(AuditFilter filter) {
    return AuditFixtures.entries(db, filter, CLOCK);
  }

  private static SiteAdministrationService service(EntityManager em, String username) {
    AuditTrailService trail = AuditFixtures.trail(em, username, CLOCK);
    JpaSiteRepository sites = new JpaSiteRepository(em);
    StaffCaller caller = AuditFixtures.caller(em, username);
    return new SiteAdministrationService(
        em, sites, caller, new SiteAccess(sites, caller, trail), trail, CLOCK);
  }

  private static void trial(EntityManager em, NctNumber nct, Site... sites) {
    new JpaTrialRepository(em)
        .add(
            new Trial(
                nct,
                "Trial " + nct,
                StudyType.INTERVENTIONAL,
                OverallStatus.RECRUITING,
                "A Sponsor"));
    for (Site s : sites) {
      Site placed =
          new Site(nct, s.slug(), s.facility(), s.city(), s.state(), null, "United States");
      placed.changeStatus(SiteStatus.RECRUITING, null, CLOCK);
      if (s.slug().equals("cedars-sinai")) {
        placed.changePeople(
            "Mariko Ishimori, MD",
            new SiteContact("Bonnie Paul", "310-423-2422", "bonnie.paul@cshs.org"));
      }
      new JpaSiteRepository(em).add(placed);
    }
  }

  private static Site site(String slug, String facility, String city, String state) {
    return new Site(NCT, slug, facility, city, state, null, "United States");
  }

  private static Site site(EntityManager em, NctNumber nct, String slug) {
    return new JpaSiteRepository(em).findBySlug(nct, slug).orElseThrow();
  }

  private static Long siteId(EntityManager em, NctNumber nct, String slug) {
    return site(em, nct, slug).id();
  }
}
