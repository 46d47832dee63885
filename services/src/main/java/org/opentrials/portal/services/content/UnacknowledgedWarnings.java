package org.opentrials.portal.services.content;

import java.util.List;
import org.opentrials.portal.domain.shared.DomainException;

/**
 * Publishing was asked without acknowledging what the content check found: nothing was published.
 */
public class UnacknowledgedWarnings extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient List<ContentCheck.Warning> warnings;

  public UnacknowledgedWarnings(List<ContentCheck.Warning> warnings) {
    super(warnings.size() + " content warnings not acknowledged");
    this.warnings = List.copyOf(warnings);
  }

  public List<ContentCheck.Warning> warnings() {
    return warnings;
  }
}
