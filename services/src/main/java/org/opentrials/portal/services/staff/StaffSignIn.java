package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.persistence.SignInFailures;

/**
 * Use case: a staff member signs in. An unknown user and a wrong password take the same time and
 * give the same answer (nothing), so neither can be told from the other.
 *
 * <p>Guessing is slowed twice over (ASVS 2.2.1). Per account: after {@value #FAILURES_BEFORE_LOCK}
 * failures in a row the account is locked for a minute, each further failure doubles that, up to 15
 * minutes; a success clears it. Per client address: more than {@value #ADDRESS_FAILURE_LIMIT}
 * failures within 10 minutes refuse every sign-in from that address for 5 minutes (kept in the
 * database, so the count holds across server instances). A refused sign-in looks exactly like a
 * wrong password: same answer, and the password is still hashed, so it takes the same time. A
 * disabled account is refused the same way. Every sign-in and every refusal goes into the audit
 * trail with the client address and why, never with the password, and never with a username that
 * matches no account (people type passwords into the username field).
 */
@ApplicationScoped
@Transactional
public class StaffSignIn {
  static final int FAILURES_BEFORE_LOCK = 5;
  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  static final int ADDRESS_FAILURE_LIMIT = 20;
  static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
  static final Duration ADDRESS_REFUSAL = Duration.ofMinutes(5);

  /** What the audit trail names a sign-in with a username that matches no account. */
  static final String UNKNOWN_ACCOUNT = "(unknown)";

  private final PasswordHasher hasher = new PasswordHasher();
  static final AddressThrottle ADDRESSES =
      new AddressThrottle(ADDRESS_FAILURE_LIMIT, ADDRESS_WINDOW, ADDRESS_REFUSAL);
  private volatile String decoy;

  private StaffRepository staff;
  private AuditTrail audit;
  private Clock clock;

  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected StaffSignIn() {}

  @Inject
  public StaffSignIn(StaffRepository staff, AuditTrail audit, Clock clock, EntityManager em) {
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
    this.em = em;
  }

  /** Checks a sign-in whose client address is not known. */
  public Optional<StaffAccount> verify(String username, char[] password) {
    return verify(username, password, null);
  }

  /**
   * Checks a sign-in: the account, if the password is right and neither the account nor the client
   * address is locked; otherwise nothing.
   *
   * @param clientAddress the address the request came from (the connection's, never a header the
   *     client can set), or null when not known
   */
  public Optional<StaffAccount> verify(String username, char[] password, String clientAddress) {
    Instant now = clock.instant();
    SignInFailures failures = new SignInFailures(em);
    boolean addressRefused = ADDRESSES.refuses(failures, clientAddress, now);
    Optional<StaffAccount> found = staff.findByUsername(username);
    if (found.isEmpty()) {
      hasher.matches(password, decoyHash());
      ADDRESSES.recordFailure(failures, clientAddress, now);
      recordFailure(
          UNKNOWN_ACCOUNT,
          "NONE",
          clientAddress,
          "no such account" + (addressRefused ? "; address refused after too many failures" : ""));
      return Optional.empty();
    }
    StaffAccount account = found.get();
    boolean passwordMatches = hasher.matches(password, account.passwordHash());
    // Lock the account's row after the slow hash, not during it; concurrent attempts on one account
    // then count one after the other instead of failing on its version. (Rows first, audit head
    // last.)
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    boolean accountLocked = account.lockedAt(now);
    if (passwordMatches && !accountLocked && !addressRefused && !account.disabled()) {
      account.recordSuccessfulSignIn();
      audit.record(
          new AuditRecord(
              account.username(),
              account.role().name(),
              AuditAction.SIGN_IN,
              "StaffAccount",
              account.username(),
              "clientAddress",
              null,
              clientAddress,
              null));
      return found;
    }
    String why;
    if (!passwordMatches) {
      account.recordFailedSignIn(lockUntil(account.failedAttempts() + 1, now));
      ADDRESSES.recordFailure(failures, clientAddress, now);
      why =
          "wrong password; "
              + account.failedAttempts()
              + " failures in a row"
              + (account.lockedUntil() == null
                  ? ""
                  : "; account locked until " + account.lockedUntil());
    } else if (accountLocked) {
      why = "right password, but the account is locked until " + account.lockedUntil();
    } else if (account.disabled()) {
      why = "right password, but the account is disabled";
    } else {
      why = "right password, but the address is refused after too many failures";
    }
    recordFailure(account.username(), account.role().name(), clientAddress, why);
    return Optional.empty();
  }

  /**
   * When the account unlocks after its {@code failures}-th failure in a row; null while below the
   * threshold.
   */
  static Instant lockUntil(int failures, Instant now) {
    if (failures < FAILURES_BEFORE_LOCK) {
      return null;
    }
    int doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
  }

  private void recordFailure(String username, String role, String clientAddress, String why) {
    audit.record(
        new AuditRecord(
            username,
            role,
            AuditAction.SIGN_IN_FAILED,
            "StaffAccount",
            username,
            "clientAddress",
            null,
            clientAddress,
            why));
  }

  private String decoyHash() {
    if (decoy == null) {
      decoy = hasher.decoy();
    }
    return decoy;
  }

  /**
   * Failed sign-ins per client address in a sliding window, kept in the database so that every
   * server instance counts the same failures (20 failures spread over two instances are 20). More
   * than {@code limit} within {@code window} refuse the address for {@code refusal}, on every
   * instance. Behind a reverse proxy the caller passes the address the proxy saw when the proxy is
   * configured as trusted (admin-web's ClientAddress); otherwise every client has the proxy's
   * address, and this limits everyone together, which errs on the safe side.
   */
  static final class AddressThrottle {
    private final int limit;
    private final Duration window;
    private final Duration refusal;

    AddressThrottle(int limit, Duration window, Duration refusal) {
      this.limit = limit;
      this.window = window;
      this.refusal = refusal;
    }

    boolean refuses(SignInFailures store, String address, Instant now) {
      return address != null && store.refused(address, now);
    }

    void recordFailure(SignInFailures store, String address, Instant now) {
      if (address == null) {
        return;
      }
      Instant windowStart = now.minus(window);
      store.forgetUpTo(address, windowStart);
      store.add(address, now);
      if (store.countAfter(address, windowStart) > limit) {
        store.refuse(address, now.plus(refusal));
        store.forgetUpTo(address, now);
      }
    }

    /** Deletes what no longer counts, of every address (run by {@link SignInFailureSweep}). */
    int sweep(SignInFailures store, Instant now) {
      return store.sweep(now.minus(window), now);
    }
  }
}
