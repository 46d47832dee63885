package org.opentrials.portal.domain.trial;

/** Whether an enrolment figure is the target or the final count. */
public enum EnrollmentType {
  ACTUAL,
  ESTIMATED
}
