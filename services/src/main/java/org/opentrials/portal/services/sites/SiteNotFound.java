package org.opentrials.portal.services.sites;

import org.opentrials.portal.domain.shared.DomainException;

/**
 * No site has this trial number and slug. Shown as "not found", like a site the caller may not
 * open.
 */
public class SiteNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public SiteNotFound(String key) {
    super("no site " + key);
  }
}
