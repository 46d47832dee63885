package org.opentrials.portal.services.sites;

import org.opentrials.portal.domain.shared.DomainException;

/**
 * A site update with a value the site cannot take. The edit page checks the same rules field by
 * field first; this is for a request that did not come through it.
 */
public class InvalidSiteUpdate extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidSiteUpdate(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The name of the offending field, as in {@link SiteUpdate}'s constants. */
  public String field() {
    return field;
  }
}
