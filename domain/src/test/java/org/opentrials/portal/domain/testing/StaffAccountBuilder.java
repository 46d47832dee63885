package org.opentrials.portal.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.trial.NctNumber;

/**
 * A valid staff account: an investigator with a placeholder password hash unless told otherwise.
 */
public final class StaffAccountBuilder {
  private String username = "investigator.test";
  private String displayName = "Test Investigator";
  private Role role = Role.INVESTIGATOR;
  private String passwordHash = "$argon2id$placeholder";
  private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
  private final List<NctNumber> trials = new ArrayList<>();
  private final List<Long> sites = new ArrayList<>();

  private StaffAccountBuilder() {}

  public static StaffAccountBuilder aStaffAccount() {
    return new StaffAccountBuilder();
  }

  public StaffAccountBuilder named(String value) {
    this.username = value;
    return this;
  }

  public StaffAccountBuilder as(Role value) {
    this.role = value;
    return this;
  }

  public StaffAccountBuilder withPasswordHash(String hash) {
    this.passwordHash = hash;
    return this;
  }

  public StaffAccountBuilder createdAt(Instant at) {
    this.createdAt = at;
    return this;
  }

  /** Assigned to a trial (sponsor staff only). */
  public StaffAccountBuilder forTrial(NctNumber nct) {
    trials.add(nct);
    return this;
  }

  /** Assigned to a site by its id (investigators only). */
  public StaffAccountBuilder forSite(long siteId) {
    sites.add(siteId);
    return this;
  }

  public StaffAccount build() {
    StaffAccount account = new StaffAccount(username, displayName, role, passwordHash, createdAt);
    trials.forEach(account::assignTrial);
    sites.forEach(account::assignSite);
    return account;
  }
}
