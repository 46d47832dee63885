package org.opentrials.portal.domain.shared;

/**
 * Root of the portal's business exceptions: unchecked, and a transaction that throws one is rolled
 * back.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DomainException(String message) {
    super(message);
  }
}
