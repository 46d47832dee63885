package org.opentrials.portal.services.sites;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Who may act on a site as its team: administrators on every site, an investigator on the sites
 * assigned to them, nobody else. Decided from the caller's account in the database, never from what
 * the request carries; a refusal is recorded and looks like a missing site.
 */
@ApplicationScoped
public class SiteAccess {
  private SiteRepository sites;
  private StaffCaller caller;
  private AuditTrail audit;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteAccess() {}

  @Inject
  public SiteAccess(SiteRepository sites, StaffCaller caller, AuditTrail audit) {
    this.sites = sites;
    this.caller = caller;
    this.audit = audit;
  }

  /** The caller and the site they may act on. */
  public record Authorized(StaffAccount caller, Site site) {
    public String key() {
      return site.nctId().value() + "/" + site.slug();
    }
  }

  /**
   * The site, if the caller may act on it as its team. A site that does not exist is not found; one
   * the caller may not act on is refused, and the refusal recorded in a transaction of its own (the
   * caller's is rolled back by the exception). Call it before appending anything in this
   * transaction.
   *
   * @param attempted what the caller tried, for the audit trail ("change the site")
   */
  public Authorized authorize(NctNumber nct, String slug, String attempted) {
    StaffAccount me = caller.require();
    String key = nct.value() + "/" + slug;
    Site site = sites.findBySlug(nct, slug).orElseThrow(() -> new SiteNotFound(key));
    if (!isSiteTeam(me, site)) {
      audit.recordRefusal(
          new AuditRecord(
              me.username(),
              me.role().name(),
              AuditAction.ACCESS_DENIED,
              SiteAdministrationService.ENTITY_TYPE,
              key,
              null,
              null,
              null,
              "tried to " + attempted));
      throw new AccessDenied(me.username() + " may not " + attempted + " " + key);
    }
    return new Authorized(me, site);
  }

  /** The caller's account; an anonymous caller is refused. */
  public StaffAccount caller() {
    return caller.require();
  }

  /**
   * Whether {@code who} acts for the site: an administrator, or the investigator assigned to it.
   */
  public static boolean isSiteTeam(StaffAccount who, Site site) {
    return who.role() == Role.ADMINISTRATOR
        || (who.role() == Role.INVESTIGATOR
            && site.id() != null
            && who.sites().contains(site.id()));
  }
}
