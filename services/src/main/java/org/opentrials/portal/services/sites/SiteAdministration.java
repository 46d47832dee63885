package org.opentrials.portal.services.sites;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.opentrials.portal.domain.trial.NctNumber;

/**
 * Use case: staff keep sites current. Administrators see and change every site; an investigator
 * sees and changes the sites assigned to them; sponsor staff see the sites of their trials
 * read-only (the values are public anyway, and the "last confirmed" dates tell a sponsor whom to
 * chase), and change none: a site's status, places and contacts are its investigator's to state. A
 * site the caller may not change is refused with {@link
 * org.opentrials.portal.services.shared.AccessDenied} and an ACCESS_DENIED entry in the audit
 * trail.
 */
public interface SiteAdministration {
  /** The sites the caller may see, by trial and in the sponsor's order. */
  List<SiteSummary> listMySites();

  /** A site's stored values to edit. Throws SiteNotFound or AccessDenied. */
  SiteForm getSiteForEdit(NctNumber nct, String slug);

  /**
   * Saves an edit: one audit entry per changed field, with the old and the new value and the
   * reason. Throws EditConflict when the site changed since {@link SiteUpdate#expectedVersion()}
   * (nothing is saved), InvalidSiteUpdate for a value the site cannot take, SiteNotFound or
   * AccessDenied.
   */
  SiteForm updateSite(@NotNull @Valid SiteUpdate update);

  /**
   * Records that the site's status is still correct: sets "last confirmed" to today, nothing else.
   */
  SiteForm confirmStatus(NctNumber nct, String slug);
}
