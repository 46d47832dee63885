package org.opentrials.portal.services.contact;

import org.opentrials.portal.domain.shared.DomainException;

/** Someone changed the request's status after the page showed it: nothing was changed. */
public class RequestConflict extends DomainException {
  private static final long serialVersionUID = 1L;
  private final RequestView stored;

  public RequestConflict(RequestView stored) {
    super("request " + stored.reference() + " changed meanwhile; it is now " + stored.status());
    this.stored = stored;
  }

  public RequestView stored() {
    return stored;
  }
}
