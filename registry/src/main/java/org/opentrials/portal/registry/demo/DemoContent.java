package org.opentrials.portal.registry.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.staff.StaffRepository;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.registry.RegistryDemoRecords;
import org.opentrials.portal.registry.StudyImport;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.staff.PasswordGenerator;
import org.opentrials.portal.services.staff.PasswordHasher;

/**
 * In demo mode ({@code trials.demo=true}), fills an empty database with the demo trials and creates
 * sample staff accounts whose passwords are generated now and printed once. A database that already
 * holds trials or accounts is left as it is, so restarting never loads twice.
 */
@Singleton
@Startup
@DependsOn("TrialsDatabase")
public class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

  private boolean demo;

  private TrialRepository trials;
  private SiteRepository sites;
  private StaffRepository staff;
  private StudyImport studyImport;
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  public DemoContent() {}

  @Inject
  public DemoContent(
      @ConfigProperty(name = "trials.demo", defaultValue = "false") boolean demo,
      TrialRepository trials,
      SiteRepository sites,
      StaffRepository staff,
      StudyImport studyImport,
      EntityManager em) {
    this.demo = demo;
    this.em = em;
    this.trials = trials;
    this.sites = sites;
    this.staff = staff;
    this.studyImport = studyImport;
  }

  @PostConstruct
  void load() {
    if (!demo) {
      return;
    }
    if (trials.count() == 0) {
      loadTrials();
    }
    if (staff.count() == 0) {
      createAccounts();
    }
  }

  private void loadTrials() {
    Trial misle = MisleDemoTrial.trial();
    misle.structureCriteria(resource("/demo/criteria/NCT02633163.json"));
    trials.add(misle);
    Gazetteer gazetteer = Gazetteer.shared();
    for (Site site : MisleDemoTrial.sites()) {
      gazetteer
          .findByCity(site.city(), site.state())
          .ifPresent(place -> site.locateAt(place.point()));
      sites.add(site);
    }
    new ChangeLog(em).trial(misle.nctId().value(), "DEMO_LOADED", Clock.systemUTC().instant());
    LOG.info(() -> "Demo content loaded: trial " + misle.nctId() + " with its sites");
    // Further demo trials: public ClinicalTrials.gov records, through the registry import.
    var registry = RegistryDemoRecords.importInto(studyImport);
    LOG.info(() -> "Demo registry records imported: " + registry.summary());
  }

  private static String resource(String name) {
    try (var in = DemoContent.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing: " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void createAccounts() {
    PasswordHasher hasher = new PasswordHasher();
    StringBuilder banner =
        new StringBuilder()
            .append(
                "\n=== Demo staff accounts (passwords generated now, shown only this once) ===\n");
    List<Site> misleSites = sites.findByTrial(MisleDemoTrial.NCT);
    record Demo(String username, String name, Role role, String siteSlug) {}
    List<Demo> accounts =
        List.of(
            new Demo("admin", "Demo Administrator", Role.ADMINISTRATOR, null),
            new Demo("sponsor", "Demo Sponsor Staff (MUSC)", Role.SPONSOR_STAFF, null),
            new Demo(
                "investigator.cedars",
                "Demo Investigator (Cedars-Sinai)",
                Role.INVESTIGATOR,
                "cedars-sinai"),
            new Demo(
                "investigator.musc",
                "Demo Investigator (MUSC)",
                Role.INVESTIGATOR,
                "medical-university-of-south-carolina"));
    for (Demo d : accounts) {
      char[] password = PasswordGenerator.generate();
      StaffAccount account =
          new StaffAccount(
              d.username(), d.name(), d.role(), hasher.hash(password), Clock.systemUTC().instant());
      if (d.role() == Role.SPONSOR_STAFF) {
        account.assignTrial(MisleDemoTrial.NCT);
      }
      if (d.siteSlug() != null) {
        misleSites.stream()
            .filter(s -> s.slug().equals(d.siteSlug()))
            .findFirst()
            .ifPresent(s -> account.assignSite(s.id()));
      }
      staff.add(account);
      banner.append(
          String.format(
              "  %-22s %-15s password: %s%n", d.username(), d.role(), new String(password)));
    }
    banner.append(
        "=== Sign in at /admin. Change these before using the server for anything real. ===");
    // Printed to the console on purpose, once: these are throw-away demo credentials.
    System.out.println(banner);
  }
}
