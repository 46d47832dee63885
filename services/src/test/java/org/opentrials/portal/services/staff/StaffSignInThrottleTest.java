package org.opentrials.portal.services.staff;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.persistence.JpaStaffRepository;
import org.opentrials.portal.services.persistence.TestDatabase;

/**
 * Guessing passwords is slowed per account and per client address, and every attempt is audited.
 */
class StaffSignInThrottleTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String HOME = "192.0.2.10";
  private static final String ELSEWHERE = "198.51.100.7";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-04T10:00:00Z"));
  private TestDatabase db;
  private StaffSignIn signIn;

  @BeforeEach
  void accounts() {
    db = new TestDatabase();
    String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
    db.inTransaction(
        em -> {
          new JpaStaffRepository(em)
              .add(
                  new StaffAccount(
                      "investigator.test", "Test", Role.INVESTIGATOR, hash, Instant.EPOCH));
          AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
        });
    EntityManager em = db.transactionScoped();
    signIn =
        new StaffSignIn(
            new JpaStaffRepository(em), AuditFixtures.trail(em, null, clock), clock, em);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
    for (int i = 0; i < 5; i++) {
      assertThat(attempt("investigator.test", "wrong password " + i, HOME)).isFalse();
    }
    assertThat(attempt("investigator.test", PASSWORD, ELSEWHERE))
        .as("locked for a minute")
        .isFalse();
    clock.advance(Duration.ofSeconds(59));
    assertThat(attempt("investigator.test", PASSWORD, ELSEWHERE)).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(attempt("investigator.test", PASSWORD, ELSEWHERE))
        .as("unlocked after the minute")
        .isTrue();
    db.inTransaction(
        em -> {
          StaffAccount account =
              new JpaStaffRepository(em).findByUsername("investigator.test").orElseThrow();
          assertThat(account.failedAttempts()).isZero();
          assertThat(account.lockedUntil()).isNull();
        });
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
    Instant now = Instant.parse("2026-03-04T10:00:00Z");
    assertThat(StaffSignIn.lockUntil(4, now)).isNull();
    assertThat(StaffSignIn.lockUntil(5, now)).isEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(StaffSignIn.lockUntil(6, now)).isEqualTo(now.plus(Duration.ofMinutes(2)));
    assertThat(StaffSignIn.lockUntil(8, now)).isEqualTo(now.plus(Duration.ofMinutes(8)));
    assertThat(StaffSignIn.lockUntil(9, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
    assertThat(StaffSignIn.lockUntil(1000, now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
  }

  @Test
  void tooManyFailuresFromOneAddressRefuseItForFiveMinutes() {
    for (int i = 0; i < 21; i++) {
      assertThat(attempt("nobody." + i, "guess " + i, HOME)).isFalse();
    }
    assertThat(attempt("investigator.test", PASSWORD, HOME)).as("the address is refused").isFalse();
    assertThat(attempt("investigator.test", PASSWORD, ELSEWHERE))
        .as("other addresses are not")
        .isTrue();
    clock.advance(Duration.ofMinutes(5));
    assertThat(attempt("investigator.test", PASSWORD, HOME)).isTrue();
  }

  @Test
  void failuresSpreadOverTwoInstancesCountTogether() {
    // Two server instances over one database: each has its own StaffSignIn (and memory).
    EntityManager shared = db.transactionScoped();
    StaffSignIn instanceB =
        new StaffSignIn(
            new JpaStaffRepository(shared),
            AuditFixtures.trail(shared, null, clock),
            clock,
            shared);
    for (int i = 0; i < 10; i++) {
      assertThat(attempt("nobody.a" + i, "guess", HOME)).isFalse();
      assertThat(attemptOn(instanceB, "nobody.b" + i, "guess", HOME)).isFalse();
    }
    assertThat(attemptOn(instanceB, "investigator.test", PASSWORD, HOME))
        .as("20 failures are not more than 20")
        .isTrue();
    assertThat(attempt("nobody.a", "guess", HOME)).isFalse();
    assertThat(attemptOn(instanceB, "nobody.b", "guess", HOME)).isFalse();
    assertThat(attempt("investigator.test", PASSWORD, HOME))
        .as("after 10 + 10 + 2 failures on two instances, instance A refuses the address")
        .isFalse();
    assertThat(attemptOn(instanceB, "investigator.test", PASSWORD, HOME))
        .as("and so does instance B")
        .isFalse();
    assertThat(attemptOn(instanceB, "investigator.test", PASSWORD, ELSEWHERE)).isTrue();
    long refusals =
        db.<Number>call(
                em ->
                    (Number)
                        em.createNativeQuery(
                                "SELECT COUNT(*) FROM sign_in_refusal WHERE client_address = ?1")
                            .setParameter(1, HOME)
                            .getSingleResult())
            .longValue();
    assertThat(refusals).as("one refusal, seen by both instances").isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(attempt("investigator.test", PASSWORD, HOME)).isTrue();
  }

  @Test
  void theSweepDeletesOnlyWhatNoLongerCounts() {
    for (int i = 0; i < 21; i++) {
      attempt("nobody", "guess", HOME);
    }
    attempt("nobody", "guess", ELSEWHERE);
    clock.advance(Duration.ofMinutes(6));
    attempt("nobody", "guess", ELSEWHERE);
    SignInFailureSweep sweep = new SignInFailureSweep(db.transactionScoped(), clock);
    assertThat(sweep(sweep))
        .as("HOME's ended refusal; ELSEWHERE's failures are within 10 min")
        .isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(sweep(sweep))
        .as("ELSEWHERE's first failure is now older than 10 minutes")
        .isEqualTo(1);
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    for (int i = 0; i < 20; i++) {
      attempt("nobody", "guess", HOME);
      clock.advance(Duration.ofSeconds(31));
    }
    // 20 failures, but spread over more than 10 minutes: never more than 20 within the window.
    attempt("nobody", "guess", HOME);
    assertThat(attempt("investigator.test", PASSWORD, HOME)).isTrue();
  }

  @Test
  void everyAttemptIsAuditedWithoutPasswordsOrUnknownUsernames() {
    attempt("investigator.test", "Wrong-Secret-1", HOME);
    attempt("typed-my-Password-here", "whatever", HOME);
    attempt("investigator.test", PASSWORD, HOME);
    AtomicReference<List<AuditEntryView>> entries = new AtomicReference<>();
    db.inTransaction(
        em -> entries.set(AuditFixtures.trail(em, "admin.test", clock).find(AuditFilter.ALL, 10)));
    assertThat(entries.get())
        .extracting(AuditEntryView::action, AuditEntryView::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SIGN_IN", "investigator.test"),
            org.assertj.core.groups.Tuple.tuple("SIGN_IN_FAILED", "(unknown)"),
            org.assertj.core.groups.Tuple.tuple("SIGN_IN_FAILED", "investigator.test"));
    assertThat(entries.get())
        .allSatisfy(
            e -> {
              assertThat(e.newValue()).isEqualTo(HOME);
              assertThat(e.toString())
                  .doesNotContain("Wrong-Secret-1", PASSWORD, "typed-my-Password-here", "whatever");
            });
    assertThat(entries.get().get(2).reason()).contains("wrong password", "1 failures in a row");
  }

  private int sweep(SignInFailureSweep sweep) {
    Integer swept = db.call(em -> sweep.sweep());
    return swept;
  }

  private boolean attempt(String username, String password, String address) {
    return attemptOn(signIn, username, password, address);
  }

  private boolean attemptOn(StaffSignIn signIn, String username, String password, String address) {
    AtomicReference<Boolean> ok = new AtomicReference<>();
    db.inTransaction(
        em -> {
          ok.set(signIn.verify(username, password.toCharArray(), address).isPresent());
        });
    return ok.get();
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
