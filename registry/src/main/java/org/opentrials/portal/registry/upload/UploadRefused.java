package org.opentrials.portal.registry.upload;

import org.opentrials.portal.domain.shared.DomainException;

/** An upload that is not imported at all: empty, or too large. */
public class UploadRefused extends DomainException {
  private static final long serialVersionUID = 1L;

  /** Why, for the page to say in its own words. */
  public enum Reason {
    EMPTY,
    TOO_LARGE
  }

  private final Reason reason;

  public UploadRefused(Reason reason) {
    super("upload refused: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
