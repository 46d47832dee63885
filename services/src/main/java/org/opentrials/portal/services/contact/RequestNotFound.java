package org.opentrials.portal.services.contact;

import org.opentrials.portal.domain.shared.DomainException;

/** The site has no request with this reference (perhaps the visitor withdrew it). */
public class RequestNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public RequestNotFound(String reference) {
    super("no request " + reference + " at this site");
  }
}
