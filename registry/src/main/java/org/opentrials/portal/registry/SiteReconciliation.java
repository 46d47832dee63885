package org.opentrials.portal.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.LocationSource;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.registry.ImportChange.Entity;
import org.opentrials.portal.registry.ImportSnapshots.Render;
import org.opentrials.portal.registry.RegistryStudy.Contact;
import org.opentrials.portal.registry.RegistryStudy.ContactRole;
import org.opentrials.portal.registry.RegistryStudy.Location;
import org.opentrials.portal.services.geo.Gazetteer;

/**
 * Sites: matched within the trial by the slug of their facility (of their city when they have
 * none), added when new, kept and reported when gone. Matching compares the facility's slug, not
 * the stored slug, so that "Research Site" and "research-site-7" still pair, and so does a site
 * staff created by hand under a shorter slug.
 */
final class SiteReconciliation {
  /**
   * How ClinicalTrials.gov and other sources write the country whose addresses the gazetteer knows.
   */
  static final Set<String> UNITED_STATES =
      Set.of("united states", "united states of america", "usa", "us");

  private final TrialFieldsMerge run;

  /** A location as the site it should become. */
  private record Wanted(
      int index,
      String base,
      String facility,
      String city,
      String state,
      String zip,
      String country,
      GeoPoint point,
      LocationSource source,
      SiteStatus status,
      String investigator,
      SiteContact contact) {}

  SiteReconciliation(TrialFieldsMerge run) {
    this.run = run;
  }

  void run(List<Site> added, List<String> gone) {
    List<Location> locations = run.s.contactsLocations().locations();
    SiteContact central = centralContact();
    List<Wanted> wanted = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      Wanted w = wanted(i, locations.get(i), central);
      if (w != null) {
        wanted.add(w);
      }
    }
    List<Site> unmatched = new ArrayList<>(run.sitesOfTrial);
    Site[] match = new Site[wanted.size()];
    // Same facility in the same city (and ZIP) first, so that many sites of one name ("Research
    // Site" in fifty cities) keep their own slugs when the registry reorders or adds some.
    matchBy(
        wanted,
        unmatched,
        match,
        (w, site) -> sameCity(w, site) && Objects.equals(w.zip(), site.postalCode()));
    matchBy(wanted, unmatched, match, this::sameCity);
    // A facility in another city is the same site (moved, or its city corrected) only when the
    // name is unambiguous: one location and one site of that name. Of fifty "Research Site"s, one
    // in a new city is a new site.
    Map<String, Long> namesListed =
        wanted.stream().collect(Collectors.groupingBy(Wanted::base, Collectors.counting()));
    Map<String, Long> namesKnown =
        run.sitesOfTrial.stream()
            .collect(
                Collectors.groupingBy(
                    site -> String.valueOf(baseSlug(site.facility(), site.city())),
                    Collectors.counting()));
    matchBy(
        wanted,
        unmatched,
        match,
        (w, site) -> namesListed.get(w.base()) == 1 && namesKnown.getOrDefault(w.base(), 0L) == 1);
    Set<String> slugs =
        run.sitesOfTrial.stream().map(Site::slug).collect(Collectors.toCollection(HashSet::new));
    for (int i = 0; i < wanted.size(); i++) {
      Wanted w = wanted.get(i);
      if (match[i] != null) {
        update(match[i], w);
      } else {
        Site site = create(w, freeSlug(w.base(), slugs));
        if (site != null) {
          slugs.add(site.slug());
          added.add(site);
        }
      }
    }
    for (Site site : unmatched) {
      gone.add(site.slug());
      run.warn(
          "site "
              + site.slug()
              + " is no longer listed by the registry; it was kept (people may be waiting"
              + " on it) for staff to close");
    }
  }

  private void matchBy(
      List<Wanted> wanted,
      List<Site> unmatched,
      Site[] match,
      java.util.function.BiPredicate<Wanted, Site> same) {
    for (int i = 0; i < wanted.size(); i++) {
      if (match[i] != null) {
        continue;
      }
      Wanted w = wanted.get(i);
      for (Site site : unmatched) {
        if (w.base().equals(baseSlug(site.facility(), site.city())) && same.test(w, site)) {
          match[i] = site;
          unmatched.remove(site);
          break;
        }
      }
    }
  }

  private boolean sameCity(Wanted w, Site site) {
    return w.city().equalsIgnoreCase(site.city());
  }

  private Wanted wanted(int i, Location l, SiteContact central) {
    String where = "contactsLocationsModule.locations[" + i + "]";
    String city = run.fit(l.city(), 120, where + ".city");
    if (city == null) {
      run.warn(where + ": no city; a site needs one, so this location was not imported");
      return null;
    }
    String facility = run.fit(l.facility(), 300, where + ".facility");
    String base = baseSlug(facility, city);
    if (base == null) {
      run.warn(
          where
              + ": neither facility nor city has letters or digits to name the site; not imported");
      return null;
    }
    String investigator = null;
    Contact contact = null;
    for (Contact c : l.contacts()) {
      if (c.role() == ContactRole.PRINCIPAL_INVESTIGATOR
          && investigator == null
          && c.name() != null) {
        investigator = run.fit(c.name(), 200, where + ".contacts.name");
      } else if ((c.role() == ContactRole.CONTACT || c.role() == null) && contact == null) {
        contact = c;
      }
    }
    SiteContact siteContact = contact != null ? siteContact(contact, where + ".contacts") : central;
    String state = run.fit(l.state(), 120, where + ".state");
    String zip = run.fit(l.zip(), 20, where + ".zip");
    String country = run.fit(l.country(), 120, where + ".country");
    Located located = locate(l.geoPoint(), zip, city, state, country, where);
    return new Wanted(
        i,
        base,
        facility,
        city,
        state,
        zip,
        country,
        located.point(),
        located.source(),
        l.status(),
        investigator,
        siteContact);
  }

  /** A point and where it comes from. */
  private record Located(GeoPoint point, LocationSource source) {}

  /**
   * Where a location is on the map. The registry's geo point is its city's centre, so a US site
   * whose ZIP code lies in its state is placed at that ZIP code's centroid (Cedars-Sinai at 90048,
   * not at downtown Los Angeles); otherwise the registry's point; without one, its city's centre in
   * its state from the offline gazetteer, so that it sorts by distance like the others. Outside the
   * United States the gazetteer knows nothing (a Spanish "08035" is no US ZIP code).
   */
  private Located locate(
      GeoPoint registryPoint, String zip, String city, String state, String country, String where) {
    boolean unitedStates = isUnitedStates(country);
    if (unitedStates && zip != null) {
      // Only a ZIP code of the site's own state (when it names one): a typo'd code would otherwise
      // put a Los Angeles site in Boston.
      var byZip = Gazetteer.shared().locate(zip, null, state);
      if (byZip.isPresent()) {
        return new Located(byZip.get().point(), LocationSource.ZIP);
      }
    }
    if (registryPoint != null) {
      return new Located(registryPoint, LocationSource.REGISTRY);
    }
    if (!unitedStates) {
      return new Located(null, null);
    }
    var byCity = Gazetteer.shared().locate(null, city, state);
    if (byCity.isPresent()) {
      return new Located(byCity.get().point(), LocationSource.CITY);
    }
    run.warn(
        where
            + ": no geoPoint; "
            + (zip == null
                ? "no ZIP code"
                : "ZIP code " + zip + (state == null ? "" : " is not one of " + state + " or"))
            + (zip == null ? "" : " is not in the offline gazetteer")
            + ", and the gazetteer does not know "
            + city
            + (state == null ? "" : ", " + state)
            + "; the site is listed after those with a known distance");
    return new Located(null, null);
  }

  private static boolean isUnitedStates(String country) {
    return country == null || UNITED_STATES.contains(country.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Whom to call when a location names no contact of its own: the study's first central contact.
   */
  private SiteContact centralContact() {
    for (Contact c : run.s.contactsLocations().centralContacts()) {
      if (c.role() == ContactRole.CONTACT || c.role() == null) {
        return siteContact(c, "contactsLocationsModule.centralContacts");
      }
    }
    return null;
  }

  private SiteContact siteContact(Contact c, String where) {
    String name = run.fit(c.name(), 200, where + ".name");
    String phone = c.phone();
    if (phone != null && c.phoneExt() != null && c.phoneExt().matches("\\d{1,6}")) {
      phone = phone + " ext. " + c.phoneExt();
    }
    // A phoneExt such as "+33" is a country code some records put there, not an extension: the
    // number is kept as the registry writes it.
    if (phone != null && (phone.length() > 40 || !SiteContact.isPhone(phone))) {
      run.warn(where + ".phone: not a phone number: \"" + phone + "\", dropped");
      phone = null;
    }
    String email = c.email();
    if (email != null && (email.length() > 254 || !SiteContact.isEmail(email))) {
      run.warn(where + ".email: not an email address: \"" + email + "\", dropped");
      email = null;
    }
    return name == null && phone == null && email == null
        ? null
        : new SiteContact(name, phone, email);
  }

  private Site create(Wanted w, String slug) {
    try {
      Site site = new Site(run.nct, slug, w.facility(), w.city(), w.state(), w.zip(), w.country());
      site.locateAt(w.point(), w.source());
      if (w.status() != null) {
        site.changeStatus(w.status(), run.registryVerified, run.clock);
      }
      site.changePeople(w.investigator(), w.contact());
      run.diff(Entity.SITE, key(site), Map.of(), ImportSnapshots.snapshot(site));
      return site;
    } catch (IllegalArgumentException e) {
      run.warn(
          "contactsLocationsModule.locations["
              + w.index()
              + "]: "
              + e.getMessage()
              + "; not imported");
      return null;
    }
  }

  private void update(Site site, Wanted w) {
    Map<String, String> before = ImportSnapshots.snapshot(site);
    if (!Objects.equals(site.facility(), w.facility())) {
      run.warn(
          "site "
              + site.slug()
              + ": the registry now writes its facility \""
              + w.facility()
              + "\"; a site keeps the name its page was created with");
    }
    boolean moved =
        !site.city().equals(w.city())
            || !Objects.equals(site.state(), w.state())
            || !Objects.equals(site.postalCode(), w.zip())
            || !Objects.equals(site.country(), w.country());
    if (moved) {
      site.relocate(w.city(), w.state(), w.zip(), w.country());
    }
    // What the record fixes (the ZIP code's centroid, else the registry's geo point) wins. Without
    // either, the gazetteer's city point fills a missing location, or replaces the point of an
    // address that changed; otherwise the site's location stays.
    boolean fromRecord = w.source() == LocationSource.ZIP || w.source() == LocationSource.REGISTRY;
    boolean locate = fromRecord || moved || site.location().isEmpty();
    if (locate
        && (!site.location().equals(java.util.Optional.ofNullable(w.point()))
            || site.locationSource() != w.source())) {
      site.locateAt(w.point(), w.source());
    }
    LocalDate confirmed = site.statusVerifiedOn();
    LocalDate registry = run.registryVerified;
    boolean investigatorConfirmed =
        confirmed != null && (registry == null || confirmed.isAfter(registry));
    // A location without a status says nothing about it: the site's own stays, as does its date.
    SiteStatus status = w.status() != null ? w.status() : site.status();
    boolean peopleDiffer =
        !Objects.equals(site.principalInvestigator(), w.investigator())
            || !Objects.equals(Render.contact(site.contact()), Render.contact(w.contact()));
    if (investigatorConfirmed) {
      if (status != site.status() || peopleDiffer) {
        run.warn(
            "site "
                + site.slug()
                + ": status and contacts were confirmed in the portal on "
                + confirmed
                + ", after the registry's last verification"
                + (registry == null ? "" : " (" + registry + ")")
                + "; kept "
                + site.status()
                + (status != site.status() ? " (the registry says " + status + ")" : ""));
      }
    } else {
      if (w.status() != null
          && (w.status() != site.status() || !Objects.equals(registry, site.statusVerifiedOn()))) {
        site.changeStatus(w.status(), registry, run.clock);
      }
      if (peopleDiffer) {
        site.changePeople(w.investigator(), w.contact());
      }
    }
    run.diff(Entity.SITE, key(site), before, ImportSnapshots.snapshot(site));
  }

  private String key(Site site) {
    return run.nct.value() + "/" + site.slug();
  }

  private static String baseSlug(String facility, String city) {
    for (String name : new String[] {facility, city}) {
      if (name != null) {
        try {
          return Site.slug(name);
        } catch (IllegalArgumentException e) {
          // no letters or digits: try the next name
        }
      }
    }
    return null;
  }

  /**
   * The base itself, else base-2, base-3...: the first not taken, cut so that it stays within 80
   * characters.
   */
  private static String freeSlug(String base, Set<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = suffixed(base, n);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static String suffixed(String base, int n) {
    String suffix = "-" + n;
    String stem =
        base.length() + suffix.length() <= 80
            ? base
            : base.substring(0, 80 - suffix.length()).replaceAll("-+$", "");
    return stem + suffix;
  }
}
