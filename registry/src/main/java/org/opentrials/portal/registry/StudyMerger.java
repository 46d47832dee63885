package org.opentrials.portal.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteContact;
import org.opentrials.portal.domain.site.SiteStatus;
import org.opentrials.portal.domain.trial.AgeLimit;
import org.opentrials.portal.domain.trial.ArmGroup;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.Intervention;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.Sex;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.registry.ImportChange.Entity;
import org.opentrials.portal.registry.RegistryStudy.Contact;
import org.opentrials.portal.registry.RegistryStudy.ContactRole;
import org.opentrials.portal.registry.RegistryStudy.Location;
import org.opentrials.portal.registry.StudyResult.Outcome;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.geo.Place;

/**
 * Applies a {@link RegistryStudy} to a new or existing {@link Trial} and its {@link Site}s: plain
 * domain objects, no persistence, so every rule here is tested without a database.
 *
 * <p><b>Who owns what.</b> The registry owns what it publishes: titles, status, sponsor, summary,
 * conditions, design, arms, eligibility, officials, references, and each site's address and geo
 * point. The portal owns what sites and sponsor staff add: places left, FAQ, plain-language and
 * groups summaries, eligibility summary, safety summaries, approvals, publication, doses, reference
 * abstracts and the references they added, patient wording of criteria, criteria documents they
 * structured, and a site's status and contacts once an investigator confirmed them after the
 * registry's last verification.
 *
 * <p><b>Missing is not empty.</b> A module the record lacks (search pages carry only some) leaves
 * what it owns untouched; a module that is present but has a field empty clears that field.
 *
 * <p>Mutators are called only for parts that differ, so an unchanged study writes nothing, and
 * every change is reported as an {@link ImportChange} from snapshots taken before and after.
 */
public final class StudyMerger {
  /**
   * How ClinicalTrials.gov and other sources write the country whose addresses the gazetteer knows.
   */
  private static final Set<String> UNITED_STATES =
      Set.of("united states", "united states of america", "usa", "us");

  private final Clock clock;

  public StudyMerger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a merge did; the caller persists {@link #trial()} when created and adds {@link
   * #addedSites()}.
   *
   * @param repeatable whether merging the same record again would do nothing more: false when the
   *     result depended on today's date (a verification date in the future was ignored), so that a
   *     later import of the same record must merge it again
   */
  public record Merge(
      Trial trial,
      boolean created,
      List<Site> addedSites,
      List<ImportChange> changes,
      List<String> warnings,
      List<String> sitesNoLongerListed,
      boolean repeatable) {
    public Merge {
      addedSites = List.copyOf(addedSites);
      changes = List.copyOf(changes);
      warnings = List.copyOf(warnings);
      sitesNoLongerListed = List.copyOf(sitesNoLongerListed);
    }

    public Outcome outcome() {
      return created ? Outcome.CREATED : changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
  }

  /**
   * @param existing the trial with the study's NCT number, or {@code null} to create it
   * @param sitesOfTrial the existing trial's sites (empty for a new trial)
   * @throws StudySkipped when the study lacks what a trial cannot exist without
   */
  public Merge merge(RegistryStudy study, Trial existing, List<Site> sitesOfTrial) {
    return new Run(study, existing, sitesOfTrial).merge();
  }

  /** One merge: the study, the trial and everything learned on the way. */
  private final class Run {
    final RegistryStudy s;
    final List<String> warnings;
    final Clock clock = StudyMerger.this.clock;
    final LocalDate today = LocalDate.now(clock);
    final List<Site> sitesOfTrial;
    final List<ImportChange> changes = new ArrayList<>();
    NctNumber nct;
    Trial trial;
    boolean created;

    /** Whether something was decided by comparing with today's date. */
    boolean dependsOnToday;

    LocalDate registryVerified;

    /** Worked out once: each warns about what it had to fall back on. */
    String title;

    String sponsor;

    Run(RegistryStudy study, Trial existing, List<Site> sitesOfTrial) {
      this.s = study;
      this.warnings = new ArrayList<>(study.warnings());
      this.trial = existing;
      this.sitesOfTrial = sitesOfTrial;
    }

    Merge merge() {
      nct =
          NctNumber.parse(s.nctId())
              .orElseThrow(
                  () ->
                      new StudySkipped(
                          s.nctId() == null
                              ? "no NCT number (protocolSection.identificationModule.nctId)"
                              : "not an NCT number: \"" + s.nctId() + "\""));
      if (trial != null && !trial.nctId().equals(nct)) {
        throw new IllegalArgumentException("trial " + trial.nctId() + " given for study " + nct);
      }
      registryVerified = verifiedDate();
      title = briefTitle();
      sponsor = s.sponsors() == null && trial != null ? null : leadSponsor();
      Map<String, String> before = trial == null ? Map.of() : snapshot(trial);
      if (trial == null) {
        create();
      }
      identification();
      status();
      classification();
      sponsors();
      description();
      eligibility();
      arms();
      references();
      diff(Entity.TRIAL, nct.value(), before, snapshot(trial));
      List<Site> added = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      if (s.contactsLocations() != null) {
        new SiteMerge(this).run(added, gone);
      }
      return new Merge(trial, created, added, changes, warnings, gone, !dependsOnToday);
    }

    private void create() {
      if (title == null) {
        throw new StudySkipped("no brief or official title (identificationModule)");
      }
      StudyType type = s.design() == null ? null : s.design().studyType();
      if (type == null) {
        throw new StudySkipped("no usable study type (designModule.studyType)");
      }
      if (sponsor == null) {
        throw new StudySkipped(
            "no lead sponsor (sponsorCollaboratorsModule) and no organisation (identificationModule)");
      }
      OverallStatus status = s.status() == null ? null : s.status().overallStatus();
      if (status == null) {
        warn("no usable overall status; the trial is imported as UNKNOWN");
        status = OverallStatus.UNKNOWN;
      }
      trial = new Trial(nct, title, type, status, sponsor);
      trial.publish();
      created = true;
    }

    // ---- trial sections ----

    private void identification() {
      var id = s.identification();
      if (id == null) {
        return;
      }
      String brief = title;
      if (brief == null) {
        warn("no brief or official title; the trial keeps its title");
        brief = trial.briefTitle();
      }
      String official = fit(id.officialTitle(), 1000, "officialTitle");
      String acronym = fit(id.acronym(), 40, "acronym");
      if (!Objects.equals(trial.acronym(), acronym)
          || !Objects.equals(trial.briefTitle(), brief)
          || !Objects.equals(trial.officialTitle(), official)) {
        trial.identify(acronym, brief, official);
      }
    }

    private String briefTitle() {
      var id = s.identification();
      if (id == null) {
        return null;
      }
      if (id.briefTitle() == null && id.officialTitle() != null) {
        warn("no brief title; the official title is used");
      }
      return fit(id.briefTitle() != null ? id.briefTitle() : id.officialTitle(), 300, "briefTitle");
    }

    private void status() {
      if (s.status() == null) {
        return;
      }
      OverallStatus status = s.status().overallStatus();
      if (status == null) {
        status = trial.overallStatus();
        if (!created) {
          warn("no usable overall status; the trial keeps " + status);
        }
      }
      if (status != trial.overallStatus()
          || !Objects.equals(registryVerified, trial.statusVerifiedOn())) {
        trial.changeStatus(status, registryVerified, clock);
      }
    }

    private LocalDate verifiedDate() {
      LocalDate date = s.status() == null ? null : s.status().lastVerified();
      if (date != null && date.isAfter(today)) {
        dependsOnToday = true;
        warn("statusModule.statusVerifiedDate " + date + " is in the future; ignored");
        return null;
      }
      return date;
    }

    private void classification() {
      var design = s.design();
      var conditions = s.conditions();
      Set<Phase> phases = design != null ? design.phases() : trial.phases();
      List<String> conditionNames =
          conditions != null
              ? fitAll(conditions.conditions(), 300, "condition")
              : trial.conditions();
      List<String> keywords =
          conditions != null ? fitAll(conditions.keywords(), 300, "keyword") : trial.keywords();
      if (!phases.equals(trial.phases())
          || !conditionNames.equals(trial.conditions())
          || !keywords.equals(trial.keywords())) {
        trial.classify(phases, conditionNames, keywords);
      }
      if (design == null) {
        return;
      }
      if (design.studyType() != null && design.studyType() != trial.studyType()) {
        warn(
            "the registry now gives study type "
                + design.studyType()
                + "; a trial keeps the type it was created with ("
                + trial.studyType()
                + ")");
      }
      if (!Objects.equals(design.enrollmentCount(), trial.enrollment())
          || design.enrollmentType() != trial.enrollmentType()) {
        trial.plan(
            design.enrollmentCount(),
            design.enrollmentType(),
            trial.placesLeft(),
            trial.placesLeftUntil());
      }
    }

    private void sponsors() {
      String lead = s.sponsors() == null ? trial.leadSponsor() : sponsor;
      if (lead == null) {
        warn("no lead sponsor; the trial keeps " + trial.leadSponsor());
        lead = trial.leadSponsor();
      }
      List<String> collaborators =
          s.sponsors() == null
              ? trial.collaborators()
              : fitAll(s.sponsors().collaborators(), 300, "collaborator");
      String overseenBy = s.contactsLocations() == null ? trial.overseenBy() : overseenBy();
      if (!lead.equals(trial.leadSponsor())
          || !collaborators.equals(trial.collaborators())
          || !Objects.equals(overseenBy, trial.overseenBy())) {
        trial.sponsoredBy(lead, collaborators, overseenBy);
      }
    }

    private String leadSponsor() {
      String lead = s.sponsors() == null ? null : s.sponsors().leadSponsor();
      if (lead == null && s.identification() != null && s.identification().organization() != null) {
        warn("no lead sponsor; the organisation (identificationModule.organization) is used");
        lead = s.identification().organization();
      }
      return fit(lead, 300, "leadSponsor");
    }

    /**
     * The official who oversees the study: a principal investigator first, then a chair, then a
     * director.
     */
    private String overseenBy() {
      for (ContactRole role :
          List.of(
              ContactRole.PRINCIPAL_INVESTIGATOR,
              ContactRole.STUDY_CHAIR,
              ContactRole.STUDY_DIRECTOR)) {
        for (Contact official : s.contactsLocations().overallOfficials()) {
          if (official.role() == role && official.name() != null) {
            return fit(official.name(), 300, "overallOfficials.name");
          }
        }
      }
      return null;
    }

    private void description() {
      if (s.description() == null) {
        return;
      }
      String summary = fit(s.description().briefSummary(), 20_000, "briefSummary");
      if (!Objects.equals(summary, trial.briefSummary())) {
        trial.describe(summary, trial.plainSummary(), trial.groupsSummary());
      }
    }

    private void eligibility() {
      var e = s.eligibility();
      if (e == null) {
        return;
      }
      AgeLimit min = e.minimumAge();
      AgeLimit max = e.maximumAge();
      if (min != null && max != null && min.wholeYears() > max.wholeYears()) {
        warn(
            "eligibilityModule: minimumAge "
                + min
                + " is above maximumAge "
                + max
                + "; both dropped");
        min = null;
        max = null;
      }
      Sex sex = e.sex();
      if (sex == null) {
        warn("eligibilityModule.sex: not given; ALL is assumed");
        sex = Sex.ALL;
      }
      List<CriterionText> criteria = criteria(e.criteria());
      AgeLimit oldMin = trial.minimumAge();
      AgeLimit oldMax = trial.maximumAge();
      Sex oldSex = trial.sex();
      if (!Objects.equals(min, oldMin)
          || !Objects.equals(max, oldMax)
          || sex != oldSex
          || e.healthyVolunteers() != trial.healthyVolunteers()
          || !Objects.equals(Render.criteria(criteria), Render.criteria(trial.criteria()))) {
        trial.defineEligibility(
            trial.eligibilitySummary(), min, max, sex, e.healthyVolunteers(), criteria);
      }
      String wanted = RegistryCriteria.document(nct, min, max, sex);
      String current = trial.criteriaRules();
      if (current == null || RegistryCriteria.isProducedByImport(current)) {
        if (!Objects.equals(wanted, current)) {
          trial.structureCriteria(wanted);
        }
      } else if (!Objects.equals(wanted, RegistryCriteria.document(nct, oldMin, oldMax, oldSex))) {
        warn(
            "the registry's age or sex limits changed; the criteria document structured by sponsor staff was"
                + " kept and should be checked");
      }
    }

    /**
     * The registry's criteria; an item whose registry wording is unchanged keeps the wording and
     * key flag staff gave it.
     */
    private List<CriterionText> criteria(String text) {
      EligibilityCriteriaText.Split split = EligibilityCriteriaText.split(text);
      split.warnings().forEach(w -> warn("eligibilityModule.eligibilityCriteria: " + w));
      Map<String, CriterionText> kept = new HashMap<>();
      for (CriterionText c : trial.criteria()) {
        kept.putIfAbsent(c.kind() + "\n" + c.clinicalText(), c);
      }
      List<CriterionText> out = new ArrayList<>();
      for (EligibilityCriteriaText.Item item : split.items()) {
        String wording = fit(item.text(), 1000, "eligibilityCriteria item");
        CriterionText previous = kept.remove(item.kind() + "\n" + wording);
        out.add(
            previous != null ? previous : new CriterionText(item.kind(), wording, wording, false));
      }
      return out;
    }

    private void arms() {
      var module = s.armsInterventions();
      if (module == null) {
        return;
      }
      Map<String, RegistryStudy.Intervention> byReference = new HashMap<>();
      Map<String, RegistryStudy.Intervention> byName = new HashMap<>();
      for (RegistryStudy.Intervention i : module.interventions()) {
        byReference.putIfAbsent(key(interventionReference(i.type(), i.name())), i);
        byName.putIfAbsent(key(i.name()), i);
      }
      Set<RegistryStudy.Intervention> linked = new HashSet<>();
      List<ArmGroup> groups = new ArrayList<>();
      for (RegistryStudy.Arm arm : module.armGroups()) {
        String label = fit(arm.label(), 300, "armGroups.label");
        List<RegistryStudy.Intervention> given = new ArrayList<>();
        for (String reference : arm.interventionNames()) {
          RegistryStudy.Intervention i = byReference.get(key(reference));
          if (i == null) {
            i = interventionNamed(reference, byName);
          }
          if (i != null && !given.contains(i)) {
            given.add(i);
          }
        }
        for (RegistryStudy.Intervention i : module.interventions()) {
          boolean listed =
              i.armGroupLabels().stream().anyMatch(l -> key(l).equals(key(arm.label())));
          if (listed && !given.contains(i)) {
            given.add(i);
          }
        }
        linked.addAll(given);
        ArmGroup previous =
            trial.armGroups().stream()
                .filter(g -> g.label().equals(label))
                .findFirst()
                .orElse(null);
        List<Intervention> interventions = new ArrayList<>();
        for (RegistryStudy.Intervention i : given) {
          interventions.add(intervention(i, previous));
        }
        groups.add(
            new ArmGroup(
                label,
                arm.type(),
                fit(arm.description(), 2000, "armGroups.description"),
                interventions));
      }
      for (RegistryStudy.Intervention i : module.interventions()) {
        if (!linked.contains(i)) {
          warn(
              "armsInterventionsModule: intervention \""
                  + i.name()
                  + "\" belongs to no arm group; the portal keeps"
                  + " interventions within groups, so it was not imported");
        }
      }
      if (!Objects.equals(Render.arms(groups), Render.arms(trial.armGroups()))) {
        trial.replaceArmGroups(groups);
      }
    }

    /**
     * An "interventionNames" entry the interventions list does not spell the same way: "Drug: X" by
     * name alone, or from its own words.
     */
    private RegistryStudy.Intervention interventionNamed(
        String reference, Map<String, RegistryStudy.Intervention> byName) {
      Matcher m = TYPED_NAME.matcher(reference);
      String name = m.matches() ? m.group(2) : reference;
      RegistryStudy.Intervention i = byName.get(key(name));
      if (i != null) {
        return i;
      }
      InterventionType type = m.matches() ? typeOf(m.group(1)) : null;
      warn(
          "armsInterventionsModule: arm group names intervention \""
              + reference
              + "\", which the interventions"
              + " list lacks; "
              + (type == null ? "dropped" : "imported from its name"));
      return type == null ? null : new RegistryStudy.Intervention(type, name.strip(), List.of());
    }

    /**
     * Keeps the dose and administration staff recorded for the same intervention of the same group.
     */
    private Intervention intervention(RegistryStudy.Intervention i, ArmGroup previous) {
      InterventionType type = i.type();
      if (type == null) {
        warn(
            "armsInterventionsModule: intervention \""
                + i.name()
                + "\" has no usable type; OTHER is used");
        type = InterventionType.OTHER;
      }
      String name = fit(i.name(), 300, "interventions.name");
      if (previous != null) {
        for (Intervention p : previous.interventions()) {
          if (p.name().equals(name) && p.type() == type) {
            return new Intervention(name, type, p.dose(), p.administration());
          }
        }
      }
      return new Intervention(name, type, null, null);
    }

    private void references() {
      if (s.references() == null) {
        return;
      }
      List<Reference> references = new ArrayList<>();
      List<RegistryStudy.Reference> list = s.references().references();
      for (int n = 0; n < list.size(); n++) {
        RegistryStudy.Reference r = list.get(n);
        String where = "referencesModule.references[" + n + "]";
        String pmid = r.pmid();
        if (pmid != null && !pmid.matches("\\d{1,9}")) {
          warn(where + ".pmid: not a PubMed id: \"" + pmid + "\", dropped");
          pmid = null;
        }
        String citation = fit(r.citation(), 2000, "citation");
        String title = Citations.title(citation);
        if (title == null && pmid == null) {
          warn(where + ": neither a citation nor a PubMed id, dropped");
          continue;
        }
        if (title == null) {
          title = "PubMed " + pmid;
        }
        Reference previous = previousReference(pmid, citation);
        references.add(
            new Reference(
                fit(title, 1000, "reference title"),
                Citations.year(citation, clock),
                previous == null ? null : previous.abstractText(),
                pmid,
                citation,
                r.type(),
                clock));
      }
      // References sponsor staff added in the portal (no registry type, not in the registry's list)
      // stay, after the registry's own.
      for (Reference added : trial.references()) {
        boolean listed =
            references.stream()
                .anyMatch(
                    r ->
                        added.pmid() != null
                            ? added.pmid().equals(r.pmid())
                            : added.citation() != null && added.citation().equals(r.citation()));
        if (added.type() == null && !listed) {
          references.add(added);
        }
      }
      if (!Objects.equals(Render.references(references), Render.references(trial.references()))) {
        trial.replaceReferences(references);
      }
    }

    /** The reference staff may have given an abstract: the same PubMed id, or the same citation. */
    private Reference previousReference(String pmid, String citation) {
      for (Reference r : trial.references()) {
        if (pmid != null
            ? pmid.equals(r.pmid())
            : citation != null && citation.equals(r.citation())) {
          return r;
        }
      }
      return null;
    }

    // ---- helpers ----

    String fit(String text, int max, String field) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String t = text.strip();
      if (t.length() <= max) {
        return t;
      }
      warn(field + ": longer than " + max + " characters, shortened");
      return t.substring(0, max - 1).strip() + "\u2026";
    }

    private List<String> fitAll(List<String> texts, int max, String field) {
      List<String> out = new ArrayList<>();
      for (String t : texts) {
        String fitted = fit(t, max, field);
        if (fitted != null && !out.contains(fitted)) {
          out.add(fitted);
        }
      }
      return out;
    }

    void warn(String warning) {
      warnings.add(warning);
    }

    void diff(Entity entity, String key, Map<String, String> before, Map<String, String> after) {
      for (Map.Entry<String, String> field : after.entrySet()) {
        String old = before.get(field.getKey());
        if (!Objects.equals(old, field.getValue())) {
          changes.add(new ImportChange(entity, key, field.getKey(), old, field.getValue()));
        }
      }
    }
  }

  /**
   * Sites: matched within the trial by the slug of their facility (of their city when they have
   * none), added when new, kept and reported when gone. Matching compares the facility's slug, not
   * the stored slug, so that "Research Site" and "research-site-7" still pair, and so does a site
   * staff created by hand under a shorter slug.
   */
  private static final class SiteMerge {
    private final Run run;

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
        boolean pointFromRegistry,
        SiteStatus status,
        String investigator,
        SiteContact contact) {}

    SiteMerge(Run run) {
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
          (w, site) ->
              namesListed.get(w.base()) == 1 && namesKnown.getOrDefault(w.base(), 0L) == 1);
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
      SiteContact siteContact =
          contact != null ? siteContact(contact, where + ".contacts") : central;
      String state = run.fit(l.state(), 120, where + ".state");
      String zip = run.fit(l.zip(), 20, where + ".zip");
      String country = run.fit(l.country(), 120, where + ".country");
      GeoPoint point =
          l.geoPoint() != null ? l.geoPoint() : gazetteerPoint(zip, city, state, country, where);
      return new Wanted(
          i,
          base,
          facility,
          city,
          state,
          zip,
          country,
          point,
          l.geoPoint() != null,
          l.status(),
          investigator,
          siteContact);
    }

    /**
     * A US location without a geo point is placed at its ZIP code's centroid, or its city's in its
     * state, from the offline gazetteer, so that it sorts by distance like the others. Outside the
     * United States the gazetteer knows nothing (a Spanish "08035" is no US ZIP code).
     */
    private GeoPoint gazetteerPoint(
        String zip, String city, String state, String country, String where) {
      if (!isUnitedStates(country)) {
        return null;
      }
      GeoPoint point = Gazetteer.shared().locate(zip, city, state).map(Place::point).orElse(null);
      if (point == null) {
        run.warn(
            where
                + ": no geoPoint, and the offline gazetteer knows neither ZIP code "
                + zip
                + " nor "
                + city
                + (state == null ? "" : ", " + state)
                + "; the site is listed after those with a known distance");
      }
      return point;
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
        Site site =
            new Site(run.nct, slug, w.facility(), w.city(), w.state(), w.zip(), w.country());
        site.locateAt(w.point());
        if (w.status() != null) {
          site.changeStatus(w.status(), run.registryVerified, run.clock);
        }
        site.changePeople(w.investigator(), w.contact());
        run.diff(Entity.SITE, key(site), Map.of(), snapshot(site));
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
      Map<String, String> before = snapshot(site);
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
      // The registry's geo point wins. Without one, the gazetteer's point of the address fills a
      // missing location, or replaces the point of an address that changed; otherwise the site's
      // location stays.
      boolean locate = w.pointFromRegistry() || moved || site.location().isEmpty();
      if (locate && !site.location().equals(java.util.Optional.ofNullable(w.point()))) {
        site.locateAt(w.point());
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
            && (w.status() != site.status()
                || !Objects.equals(registry, site.statusVerifiedOn()))) {
          site.changeStatus(w.status(), registry, run.clock);
        }
        if (peopleDiffer) {
          site.changePeople(w.investigator(), w.contact());
        }
      }
      run.diff(Entity.SITE, key(site), before, snapshot(site));
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

  // ---- snapshots: the fields an import writes, rendered for comparison and for the report ----

  static Map<String, String> snapshot(Trial t) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("briefTitle", t.briefTitle());
    m.put("officialTitle", t.officialTitle());
    m.put("acronym", t.acronym());
    m.put("studyType", Render.name(t.studyType()));
    m.put("overallStatus", Render.name(t.overallStatus()));
    m.put("statusVerifiedOn", Render.date(t.statusVerifiedOn()));
    m.put("leadSponsor", t.leadSponsor());
    m.put("collaborators", Render.lines(t.collaborators()));
    m.put("overseenBy", t.overseenBy());
    m.put("briefSummary", t.briefSummary());
    m.put("conditions", Render.lines(t.conditions()));
    m.put("keywords", Render.lines(t.keywords()));
    m.put("phases", Render.lines(t.phases().stream().sorted().map(Enum::name).toList()));
    m.put("enrollment", t.enrollment() == null ? null : t.enrollment().toString());
    m.put("enrollmentType", Render.name(t.enrollmentType()));
    m.put("minimumAge", t.minimumAge() == null ? null : t.minimumAge().registryText());
    m.put("maximumAge", t.maximumAge() == null ? null : t.maximumAge().registryText());
    m.put("sex", Render.name(t.sex()));
    m.put("healthyVolunteers", Boolean.toString(t.healthyVolunteers()));
    m.put("criteria", Render.criteria(t.criteria()));
    m.put("criteriaRules", t.criteriaRules());
    m.put("armGroups", Render.arms(t.armGroups()));
    m.put("references", Render.references(t.references()));
    m.put("published", Boolean.toString(t.published()));
    return m;
  }

  static Map<String, String> snapshot(Site s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("facility", s.facility());
    m.put("city", s.city());
    m.put("state", s.state());
    m.put("postalCode", s.postalCode());
    m.put("country", s.country());
    m.put("location", s.location().map(p -> p.latitude() + "," + p.longitude()).orElse(null));
    m.put("status", Render.name(s.status()));
    m.put("statusVerifiedOn", Render.date(s.statusVerifiedOn()));
    m.put("principalInvestigator", s.principalInvestigator());
    m.put("contact", Render.contact(s.contact()).isEmpty() ? null : Render.contact(s.contact()));
    return m;
  }

  /** Text forms of values for comparing and reporting; empty collections render as null. */
  static final class Render {
    private Render() {}

    static String name(Enum<?> e) {
      return e == null ? null : e.name();
    }

    static String date(LocalDate d) {
      return d == null ? null : d.toString();
    }

    static String lines(Collection<String> items) {
      return items.isEmpty() ? null : String.join("\n", items);
    }

    static String criteria(List<CriterionText> criteria) {
      return lines(
          criteria.stream()
              .map(
                  c ->
                      c.kind()
                          + ": "
                          + c.clinicalText()
                          + (c.patientText().equals(c.clinicalText())
                              ? ""
                              : " (shown as: " + c.patientText() + ")")
                          + (c.key() ? " [key]" : ""))
              .toList());
    }

    static String arms(List<ArmGroup> groups) {
      return lines(
          groups.stream()
              .map(
                  g ->
                      g.label()
                          + (g.type() == null ? "" : " (" + g.type() + ")")
                          + (g.description() == null ? "" : ": " + g.description())
                          + g.interventions().stream()
                              .map(
                                  i ->
                                      interventionReference(i.type(), i.name())
                                          + (i.dose() == null
                                              ? ""
                                              : " "
                                                  + i.dose().amount().toPlainString()
                                                  + " "
                                                  + i.dose().unit()
                                                  + (i.dose().perKilogram() ? "/kg" : ""))
                                          + (i.administration() == null
                                              ? ""
                                              : " " + i.administration()))
                              .collect(Collectors.joining("; ", " <- ", "")))
              .toList());
    }

    static String references(List<Reference> references) {
      return lines(
          references.stream()
              .map(
                  r ->
                      (r.pmid() == null ? "" : "PMID " + r.pmid() + " ")
                          + (r.type() == null ? "" : "(" + r.type() + ") ")
                          + r.title()
                          + (r.year() == null ? "" : " " + r.year())
                          + (r.citation() == null || r.citation().equals(r.title())
                              ? ""
                              : " | " + r.citation())
                          + (r.abstractText() == null ? "" : " [abstract]"))
              .toList());
    }

    static String contact(SiteContact c) {
      if (c == null) {
        return "";
      }
      return java.util.stream.Stream.of(c.name(), c.phone(), c.email())
          .filter(Objects::nonNull)
          .collect(Collectors.joining(", "));
    }
  }

  // ---- intervention references: "Drug: GET73" ----

  private static final Pattern TYPED_NAME = Pattern.compile("\\s*([^:]{2,40}?)\\s*:\\s*(.+)");
  private static final Map<String, InterventionType> TYPES_BY_LABEL = new HashMap<>();

  static {
    for (InterventionType t : InterventionType.values()) {
      TYPES_BY_LABEL.put(key(label(t)), t);
    }
  }

  /** The registry's label of a type: DIETARY_SUPPLEMENT is "Dietary Supplement". */
  static String label(InterventionType type) {
    return java.util.Arrays.stream(type.name().split("_"))
        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }

  static String interventionReference(InterventionType type, String name) {
    return (type == null ? "" : label(type) + ": ") + name;
  }

  private static InterventionType typeOf(String label) {
    return TYPES_BY_LABEL.get(key(label));
  }

  /** Case and spacing do not count when the registry refers to its own labels and names. */
  static String key(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
