package org.opentrials.portal.services.content;

import org.opentrials.portal.domain.shared.DomainException;

/** No trial has this number. Shown as "not found", like a trial the caller may not edit. */
public class TrialNotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  public TrialNotFound(String nct) {
    super("no trial " + nct);
  }
}
