package org.opentrials.portal.services.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import org.opentrials.portal.domain.audit.AuditAction;

/**
 * What an administrator looks for in the audit trail; every part is optional.
 *
 * @param actor a username, exactly
 * @param action one kind of event
 * @param entity an entity key, or the start of one up to a "/" (a trial's number finds its sites
 *     too)
 * @param from the first day (UTC), inclusive
 * @param to the last day (UTC), inclusive
 */
public record AuditFilter(
    String actor, AuditAction action, String entity, LocalDate from, LocalDate to)
    implements Serializable {

  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

  public AuditFilter {
    actor = blankToNull(actor);
    actor = actor == null ? null : actor.toLowerCase(Locale.ROOT);
    entity = blankToNull(entity);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("the last day is before the first");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
