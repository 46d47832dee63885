package org.opentrials.portal.services.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentrials.portal.domain.testing.SiteBuilder.aSite;
import static org.opentrials.portal.domain.testing.TrialBuilder.aTrial;

import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.testing.TrialBuilder;
import org.opentrials.portal.services.audit.AuditEntryView;
import org.opentrials.portal.services.audit.AuditFilter;
import org.opentrials.portal.services.audit.AuditFixtures;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaStaffRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Administrators manage accounts, nobody else; every change is audited without a password or hash;
 * assignments name only trials and sites that exist; a change over a newer one is refused. On a
 * real database, with the real password hashing and sign-in.
 */
class AccountAdministrationTest {
  private static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String CEDARS = "NCT02633163/cedars-sinai";

  /** A published trial recruiting at one site. */
  private static final TrialBuilder LUPUS_TRIAL =
      aTrial().withNct("NCT02633163").published().withSite(aSite().withSlug("cedars-sinai"));

  private TestDatabase db;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(LUPUS_TRIAL.build());
          LUPUS_TRIAL.sites().forEach(new JpaSiteRepository(em)::add);
        });
    db.inTransaction(
        em -> {
          AuditFixtures.account(em, "admin.test", Role.ADMINISTRATOR);
          AuditFixtures.account(em, "musc.test", Role.INVESTIGATOR);
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anAdministratorCreatesAnInvestigatorWhoSignsInWithTheTypedPassword() throws Exception {
    IssuedPassword created =
        as(
            "admin.test",
            s ->
                s.createAccount(
                    new NewAccount(
                        " New.Investigator ",
                        "Dr. New",
                        Role.INVESTIGATOR,
                        "correct horse battery")));
    assertThat(created.password()).as("a typed password is not echoed").isNull();
    assertThat(created.account().username()).isEqualTo("new.investigator");

    AccountView assigned =
        as(
            "admin.test",
            s ->
                s.assign(
                    "new.investigator", created.account().version(), Set.of(), Set.of(CEDARS)));
    assertThat(assigned.sites()).containsExactly(CEDARS);
    assertThat(signIn("new.investigator", "correct horse battery")).isTrue();
    assertThat(signIn("new.investigator", "wrong horse battery")).isFalse();

    List<AuditEntryView> entries = audit(new AuditFilter("admin.test", null, null, null, null));
    assertThat(entries)
        .extracting(AuditEntryView::action, AuditEntryView::field, AuditEntryView::newValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("CREATE", "role", "INVESTIGATOR"),
            org.assertj.core.groups.Tuple.tuple("CREATE", "displayName", "Dr. New"),
            org.assertj.core.groups.Tuple.tuple("CREATE", "password", null),
            org.assertj.core.groups.Tuple.tuple("UPDATE", "sites", CEDARS));
    assertThat(everythingInTheAuditTable()).doesNotContain("correct horse battery", "$argon2id");
  }

  @Test
  void aGeneratedPasswordIsReturnedOnceAndWorks() throws Exception {
    IssuedPassword created =
        as(
            "admin.test",
            s ->
                s.createAccount(new NewAccount("gen.user", "Generated", Role.SPONSOR_STAFF, null)));
    assertThat(created.password()).hasSize(20);
    assertThat(signIn("gen.user", created.password())).isTrue();

    IssuedPassword reset =
        as("admin.test", s -> s.resetPassword("gen.user", created.account().version()));
    assertThat(reset.password()).hasSize(20).isNotEqualTo(created.password());
    assertThat(signIn("gen.user", created.password())).isFalse();
    assertThat(signIn("gen.user", reset.password())).isTrue();
    assertThat(everythingInTheAuditTable())
        .doesNotContain(created.password(), reset.password(), "$argon2id");
  }

  @Test
  void badInputIsRefusedByField() {
    assertThat(invalid(new NewAccount("ab", "Short", Role.INVESTIGATOR, null)))
        .isEqualTo("username:username");
    assertThat(invalid(new NewAccount("musc.test", "Taken", Role.INVESTIGATOR, null)))
        .isEqualTo("username:usernameTaken");
    assertThat(invalid(new NewAccount("fine.name", " ", Role.INVESTIGATOR, null)))
        .isEqualTo("displayName:displayNameRequired");
    assertThat(invalid(new NewAccount("fine.name", "Fine", null, null)))
        .isEqualTo("role:roleRequired");
    assertThat(invalid(new NewAccount("fine.name", "Fine", Role.INVESTIGATOR, "eleven char")))
        .isEqualTo("password:passwordShort");
    assertThat(invalid(new NewAccount("fine.name", "Fine", Role.INVESTIGATOR, "x".repeat(129))))
        .isEqualTo("password:passwordLong");
    assertThat(audit(AuditFilter.ALL)).isEmpty();
  }

  @Test
  void onlyTrialsAndSitesThatExistAndFitTheRoleCanBeAssigned() {
    long v = account("musc.test").version();
    assertThat(invalidAssign("musc.test", v, Set.of(), Set.of("NCT02633163/no-such-site")))
        .isEqualTo("sites:unknownSite");
    assertThat(invalidAssign("musc.test", v, Set.of(), Set.of("42")))
        .isEqualTo("sites:unknownSite");
    assertThat(invalidAssign("musc.test", v, Set.of("NCT02633163"), Set.of()))
        .isEqualTo("trials:trialsForSponsorsOnly");
    assertThat(invalidAssign("musc.test", v, Set.of("NCT99999999"), Set.of()))
        .isEqualTo("trials:unknownTrial");
    assertThat(
            invalidAssign("admin.test", account("admin.test").version(), Set.of(), Set.of(CEDARS)))
        .isEqualTo("sites:sitesForInvestigatorsOnly");
    assertThat(account("musc.test").sites()).isEmpty();
  }

  @Test
  void aChangeOverANewerOneIsRefused() {
    AccountView seen = account("musc.test");
    as("admin.test", s -> s.assign("musc.test", seen.version(), Set.of(), Set.of(CEDARS)));
    RuntimeException late =
        refused("admin.test", s -> s.setDisabled("musc.test", seen.version(), true));
    assertThat(late).isInstanceOf(AccountConflict.class);
    assertThat(((AccountConflict) late).stored().sites()).containsExactly(CEDARS);
    assertThat(account("musc.test").disabled()).isFalse();
  }

  @Test
  void aLockedAccountIsUnlockedAndADisabledOneCannotSignIn() {
    IssuedPassword created =
        as(
            "admin.test",
            s -> s.createAccount(new NewAccount("lock.me", "Lock", Role.INVESTIGATOR, null)));
    for (int i = 0; i < StaffSignIn.FAILURES_BEFORE_LOCK; i++) {
      signIn("lock.me", "wrong password " + i);
    }
    AccountView locked = account("lock.me");
    assertThat(locked.locked()).isTrue();
    assertThat(signIn("lock.me", created.password())).as("locked").isFalse();

    AccountView unlocked = as("admin.test", s -> s.unlock("lock.me", locked.version()));
    assertThat(unlocked.locked()).isFalse();
    assertThat(unlocked.failedAttempts()).isZero();
    assertThat(signIn("lock.me", created.password())).isTrue();

    AccountView disabled =
        as("admin.test", s -> s.setDisabled("lock.me", account("lock.me").version(), true));
    assertThat(disabled.disabled()).isTrue();
    assertThat(signIn("lock.me", created.password())).isFalse();
    as("admin.test", s -> s.setDisabled("lock.me", disabled.version(), false));
    assertThat(signIn("lock.me", created.password())).isTrue();

    assertThat(audit(new AuditFilter("admin.test", AuditAction.UPDATE, null, null, null)))
        .extracting(AuditEntryView::field, AuditEntryView::oldValue, AuditEntryView::newValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("failedAttempts", "5", "0"),
            org.assertj.core.groups.Tuple.tuple("disabled", "false", "true"),
            org.assertj.core.groups.Tuple.tuple("disabled", "true", "false"));
    RuntimeException self =
        refused(
            "admin.test", s -> s.setDisabled("admin.test", account("admin.test").version(), true));
    assertThat(self).isInstanceOf(InvalidAccountChange.class);
  }

  @Test
  void nobodyButAnAdministratorManagesAccountsAndTheTryIsRecorded() {
    assertThat(refused("musc.test", AccountAdministration::listAccounts))
        .isInstanceOf(AccessDenied.class);
    assertThat(
            refused(
                "musc.test",
                s ->
                    s.createAccount(
                        new NewAccount("evil.admin", "Evil", Role.ADMINISTRATOR, null))))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused("musc.test", s -> s.assign("musc.test", 1, Set.of(), Set.of(CEDARS))))
        .isInstanceOf(AccessDenied.class);
    assertThat(refused(null, AccountAdministration::listAccounts)).isInstanceOf(AccessDenied.class);
    assertThat(account("musc.test").sites()).isEmpty();
    assertThat(audit(new AuditFilter("musc.test", AuditAction.ACCESS_DENIED, null, null, null)))
        .hasSize(3)
        .extracting(AuditEntryView::reason)
        .contains("tried to create an account");
  }

  private boolean signIn(String username, String password) {
    AtomicReference<Boolean> ok = new AtomicReference<>();
    db.inTransaction(
        em ->
            ok.set(
                new StaffSignIn(
                        new JpaStaffRepository(em), AuditFixtures.trail(em, null, CLOCK), CLOCK, em)
                    .verify(username, password.toCharArray())
                    .isPresent()));
    return ok.get();
  }

  private String everythingInTheAuditTable() throws Exception {
    StringBuilder all = new StringBuilder();
    try (var c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("select * from audit_entry")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          all.append(rs.getString(i)).append('|');
        }
      }
    }
    return all.toString();
  }

  private AccountView account(String username) {
    return as("admin.test", s -> s.getAccount(username));
  }

  private String invalid(NewAccount n) {
    RuntimeException e = refused("admin.test", s -> s.createAccount(n));
    assertThat(e).isInstanceOf(InvalidAccountChange.class);
    return ((InvalidAccountChange) e).field() + ":" + ((InvalidAccountChange) e).problem();
  }

  private String invalidAssign(
      String username, long version, Set<String> trials, Set<String> sites) {
    RuntimeException e = refused("admin.test", s -> s.assign(username, version, trials, sites));
    assertThat(e).isInstanceOf(InvalidAccountChange.class);
    return ((InvalidAccountChange) e).field() + ":" + ((InvalidAccountChange) e).problem();
  }

  private <T> T as(String username, Function<AccountAdministration, T> work) {
    return db.call(em -> work.apply(service(em, username)));
  }

  private RuntimeException refused(String username, Function<AccountAdministration, ?> work) {
    return db.refusal(em -> work.apply(service(em, username)));
  }

  private List<AuditEntryView> audit(AuditFilter filter) {
    return AuditFixtures.entries(db, filter, CLOCK);
  }

  private static AccountAdministrationService service(EntityManager em, String username) {
    return new AccountAdministrationService(
        em,
        new JpaStaffRepository(em),
        new JpaSiteRepository(em),
        new org.opentrials.portal.services.persistence.JpaTrialRepository(em),
        AuditFixtures.caller(em, username),
        AuditFixtures.trail(em, username, CLOCK),
        CLOCK);
  }
}
