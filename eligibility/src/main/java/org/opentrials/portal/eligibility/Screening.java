package org.opentrials.portal.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.eligibility.criteria.CriterionStatus;
import org.opentrials.portal.eligibility.criteria.Verdict;

/**
 * The pre-screening of one visitor for one trial: the verdict and each criterion's result, in the
 * trial's order.
 */
public record Screening(
    String trialId, LocalDate screeningDate, Verdict verdict, List<CriterionResult> results) {

  public Screening {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(screeningDate, "screeningDate");
    Objects.requireNonNull(verdict, "verdict");
    results = List.copyOf(results);
  }

  /** The criteria that rule the visitor out. */
  public List<CriterionResult> notMet() {
    return withStatus(CriterionStatus.NOT_MET);
  }

  /** The criteria that need an answer or the study team's check. */
  public List<CriterionResult> unknown() {
    return withStatus(CriterionStatus.UNKNOWN);
  }

  public List<CriterionResult> met() {
    return withStatus(CriterionStatus.MET);
  }

  private List<CriterionResult> withStatus(CriterionStatus status) {
    List<CriterionResult> out = new ArrayList<>();
    for (CriterionResult r : results) {
      if (r.status() == status) {
        out.add(r);
      }
    }
    return out;
  }
}
