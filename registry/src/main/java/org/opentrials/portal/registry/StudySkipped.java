package org.opentrials.portal.registry;

import org.opentrials.portal.domain.shared.DomainException;

/**
 * A study the import cannot store at all (no NCT number, no title, ...); the batch goes on without
 * it.
 */
public class StudySkipped extends DomainException {
  private static final long serialVersionUID = 1L;

  public StudySkipped(String reason) {
    super(reason);
  }
}
