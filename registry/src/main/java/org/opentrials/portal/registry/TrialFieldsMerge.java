package org.opentrials.portal.registry;

import static org.opentrials.portal.registry.InterventionNames.interventionReference;
import static org.opentrials.portal.registry.InterventionNames.key;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import org.opentrials.portal.domain.site.Site;
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
import org.opentrials.portal.registry.ImportSnapshots.Render;
import org.opentrials.portal.registry.RegistryStudy.Contact;
import org.opentrials.portal.registry.RegistryStudy.ContactRole;
import org.opentrials.portal.services.trials.RegistryDetails;

final class TrialFieldsMerge {
  final RegistryStudy s;
  final List<String> warnings;
  final Clock clock;
  final LocalDate today;
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

  TrialFieldsMerge(RegistryStudy study, Trial existing, List<Site> sitesOfTrial, Clock clock) {
    this.s = study;
    this.clock = clock;
    this.today = LocalDate.now(clock);
    this.warnings = new ArrayList<>(study.warnings());
    this.trial = existing;
    this.sitesOfTrial = sitesOfTrial;
  }

  StudyMerger.Merge merge() {
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
    Map<String, String> before = trial == null ? Map.of() : ImportSnapshots.snapshot(trial);
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
    registryDetails();
    diff(Entity.TRIAL, nct.value(), before, ImportSnapshots.snapshot(trial));
    List<Site> added = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    if (s.contactsLocations() != null) {
      new SiteReconciliation(this).run(added, gone);
    }
    return new StudyMerger.Merge(trial, created, added, changes, warnings, gone, !dependsOnToday);
  }

  private void create() {
    if (title == null) {
      throw new StudySkipped("no brief or official title (identificationModule)");
    }
    if (s.design() == null || s.status() == null) {
      throw new StudySkipped(partialRecord());
    }
    StudyType type = s.design().studyType();
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

  /**
   * Why a new study cannot be created from a record that lacks whole modules: typically a search
   * page downloaded with {@code fields=}, which keeps only the fields asked for.
   */
  private String partialRecord() {
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    (s.identification() != null ? present : missing).add("identificationModule");
    (s.status() != null ? present : missing).add("statusModule");
    (s.sponsors() != null ? present : missing).add("sponsorCollaboratorsModule");
    (s.design() != null ? present : missing).add("designModule");
    (s.eligibility() != null ? present : missing).add("eligibilityModule");
    (s.contactsLocations() != null ? present : missing).add("contactsLocationsModule");
    return "the record has only some modules ("
        + (present.isEmpty() ? "none" : String.join(", ", present))
        + "; missing "
        + String.join(", ", missing)
        + "): it looks like a search page downloaded with a fields= filter, which keeps only the"
        + " fields asked for. Download it again without fields= (https://clinicaltrials.gov/api/v2/"
        + "studies?… or https://clinicaltrials.gov/api/v2/studies/"
        + nct
        + ") and upload that";
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
        conditions != null ? fitAll(conditions.conditions(), 300, "condition") : trial.conditions();
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
   * The investigator who oversees the study: a principal investigator first, then a chair. A study
   * director is the sponsor's employee (often a department, "Clinical Trial Management"), not an
   * investigator; the page lists every official with their role instead.
   */
  private String overseenBy() {
    for (ContactRole role : List.of(ContactRole.PRINCIPAL_INVESTIGATOR, ContactRole.STUDY_CHAIR)) {
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
      if (created) {
        trial.eligibilityUnstated();
      }
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
    List<CriterionText> oldCriteria = trial.criteria();
    if (!trial.eligibilityStated()
        || !Objects.equals(min, oldMin)
        || !Objects.equals(max, oldMax)
        || sex != oldSex
        || e.healthyVolunteers() != trial.healthyVolunteers()
        || !Objects.equals(Render.criteria(criteria), Render.criteria(trial.criteria()))) {
      trial.defineEligibility(
          trial.eligibilitySummary(), min, max, sex, e.healthyVolunteers(), criteria);
    }
    String wanted = RegistryCriteria.document(nct, min, max, sex, criteria);
    String current = trial.criteriaRules();
    if (current == null || RegistryCriteria.isProducedByImport(current)) {
      if (!Objects.equals(wanted, current)) {
        trial.structureCriteria(wanted);
      }
    } else if (!Objects.equals(
        wanted, RegistryCriteria.document(nct, oldMin, oldMax, oldSex, oldCriteria))) {
      warn(
          "the registry's age or sex limits or criteria text changed; the criteria document"
              + " structured by sponsor staff was kept and should be checked");
    }
  }

  /**
   * The registry's criteria; an item whose registry wording is unchanged keeps the wording and key
   * flag staff gave it.
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
        boolean listed = i.armGroupLabels().stream().anyMatch(l -> key(l).equals(key(arm.label())));
        if (listed && !given.contains(i)) {
          given.add(i);
        }
      }
      linked.addAll(given);
      ArmGroup previous =
          trial.armGroups().stream().filter(g -> g.label().equals(label)).findFirst().orElse(null);
      List<Intervention> interventions = new ArrayList<>();
      for (RegistryStudy.Intervention i : given) {
        interventions.add(intervention(i, previous));
      }
      ArmGroup group =
          new ArmGroup(
              label,
              arm.type(),
              fit(arm.description(), 2000, "armGroups.description"),
              interventions);
      group.keepSpanishOf(previous);
      groups.add(group);
    }
    for (RegistryStudy.Intervention i : module.interventions()) {
      if (!linked.contains(i)) {
        warn(
            "armsInterventionsModule: intervention \""
                + i.name()
                + "\" belongs to no arm group; it is listed among the study's treatments");
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
    Matcher m = InterventionNames.TYPED_NAME.matcher(reference);
    String name = m.matches() ? m.group(2) : reference;
    RegistryStudy.Intervention i = byName.get(key(name));
    if (i != null) {
      return i;
    }
    InterventionType type = m.matches() ? InterventionNames.typeOf(m.group(1)) : null;
    warn(
        "armsInterventionsModule: arm group names intervention \""
            + reference
            + "\", which the interventions"
            + " list lacks; "
            + (type == null ? "dropped" : "imported from its name"));
    return type == null
        ? null
        : new RegistryStudy.Intervention(type, name.strip(), List.of(), null, List.of());
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

  /**
   * The registry's further details; a module the record lacks keeps what an earlier import stored
   * from it.
   */
  private void registryDetails() {
    RegistryDetails old = RegistryDetails.parse(trial.registryDetails());
    var status = s.status();
    var design = s.design();
    var officials =
        s.contactsLocations() == null
            ? old.officials()
            : s.contactsLocations().overallOfficials().stream()
                .filter(o -> o.name() != null)
                .map(
                    o ->
                        new RegistryDetails.Official(
                            fit(o.name(), 300, "overallOfficials.name"),
                            o.role() == null ? null : o.role().name(),
                            fit(o.affiliation(), 300, "overallOfficials.affiliation")))
                .toList();
    var interventions =
        s.armsInterventions() == null
            ? old.interventions()
            : s.armsInterventions().interventions().stream()
                .map(
                    i ->
                        new RegistryDetails.InterventionDetail(
                            i.type() == null ? null : i.type().name(),
                            fit(i.name(), 300, "interventions.name"),
                            fit(i.description(), 4000, "interventions.description"),
                            fitAll(i.otherNames(), 300, "interventions.otherNames")))
                .toList();
    RegistryDetails details =
        new RegistryDetails(
            officials,
            // A record that has a study's dates never drops them; a search page asked for some
            // fields only leaves them out, which must not erase them.
            status == null || status.startDate() == null ? old.startDate() : status.startDate(),
            status == null || status.primaryCompletionDate() == null
                ? old.primaryCompletionDate()
                : status.primaryCompletionDate(),
            status == null || status.completionDate() == null
                ? old.completionDate()
                : status.completionDate(),
            status == null ? old.whyStopped() : fit(status.whyStopped(), 1000, "whyStopped"),
            design == null ? old.allocation() : design.allocation(),
            design == null ? old.interventionModel() : design.interventionModel(),
            design == null ? old.primaryPurpose() : design.primaryPurpose(),
            design == null ? old.masking() : design.masking(),
            design == null ? old.whoMasked() : design.whoMasked(),
            s.outcomes() == null
                ? old.primaryOutcomes()
                : s.outcomes().primaryOutcomes().stream()
                    .map(
                        o ->
                            new RegistryDetails.Outcome(
                                fit(o.measure(), 1000, "primaryOutcomes.measure"),
                                fit(o.timeFrame(), 1000, "primaryOutcomes.timeFrame")))
                    .toList(),
            s.identification() == null ? old.secondaryIds() : s.identification().secondaryIds(),
            interventions,
            s.hasResults() == null ? old.hasResults() : s.hasResults());
    String document = details.toJson();
    if (!Objects.equals(document, trial.registryDetails())) {
      trial.describeFromRegistry(document);
    }
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
