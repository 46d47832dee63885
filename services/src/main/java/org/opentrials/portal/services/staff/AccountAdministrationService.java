package org.opentrials.portal.services.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.shared.AccessDenied;

/** Staff accounts in the database, changed under a row lock, every change in the audit trail. */
@ApplicationScoped
@Transactional
public class AccountAdministrationService implements AccountAdministration {
  /** How the audit trail names the kind of object. */
  public static final String ENTITY_TYPE = "StaffAccount";

  static final String TRIALS = "trials";
  static final String SITES = "sites";
  static final String DISABLED = "disabled";
  private static final String USERNAME_PATTERN = "[a-z0-9._@-]{3,80}";

  private final PasswordHasher hasher = new PasswordHasher();

  private EntityManager em;

  private StaffRepository staff;
  private SiteRepository sites;
  private TrialRepository trials;
  private StaffCaller caller;
  private AuditTrail audit;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected AccountAdministrationService() {}

  @Inject
  public AccountAdministrationService(
      EntityManager em,
      StaffRepository staff,
      SiteRepository sites,
      TrialRepository trials,
      StaffCaller caller,
      AuditTrail audit,
      Clock clock) {
    this.em = em;
    this.staff = staff;
    this.sites = sites;
    this.trials = trials;
    this.caller = caller;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<AccountView> listAccounts() {
    administrator("list staff accounts", "*");
    List<StaffAccount> all = staff.findAll();
    Map<Long, String> siteKeys =
        siteKeys(all.stream().flatMap(a -> a.sites().stream()).collect(Collectors.toSet()));
    return all.stream().map(a -> view(a, siteKeys)).toList();
  }

  @Override
  public AccountView getAccount(String username) {
    administrator("open the account", String.valueOf(username));
    return view(find(username));
  }

  @Override
  public IssuedPassword createAccount(NewAccount n) {
    StaffAccount me = administrator("create an account", String.valueOf(n.username()));
    String username =
        n.username() == null ? "" : n.username().strip().toLowerCase(java.util.Locale.ROOT);
    if (!username.matches(USERNAME_PATTERN)) {
      throw new InvalidAccountChange(NewAccount.USERNAME, "username");
    }
    if (staff.findByUsername(username).isPresent()) {
      throw new InvalidAccountChange(NewAccount.USERNAME, "usernameTaken");
    }
    if (n.displayName() == null || n.displayName().isBlank()) {
      throw new InvalidAccountChange(NewAccount.DISPLAY_NAME, "displayNameRequired");
    }
    if (n.displayName().strip().length() > 200) {
      throw new InvalidAccountChange(NewAccount.DISPLAY_NAME, "displayNameLong");
    }
    if (n.role() == null) {
      throw new InvalidAccountChange(NewAccount.ROLE, "roleRequired");
    }
    boolean generated = n.password() == null || n.password().isEmpty();
    char[] password = generated ? PasswordGenerator.generate() : n.password().toCharArray();
    checkPassword(password);
    StaffAccount account =
        new StaffAccount(
            username, n.displayName(), n.role(), hasher.hash(password), clock.instant());
    staff.add(account);
    em.flush();
    record(me, AuditAction.CREATE, username, "role", null, account.role().name(), null);
    record(me, AuditAction.CREATE, username, "displayName", null, account.displayName(), null);
    record(
        me,
        AuditAction.CREATE,
        username,
        NewAccount.PASSWORD,
        null,
        null,
        generated
            ? "initial password generated and shown once to the administrator"
            : "initial password typed by the administrator");
    return new IssuedPassword(view(account), generated ? new String(password) : null);
  }

  @Override
  public AccountView assign(
      String username, long expectedVersion, Set<String> trialKeys, Set<String> siteKeys) {
    StaffAccount me = administrator("change the account's assignments", String.valueOf(username));
    StaffAccount account = lockedAt(username, expectedVersion);
    Set<NctNumber> assigned = new HashSet<>();
    for (String key : trialKeys) {
      NctNumber nct =
          NctNumber.parse(key).orElseThrow(() -> new InvalidAccountChange(TRIALS, "unknownTrial"));
      if (!trials.exists(nct)) {
        throw new InvalidAccountChange(TRIALS, "unknownTrial");
      }
      assigned.add(nct);
    }
    Set<Long> siteIds = new HashSet<>();
    for (String key : siteKeys) {
      siteIds.add(site(key).orElseThrow(() -> new InvalidAccountChange(SITES, "unknownSite")).id());
    }
    if (!assigned.isEmpty() && account.role() != Role.SPONSOR_STAFF) {
      throw new InvalidAccountChange(TRIALS, "trialsForSponsorsOnly");
    }
    if (!siteIds.isEmpty() && account.role() != Role.INVESTIGATOR) {
      throw new InvalidAccountChange(SITES, "sitesForInvestigatorsOnly");
    }
    String trialsBefore = joined(account.trials().stream().map(NctNumber::value).toList());
    String sitesBefore = joined(siteKeys(account.sites()).values());
    account.replaceTrials(assigned);
    account.replaceSites(siteIds);
    em.flush();
    String trialsAfter = joined(account.trials().stream().map(NctNumber::value).toList());
    String sitesAfter = joined(siteKeys(account.sites()).values());
    if (!Objects.equals(trialsBefore, trialsAfter)) {
      record(me, AuditAction.UPDATE, account.username(), TRIALS, trialsBefore, trialsAfter, null);
    }
    if (!Objects.equals(sitesBefore, sitesAfter)) {
      record(me, AuditAction.UPDATE, account.username(), SITES, sitesBefore, sitesAfter, null);
    }
    return view(account);
  }

  @Override
  public AccountView unlock(String username, long expectedVersion) {
    StaffAccount me = administrator("unlock the account", String.valueOf(username));
    StaffAccount account = lockedAt(username, expectedVersion);
    int failures = account.failedAttempts();
    Instant until = account.lockedUntil();
    account.unlock();
    em.flush();
    if (failures != 0) {
      record(
          me,
          AuditAction.UPDATE,
          account.username(),
          "failedAttempts",
          Integer.toString(failures),
          "0",
          null);
    }
    if (until != null) {
      record(
          me, AuditAction.UPDATE, account.username(), "lockedUntil", until.toString(), null, null);
    }
    return view(account);
  }

  @Override
  public AccountView setDisabled(String username, long expectedVersion, boolean disabled) {
    StaffAccount me =
        administrator(
            disabled ? "disable the account" : "enable the account", String.valueOf(username));
    StaffAccount account = lockedAt(username, expectedVersion);
    if (disabled && account.username().equals(me.username())) {
      // Otherwise the last administrator could shut everyone out.
      throw new InvalidAccountChange(DISABLED, "disableSelf");
    }
    boolean before = account.disabled();
    if (disabled) {
      account.disable();
    } else {
      account.enable();
    }
    em.flush();
    if (before != disabled) {
      record(
          me,
          AuditAction.UPDATE,
          account.username(),
          DISABLED,
          Boolean.toString(before),
          Boolean.toString(disabled),
          null);
    }
    return view(account);
  }

  @Override
  public IssuedPassword resetPassword(String username, long expectedVersion) {
    StaffAccount me = administrator("reset the account's password", String.valueOf(username));
    StaffAccount account = lockedAt(username, expectedVersion);
    char[] password = PasswordGenerator.generate();
    account.changePasswordHash(hasher.hash(password));
    em.flush();
    record(
        me,
        AuditAction.UPDATE,
        account.username(),
        NewAccount.PASSWORD,
        null,
        null,
        "password reset: generated and shown once to the administrator");
    return new IssuedPassword(view(account), new String(password));
  }

  @Override
  public List<TrialChoice> trialChoices() {
    administrator("list trials to assign", "*");
    return trials.findAll().stream()
        .map(t -> new TrialChoice(t.nctId().value(), t.briefTitle()))
        .toList();
  }

  @Override
  public List<SiteChoice> siteChoices() {
    administrator("list sites to assign", "*");
    return sites.findAll().stream()
        .map(
            s ->
                new SiteChoice(
                    key(s),
                    s.displayName(),
                    s.state() == null ? s.city() : s.city() + ", " + s.state()))
        .toList();
  }

  /**
   * Password rules of ASVS 2.1.1/2.1.2: at least 12 characters, at most 128, nothing else imposed.
   */
  static void checkPassword(char[] password) {
    if (password.length < StaffAccount.MINIMUM_PASSWORD_LENGTH) {
      throw new InvalidAccountChange(NewAccount.PASSWORD, "passwordShort");
    }
    if (password.length > NewAccount.MAXIMUM_PASSWORD_LENGTH) {
      throw new InvalidAccountChange(NewAccount.PASSWORD, "passwordLong");
    }
  }

  /** The caller, if an administrator; anyone else is refused and the refusal recorded. */
  private StaffAccount administrator(String attempted, String key) {
    StaffAccount me = caller.require();
    if (me.role() != Role.ADMINISTRATOR) {
      audit.recordRefusal(
          new AuditRecord(
              me.username(),
              me.role().name(),
              AuditAction.ACCESS_DENIED,
              ENTITY_TYPE,
              key.isBlank() ? "*" : abbreviate(key),
              null,
              null,
              null,
              "tried to " + attempted));
      throw new AccessDenied(me.username() + " may not " + attempted);
    }
    return me;
  }

  private StaffAccount find(String username) {
    return staff.findByUsername(username).orElseThrow(() -> new AccountNotFound(username));
  }

  /** The account, row-locked, if it is still at the version the administrator started from. */
  private StaffAccount lockedAt(String username, long expectedVersion) {
    StaffAccount account = find(username);
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    if (account.version() != expectedVersion) {
      throw new AccountConflict(view(account), expectedVersion);
    }
    return account;
  }

  private Optional<Site> site(String key) {
    int slash = key == null ? -1 : key.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    return NctNumber.parse(key.substring(0, slash))
        .flatMap(nct -> sites.findBySlug(nct, key.substring(slash + 1)));
  }

  private Map<Long, String> siteKeys(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> keys = new HashMap<>();
    sites.findByIds(ids).forEach(s -> keys.put(s.id(), key(s)));
    return keys;
  }

  private AccountView view(StaffAccount a) {
    return view(a, siteKeys(a.sites()));
  }

  private AccountView view(StaffAccount a, Map<Long, String> siteKeys) {
    return new AccountView(
        a.username(),
        a.displayName(),
        a.role(),
        a.version(),
        a.disabled(),
        a.lockedAt(clock.instant()),
        a.lockedUntil(),
        a.failedAttempts(),
        a.createdAt(),
        a.trials().stream().map(NctNumber::value).sorted().toList(),
        a.sites().stream().map(siteKeys::get).filter(Objects::nonNull).sorted().toList());
  }

  private void record(
      StaffAccount me,
      AuditAction action,
      String username,
      String field,
      String oldValue,
      String newValue,
      String reason) {
    audit.record(
        new AuditRecord(
            me.username(),
            me.role().name(),
            action,
            ENTITY_TYPE,
            username,
            field,
            oldValue,
            newValue,
            reason));
  }

  private static String key(Site s) {
    return s.nctId().value() + "/" + s.slug();
  }

  /** Sorted and comma-separated; null when empty (the audit trail shows "empty"). */
  private static String joined(Collection<String> values) {
    return values.isEmpty() ? null : String.join(", ", new TreeSet<>(values));
  }

  private static String abbreviate(String key) {
    return key.length() > 200 ? key.substring(0, 200) : key;
  }
}
