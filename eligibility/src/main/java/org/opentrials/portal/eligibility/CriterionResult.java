package org.opentrials.portal.eligibility;

import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.text.Message;

/**
 * How one criterion came out for the visitor, with the reasons naming the answers that decided it.
 */
public record CriterionResult(Criterion criterion, CriterionStatus status, List<Message> reasons) {
  public CriterionResult {
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(status, "status");
    reasons = List.copyOf(reasons);
  }
}
