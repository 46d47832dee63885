package org.opentrials.portal.services.sites;

import org.opentrials.portal.domain.shared.DomainException;

/**
 * Someone saved the site after the editor opened it: nothing was saved. Carries both sides, so the
 * editor can compare what is stored now with what they typed, and decide.
 */
public class EditConflict extends DomainException {
  private static final long serialVersionUID = 1L;
  private final SiteForm stored;
  private final SiteUpdate yours;

  public EditConflict(SiteForm stored, SiteUpdate yours) {
    super(
        "site "
            + stored.key()
            + " is at version "
            + stored.version()
            + ", the editor started from "
            + yours.expectedVersion());
    this.stored = stored;
    this.yours = yours;
  }

  /** The values stored now, with their version. */
  public SiteForm stored() {
    return stored;
  }

  /** The values the editor tried to save. */
  public SiteUpdate yours() {
    return yours;
  }
}
