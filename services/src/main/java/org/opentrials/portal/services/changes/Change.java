package org.opentrials.portal.services.changes;

import java.time.Instant;

/**
 * One row of the change log: something the public sees changed.
 *
 * @param id position in the log
 * @param entity {@link ChangeLog#TRIAL} or {@link ChangeLog#SITE}
 * @param key the NCT number, or for a site "NCT number/slug"
 * @param kind what happened (for people reading the log; views reread the entity anyway)
 */
public record Change(long id, String entity, String key, String kind, Instant at) {

  /** The NCT number of the trial this change belongs to. */
  public String nct() {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }
}
