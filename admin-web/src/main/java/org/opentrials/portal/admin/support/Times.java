package org.opentrials.portal.admin.support;

import java.time.Instant;

/** Times as staff read them: to the minute, in UTC, e.g. 2026-03-04 14:05. */
public final class Times {
  private Times() {}

  public static String minuteUtc(Instant at) {
    return at == null ? null : at.toString().substring(0, 16).replace('T', ' ');
  }
}
