package org.opentrials.portal.domain.trial;

/** Whether a criterion lets a person in or rules them out. */
public enum CriterionKind {
  INCLUSION,
  EXCLUSION
}
