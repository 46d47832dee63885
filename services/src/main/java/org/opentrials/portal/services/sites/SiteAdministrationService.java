package org.opentrials.portal.services.sites;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.sites.SiteAccess.Authorized;

/** Sites in the database, changed under a row lock, every change in the audit trail. */
@ApplicationScoped
@Transactional
public class SiteAdministrationService implements SiteAdministration {
  /** How the audit trail names the kind of object. */
  public static final String ENTITY_TYPE = "Site";

  private EntityManager em;

  private SiteRepository sites;
  private StaffCaller caller;
  private SiteAccess access;
  private AuditTrail audit;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteAdministrationService() {}

  @Inject
  public SiteAdministrationService(
      EntityManager em,
      SiteRepository sites,
      StaffCaller caller,
      SiteAccess access,
      AuditTrail audit,
      Clock clock) {
    this.em = em;
    this.sites = sites;
    this.caller = caller;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<SiteSummary> listMySites() {
    StaffAccount me = caller.require();
    List<Site> visible =
        switch (me.role()) {
          case ADMINISTRATOR -> sites.findAll();
          case INVESTIGATOR -> sites.findByIds(me.sites());
          case SPONSOR_STAFF -> sites.findByTrials(me.trials());
        };
    return visible.stream()
        .map(
            s ->
                new SiteSummary(
                    s.nctId().value(),
                    s.slug(),
                    s.displayName(),
                    place(s),
                    s.status() == null ? null : s.status().name(),
                    s.placesLeft(),
                    s.placesLeftUntil(),
                    s.statusVerifiedOn(),
                    mayChange(me, s)))
        .toList();
  }

  @Override
  public SiteForm getSiteForEdit(NctNumber nct, String slug) {
    return form(authorize(nct, slug, "open the site for editing").site());
  }

  @Override
  public SiteForm updateSite(SiteUpdate update) {
    NctNumber nct =
        NctNumber.parse(update.nct())
            .orElseThrow(() -> new SiteNotFound(update.nct() + "/" + update.slug()));
    Authorized a = authorize(nct, update.slug(), "change the site");
    Site site = a.site();
    check(update, site);
    // The row lock makes "is it still the version the editor started from?" and the write one step.
    em.refresh(site, LockModeType.PESSIMISTIC_WRITE);
    if (site.version() != update.expectedVersion()) {
      throw new EditConflict(form(site), update);
    }
    Map<String, String> before = form(site).fieldValues();
    LocalDate oldVerifiedOn = site.statusVerifiedOn();
    apply(update, site);
    em.flush();
    new ChangeLog(em).site(nct.value(), site.slug(), "UPDATED", clock.instant());
    SiteForm after = form(site);
    Map<String, String> now = after.fieldValues();
    for (var field : before.keySet()) {
      if (!Objects.equals(before.get(field), now.get(field))) {
        record(
            a,
            AuditAction.UPDATE,
            after.key(),
            field,
            before.get(field),
            now.get(field),
            update.reason());
      }
    }
    if (!Objects.equals(oldVerifiedOn, site.statusVerifiedOn())) {
      record(
          a,
          AuditAction.UPDATE,
          after.key(),
          SiteUpdate.STATUS_VERIFIED_ON,
          text(oldVerifiedOn),
          text(site.statusVerifiedOn()),
          update.reason());
    }
    return after;
  }

  @Override
  public SiteForm confirmStatus(NctNumber nct, String slug) {
    Authorized a = authorize(nct, slug, "confirm the site's status");
    Site site = a.site();
    em.refresh(site, LockModeType.PESSIMISTIC_WRITE);
    if (site.status() == null) {
      throw new InvalidSiteUpdate(SiteUpdate.STATUS, "there is no status to confirm");
    }
    LocalDate before = site.statusVerifiedOn();
    site.confirmStatus(clock);
    em.flush();
    new ChangeLog(em).site(nct.value(), site.slug(), "CONFIRMED", clock.instant());
    SiteForm after = form(site);
    record(
        a,
        AuditAction.CONFIRM_STATUS,
        after.key(),
        SiteUpdate.STATUS_VERIFIED_ON,
        text(before),
        text(site.statusVerifiedOn()),
        null);
    return after;
  }

  /** A new status is a verified one: it is confirmed as of today. */
  private void apply(SiteUpdate u, Site site) {
    if (u.status() != site.status()) {
      site.changeStatus(u.status(), LocalDate.now(clock), clock);
    }
    if (!Objects.equals(u.placesLeft(), site.placesLeft())
        || !Objects.equals(u.placesLeftUntil(), site.placesLeftUntil())) {
      site.changePlaces(u.placesLeft(), u.placesLeftUntil());
    }
    SiteContact contact = site.contact();
    boolean peopleChanged =
        !Objects.equals(u.principalInvestigator(), site.principalInvestigator())
            || !Objects.equals(u.contactName(), contact == null ? null : contact.name())
            || !Objects.equals(u.contactPhone(), contact == null ? null : contact.phone())
            || !Objects.equals(u.contactEmail(), contact == null ? null : contact.email());
    if (peopleChanged) {
      boolean noContact =
          u.contactName() == null && u.contactPhone() == null && u.contactEmail() == null;
      site.changePeople(
          u.principalInvestigator(),
          noContact ? null : new SiteContact(u.contactName(), u.contactPhone(), u.contactEmail()));
    }
  }

  /**
   * The same rules the edit page applies field by field, for requests that did not come through it.
   */
  private void check(SiteUpdate u, Site site) {
    if (u.status() == null) {
      throw new InvalidSiteUpdate(SiteUpdate.STATUS, "a status is required");
    }
    if (u.placesLeft() != null && u.placesLeft() < 0) {
      throw new InvalidSiteUpdate(SiteUpdate.PLACES_LEFT, "must not be negative");
    }
    // A date already stored may have passed; only a new date must not be in the past.
    if (u.placesLeftUntil() != null
        && !u.placesLeftUntil().equals(site.placesLeftUntil())
        && u.placesLeftUntil().isBefore(SiteUpdate.earliestUntil(clock))) {
      throw new InvalidSiteUpdate(SiteUpdate.PLACES_LEFT_UNTIL, "must not be in the past");
    }
    length(SiteUpdate.PRINCIPAL_INVESTIGATOR, u.principalInvestigator(), 200);
    length(SiteUpdate.CONTACT_NAME, u.contactName(), 200);
    length(SiteUpdate.CONTACT_PHONE, u.contactPhone(), 40);
    length(SiteUpdate.CONTACT_EMAIL, u.contactEmail(), 254);
    length(SiteUpdate.REASON, u.reason(), AuditRecord.MAX_REASON_LENGTH);
    if (u.contactPhone() != null && !SiteContact.isPhone(u.contactPhone())) {
      throw new InvalidSiteUpdate(SiteUpdate.CONTACT_PHONE, "not a phone number");
    }
    if (u.contactEmail() != null && !SiteContact.isEmail(u.contactEmail())) {
      throw new InvalidSiteUpdate(SiteUpdate.CONTACT_EMAIL, "not an email address");
    }
  }

  private static void length(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidSiteUpdate(field, "longer than " + max + " characters");
    }
  }

  private Authorized authorize(NctNumber nct, String slug, String attempted) {
    return access.authorize(nct, slug, attempted);
  }

  private static boolean mayChange(StaffAccount who, Site site) {
    return SiteAccess.isSiteTeam(who, site);
  }

  private void record(
      Authorized a,
      AuditAction action,
      String key,
      String field,
      String oldValue,
      String newValue,
      String reason) {
    audit.record(
        new AuditRecord(
            a.caller().username(),
            a.caller().role().name(),
            action,
            ENTITY_TYPE,
            key,
            field,
            oldValue,
            newValue,
            reason));
  }

  private static SiteForm form(Site s) {
    SiteContact c = s.contact();
    return new SiteForm(
        s.nctId().value(),
        s.slug(),
        s.displayName(),
        place(s),
        s.version(),
        s.status(),
        s.placesLeft(),
        s.placesLeftUntil(),
        s.principalInvestigator(),
        c == null ? null : c.name(),
        c == null ? null : c.phone(),
        c == null ? null : c.email(),
        s.statusVerifiedOn());
  }

  private static String place(Site s) {
    return s.state() == null ? s.city() : s.city() + ", " + s.state();
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
