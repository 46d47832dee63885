package org.opentrials.portal.domain.trial;

/** How far a trial helps participants with a cost such as travel or time: the listing's wording. */
public enum SupportLevel {
  YES,
  MAY_BE_COVERED,
  VARIES,
  NO,
  NOT_STATED
}
