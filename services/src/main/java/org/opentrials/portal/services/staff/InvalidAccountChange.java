package org.opentrials.portal.services.staff;

import org.opentrials.portal.domain.shared.DomainException;

/**
 * An account change that cannot be made as asked. The accounts pages check the same rules field by
 * field first; the service checks again for requests that did not come through them.
 */
public class InvalidAccountChange extends DomainException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  /**
   * @param field the offending field (NewAccount's constants, "trials", "sites" or "disabled")
   * @param problem a short name of the problem; pages show the bundle text "account.error." +
   *     problem
   */
  public InvalidAccountChange(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
