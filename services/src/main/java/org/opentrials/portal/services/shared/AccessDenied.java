package org.opentrials.portal.services.shared;

import org.opentrials.portal.domain.shared.DomainException;

/** The caller may not see or change this object. Shown to them as "not found". */
public class AccessDenied extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}
