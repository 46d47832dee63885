package org.opentrials.portal.eligibility.criteria;

import org.opentrials.portal.eligibility.text.Message;

/**
 * Whether the visitor meets one criterion. For an exclusion, MET means the visitor is <em>not</em>
 * excluded by it: "you meet this" always means "this does not rule you out".
 */
public enum CriterionStatus {
  MET("met"),
  NOT_MET("not-met"),
  UNKNOWN("unknown");

  private final String slug;

  CriterionStatus(String slug) {
    this.slug = slug;
  }

  /** Inclusion: MET iff the rule holds. Exclusion: MET iff it does not hold. UNKNOWN stays. */
  public static CriterionStatus of(CriterionType type, Truth ruleTruth) {
    if (ruleTruth == Truth.UNKNOWN) {
      return UNKNOWN;
    }
    boolean holds = ruleTruth == Truth.TRUE;
    return holds == (type == CriterionType.INCLUSION) ? MET : NOT_MET;
  }

  /** "You meet this", "This rules you out", "Not known yet". */
  public Message label() {
    return Message.of("status." + slug);
  }
}
