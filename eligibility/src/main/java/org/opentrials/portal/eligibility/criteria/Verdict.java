package org.opentrials.portal.eligibility.criteria;

import org.opentrials.portal.eligibility.text.Message;

/**
 * The overall pre-screening result for one trial, in ranking order (best first).
 *
 * <ul>
 *   <li>{@link #NOT_ELIGIBLE}: at least one criterion is NOT_MET.
 *   <li>{@link #LIKELY_ELIGIBLE}: every criterion is MET; a trial without criteria is never likely
 *       eligible, there being nothing to go on.
 *   <li>{@link #NEEDS_REVIEW}: otherwise, i.e. none NOT_MET and some UNKNOWN (missing or "I don't
 *       know" answers, coordinator checks). Missing answers never give LIKELY_ELIGIBLE.
 * </ul>
 */
public enum Verdict {
  LIKELY_ELIGIBLE("likely-eligible"),
  NEEDS_REVIEW("needs-review"),
  NOT_ELIGIBLE("not-eligible");

  private final String slug;

  Verdict(String slug) {
    this.slug = slug;
  }

  /** The value used in JSON and CSS: "likely-eligible", "needs-review", "not-eligible". */
  public String slug() {
    return slug;
  }

  /** A sentence for the visitor, e.g. "You may be able to take part in this trial." */
  public Message label() {
    return Message.of("verdict." + slug);
  }
}
