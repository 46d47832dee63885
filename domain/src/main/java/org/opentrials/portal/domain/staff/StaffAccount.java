package org.opentrials.portal.domain.staff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.opentrials.portal.domain.shared.Require;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.NctNumberConverter;

/**
 * A person who signs in to the administration, with one role and the trials or sites assigned to
 * them. The password is kept only as a salted slow hash produced outside the domain.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {
  /** Passwords shorter than this are refused (ASVS 2.1.1). */
  public static final int MINIMUM_PASSWORD_LENGTH = 12;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
  @SequenceGenerator(
      name = "staff_account_seq",
      sequenceName = "staff_account_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "username", length = 80, nullable = false, unique = true, updatable = false)
  private String username;

  @Column(name = "display_name", length = 200, nullable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 20, nullable = false)
  private Role role;

  @Column(name = "password_hash", length = 300, nullable = false)
  private String passwordHash;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** A disabled account cannot sign in and is refused by every use case; it keeps its history. */
  @Column(name = "disabled", nullable = false)
  private boolean disabled;

  @Column(name = "credential_epoch", nullable = false)
  private int credentialEpoch;

  @ElementCollection
  @CollectionTable(name = "staff_trial", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "nct_id", length = 11, nullable = false)
  @Convert(converter = NctNumberConverter.class)
  private Set<NctNumber> trials = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "staff_site", joinColumns = @JoinColumn(name = "staff_id"))
  @Column(name = "site_id", nullable = false)
  private Set<Long> sites = new HashSet<>();

  protected StaffAccount() {}

  public StaffAccount(
      String username, String displayName, Role role, String passwordHash, Instant createdAt) {
    String name = Require.text(username, "username", 80).toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9._@-]{3,80}")) {
      throw new IllegalArgumentException("a username has 3 to 80 letters, digits or . _ @ -");
    }
    this.username = name;
    this.displayName = Require.text(displayName, "display name", 200);
    this.role = Require.present(role, "role");
    this.passwordHash = Require.text(passwordHash, "password hash", 300);
    this.createdAt = Require.present(createdAt, "creation time");
  }

  public void assignTrial(NctNumber nct) {
    trials.add(Require.present(nct, "trial"));
  }

  public void assignSite(Long siteId) {
    sites.add(Require.present(siteId, "site"));
  }

  /**
   * Replaces the trials assigned to this account. Only sponsor staff work on trials: any other role
   * can only have none.
   */
  public void replaceTrials(Set<NctNumber> assigned) {
    Require.present(assigned, "trials");
    if (!assigned.isEmpty() && role != Role.SPONSOR_STAFF) {
      throw new IllegalArgumentException("only sponsor staff are assigned to trials");
    }
    trials.clear();
    assigned.forEach(this::assignTrial);
  }

  /** Replaces the sites assigned to this account. Only investigators work on sites. */
  public void replaceSites(Set<Long> assigned) {
    Require.present(assigned, "sites");
    if (!assigned.isEmpty() && role != Role.INVESTIGATOR) {
      throw new IllegalArgumentException("only investigators are assigned to sites");
    }
    sites.clear();
    assigned.forEach(this::assignSite);
  }

  /** Lifts a lock after failed sign-ins at once, and starts the count of failures again. */
  public void unlock() {
    failedAttempts = 0;
    lockedUntil = null;
  }

  /** Disables the account and ends every session signed in with it. */
  public void disable() {
    disabled = true;
    credentialEpoch++;
  }

  /**
   * Enables the account again; sessions from before (ended when it was disabled) stay ended: a new
   * sign-in is needed.
   */
  public void enable() {
    disabled = false;
    credentialEpoch++;
  }

  /** Sets a new password hash and ends every session signed in with the old password. */
  public void changePasswordHash(String hash) {
    this.passwordHash = Require.text(hash, "password hash", 300);
    credentialEpoch++;
  }

  /**
   * Which credentials a session was signed in with: it changes with every password change, disable
   * and enable. A session remembers the value at its sign-in and ends at its next request once the
   * stored value differs (kept in the database, so it holds on every instance).
   */
  public int credentialEpoch() {
    return credentialEpoch;
  }

  public void recordFailedSignIn(Instant lockUntil) {
    failedAttempts++;
    lockedUntil = lockUntil;
  }

  public void recordSuccessfulSignIn() {
    failedAttempts = 0;
    lockedUntil = null;
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public boolean disabled() {
    return disabled;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public Role role() {
    return role;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public int failedAttempts() {
    return failedAttempts;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Set<NctNumber> trials() {
    return Set.copyOf(trials);
  }

  public Set<Long> sites() {
    return Set.copyOf(sites);
  }
}
