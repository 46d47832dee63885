package org.opentrials.portal.services.staff;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.opentrials.portal.domain.staff.Role;

/**
 * A staff account as administrators see it; never the password hash.
 *
 * @param version what an administrator's change must start from (optimistic locking)
 * @param locked whether sign-in is locked now after repeated failures
 * @param lockedUntil until when, or null
 * @param trials the assigned trials' NCT numbers, sorted
 * @param sites the assigned sites as "NCT.../slug", sorted
 */
public record AccountView(
    String username,
    String displayName,
    Role role,
    long version,
    boolean disabled,
    boolean locked,
    Instant lockedUntil,
    int failedAttempts,
    Instant createdAt,
    List<String> trials,
    List<String> sites)
    implements Serializable {

  public AccountView {
    trials = List.copyOf(trials);
    sites = List.copyOf(sites);
  }
}
