package org.opentrials.portal.domain.trial;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opentrials.portal.domain.shared.Require;

/**
 * A clinical trial as the portal publishes it: what it tests, who can join, its treatment groups,
 * evidence and safety so far, and who runs it. Sites are a separate aggregate that refers to the
 * trial by its {@link NctNumber}, because investigators keep them current on their own.
 */
@Entity
@Table(name = "trial")
public class Trial {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trial_seq")
  @SequenceGenerator(name = "trial_seq", sequenceName = "trial_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "nct_id", length = 11, nullable = false, unique = true, updatable = false)
  private NctNumber nctId;

  @Column(name = "acronym", length = 40)
  private String acronym;

  @Column(name = "brief_title", length = 300, nullable = false)
  private String briefTitle;

  @Column(name = "official_title", length = 1000)
  private String officialTitle;

  @Enumerated(EnumType.STRING)
  @Column(name = "study_type", length = 20, nullable = false)
  private StudyType studyType;

  @ElementCollection
  @CollectionTable(name = "trial_phase", joinColumns = @JoinColumn(name = "trial_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "phase", length = 20, nullable = false)
  private Set<Phase> phases = new TreeSet<>();

  @ElementCollection
  @CollectionTable(name = "trial_condition", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  @Column(name = "condition_name", length = 300, nullable = false)
  private List<String> conditions = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "trial_keyword", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  @Column(name = "keyword", length = 300, nullable = false)
  private List<String> keywords = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "overall_status", length = 30, nullable = false)
  private OverallStatus overallStatus;

  /** When the status was last confirmed; null when nobody has confirmed it. */
  @Column(name = "status_verified_on")
  private LocalDate statusVerifiedOn;

  @Column(name = "enrollment")
  private Integer enrollment;

  @Enumerated(EnumType.STRING)
  @Column(name = "enrollment_type", length = 10)
  private EnrollmentType enrollmentType;

  /** Places left across the trial as the sponsor states them, and the date they are open until. */
  @Column(name = "places_left")
  private Integer placesLeft;

  @Column(name = "places_left_until")
  private LocalDate placesLeftUntil;

  @Column(name = "lead_sponsor", length = 300, nullable = false)
  private String leadSponsor;

  @ElementCollection
  @CollectionTable(name = "trial_collaborator", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  @Column(name = "collaborator", length = 300, nullable = false)
  private List<String> collaborators = new ArrayList<>();

  /** The investigator who oversees the whole study, e.g. "Gary S. Gilkeson, MD". */
  @Column(name = "overseen_by", length = 300)
  private String overseenBy;

  @Column(name = "brief_summary", length = 20000)
  private String briefSummary;

  @Column(name = "plain_summary", length = 20000)
  private String plainSummary;

  @Column(name = "groups_summary", length = 20000)
  private String groupsSummary;

  @ElementCollection
  @CollectionTable(name = "trial_faq", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  private List<FaqEntry> faq = new ArrayList<>();

  @Column(name = "brief_title_es", length = 300)
  private String briefTitleEs;

  @Column(name = "plain_summary_es", length = 20000)
  private String plainSummaryEs;

  @Column(name = "groups_summary_es", length = 20000)
  private String groupsSummaryEs;

  @Column(name = "eligibility_summary_es", length = 20000)
  private String eligibilitySummaryEs;

  @ElementCollection
  @CollectionTable(name = "trial_faq_es", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  private List<FaqEntry> faqEs = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "travel_support", length = 20, nullable = false)
  private SupportLevel travelSupport = SupportLevel.NOT_STATED;

  @Enumerated(EnumType.STRING)
  @Column(name = "time_reimbursement", length = 20, nullable = false)
  private SupportLevel timeReimbursement = SupportLevel.NOT_STATED;

  /** Null when nobody has said (the registry has no such field). */
  @Column(name = "waitlist_available")
  private Boolean waitlistAvailable;

  /** Null when nobody has said (the registry has no such field). */
  @Column(name = "prior_safety_data")
  private Boolean priorSafetyData;

  @Column(name = "eligibility_summary", length = 20000)
  private String eligibilitySummary;

  @Column(name = "minimum_age", length = 20)
  private AgeLimit minimumAge;

  @Column(name = "maximum_age", length = 20)
  private AgeLimit maximumAge;

  @Enumerated(EnumType.STRING)
  @Column(name = "sex", length = 10, nullable = false)
  private Sex sex = Sex.ALL;

  @Column(name = "healthy_volunteers", nullable = false)
  private boolean healthyVolunteers;

  /**
   * False while nobody has stated who can join (a registry record without an eligibility module):
   * age and sex limits are then unknown, not "any".
   */
  @Column(name = "eligibility_stated", nullable = false)
  private boolean eligibilityStated = true;

  /**
   * What the registry publishes beyond the portal's own fields (officials with roles, dates with
   * their precision, design, outcomes, secondary ids, interventions with descriptions), as one JSON
   * document the import writes and only the import changes; null for a trial never imported.
   */
  @Column(name = "registry_details", length = 100000)
  private String registryDetails;

  @ElementCollection
  @CollectionTable(name = "trial_criterion", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  private List<CriterionText> criteria = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "trial_id", nullable = false)
  @OrderColumn(name = "position")
  private List<ArmGroup> armGroups = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "trial_id", nullable = false)
  @OrderColumn(name = "position")
  private List<Approval> approvals = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "trial_reference", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  private List<Reference> references = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "safety_summary", joinColumns = @JoinColumn(name = "trial_id"))
  @OrderColumn(name = "position")
  private List<SafetySummary> safetySummaries = new ArrayList<>();

  /**
   * The structured eligibility rules as the eligibility module's JSON document; null if none yet.
   */
  @Column(name = "criteria_rules", length = 200000)
  private String criteriaRules;

  @Column(name = "published", nullable = false)
  private boolean published;

  protected Trial() {}

  public Trial(
      NctNumber nctId,
      String briefTitle,
      StudyType studyType,
      OverallStatus overallStatus,
      String leadSponsor) {
    this.nctId = Require.present(nctId, "NCT number");
    this.briefTitle = Require.text(briefTitle, "brief title", 300);
    this.studyType = Require.present(studyType, "study type");
    this.overallStatus = Require.present(overallStatus, "overall status");
    this.leadSponsor = Require.text(leadSponsor, "lead sponsor", 300);
  }

  // --- identification and status -------------------------------------------------------------

  public void identify(String acronym, String briefTitle, String officialTitle) {
    this.acronym = Require.optionalText(acronym, "acronym", 40);
    this.briefTitle = Require.text(briefTitle, "brief title", 300);
    this.officialTitle = Require.optionalText(officialTitle, "official title", 1000);
  }

  /**
   * As {@link org.opentrials.portal.domain.site.Site#changeStatus}: verified by tomorrow at most.
   */
  public void changeStatus(OverallStatus status, LocalDate verifiedOn, Clock clock) {
    Require.present(status, "overall status");
    if (verifiedOn != null && verifiedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new IllegalArgumentException("a status cannot be verified in the future");
    }
    this.overallStatus = status;
    this.statusVerifiedOn = verifiedOn;
  }

  public void classify(Set<Phase> phases, List<String> conditions, List<String> keywords) {
    this.phases = phases.isEmpty() ? new TreeSet<>() : new TreeSet<>(EnumSet.copyOf(phases));
    this.conditions = texts(conditions, "condition");
    this.keywords = texts(keywords, "keyword");
  }

  public void plan(
      Integer enrollment,
      EnrollmentType enrollmentType,
      Integer placesLeft,
      LocalDate placesLeftUntil) {
    this.enrollment = Require.nonNegative(enrollment, "enrolment");
    this.enrollmentType = enrollmentType;
    this.placesLeft = Require.nonNegative(placesLeft, "places left");
    this.placesLeftUntil = placesLeftUntil;
  }

  public void sponsoredBy(String leadSponsor, List<String> collaborators, String overseenBy) {
    this.leadSponsor = Require.text(leadSponsor, "lead sponsor", 300);
    this.collaborators = texts(collaborators, "collaborator");
    this.overseenBy = Require.optionalText(overseenBy, "overseen by", 300);
  }

  // --- content for patients ----------------------------------------------------------------

  public void describe(String briefSummary, String plainSummary, String groupsSummary) {
    this.briefSummary = Require.optionalText(briefSummary, "brief summary", 20_000);
    this.plainSummary = Require.optionalText(plainSummary, "plain-language summary", 20_000);
    this.groupsSummary = Require.optionalText(groupsSummary, "groups summary", 20_000);
  }

  public void offer(
      SupportLevel travel,
      SupportLevel timeReimbursement,
      Boolean waitlist,
      Boolean priorSafetyData) {
    this.travelSupport = Require.present(travel, "travel support");
    this.timeReimbursement = Require.present(timeReimbursement, "time reimbursement");
    this.waitlistAvailable = waitlist;
    this.priorSafetyData = priorSafetyData;
  }

  public void replaceFaq(List<FaqEntry> entries) {
    this.faq = new ArrayList<>(Require.present(entries, "FAQ"));
  }

  public void defineEligibility(
      String summary,
      AgeLimit minimumAge,
      AgeLimit maximumAge,
      Sex sex,
      boolean healthyVolunteers,
      List<CriterionText> criteria) {
    if (minimumAge != null
        && maximumAge != null
        && minimumAge.wholeYears() > maximumAge.wholeYears()) {
      throw new IllegalArgumentException("minimum age is above maximum age");
    }
    this.eligibilitySummary = Require.optionalText(summary, "eligibility summary", 20_000);
    this.minimumAge = minimumAge;
    this.maximumAge = maximumAge;
    this.sex = Require.present(sex, "sex");
    this.healthyVolunteers = healthyVolunteers;
    this.criteria = new ArrayList<>(Require.present(criteria, "criteria"));
    this.eligibilityStated = true;
  }

  /** Records that nobody has stated who can join: age and sex limits are unknown. */
  public void eligibilityUnstated() {
    this.eligibilityStated = false;
  }

  /** Replaces the registry's further details (see {@link #registryDetails()}). */
  public void describeFromRegistry(String registryDetailsDocument) {
    this.registryDetails = registryDetailsDocument;
  }

  public void structureCriteria(String rulesDocument) {
    this.criteriaRules = rulesDocument;
  }

  public void replaceArmGroups(List<ArmGroup> groups) {
    this.armGroups.clear();
    this.armGroups.addAll(Require.present(groups, "treatment groups"));
  }

  public void replaceApprovals(List<Approval> approvals) {
    this.approvals.clear();
    this.approvals.addAll(Require.present(approvals, "approvals"));
  }

  public void replaceReferences(List<Reference> references) {
    this.references = new ArrayList<>(Require.present(references, "references"));
  }

  public void replaceSafetySummaries(List<SafetySummary> summaries) {
    this.safetySummaries = new ArrayList<>(Require.present(summaries, "safety summaries"));
  }

  /** What sponsor staff keep current, as one value (see {@link TrialContent}). */
  public TrialContent content() {
    return new TrialContent(
        plainSummary,
        groupsSummary,
        eligibilitySummary,
        faq,
        armGroups.stream().map(TrialContent.Group::of).toList(),
        approvals.stream().map(TrialContent.ApprovalElsewhere::of).toList(),
        references,
        safetySummaries,
        criteriaRules,
        new SpanishTexts(
            briefTitleEs,
            plainSummaryEs,
            groupsSummaryEs,
            eligibilitySummaryEs,
            faqEs,
            armGroups.stream().map(ArmGroup::spanish).toList()));
  }

  /**
   * Replaces the content with what sponsor staff published. Lists that did not change keep their
   * rows, so publishing a new reference does not rewrite the treatment groups.
   */
  public void replaceContent(TrialContent content) {
    Require.present(content, "content");
    TrialContent now = content();
    this.plainSummary = content.plainSummary();
    this.groupsSummary = content.groupsSummary();
    this.eligibilitySummary = content.eligibilitySummary();
    replaceFaq(content.faq());
    if (!sameGroups(now, content)) {
      replaceArmGroups(content.groups().stream().map(TrialContent.Group::toEntity).toList());
    }
    if (!now.approvals().equals(content.approvals())) {
      replaceApprovals(
          content.approvals().stream().map(TrialContent.ApprovalElsewhere::toEntity).toList());
    }
    replaceReferences(content.references());
    replaceSafetySummaries(content.safetySummaries());
    this.criteriaRules = content.criteriaRules();
    SpanishTexts es = content.spanish();
    this.briefTitleEs = es.briefTitle();
    this.plainSummaryEs = es.plainSummary();
    this.groupsSummaryEs = es.groupsSummary();
    this.eligibilitySummaryEs = es.eligibilitySummary();
    this.faqEs = new ArrayList<>(es.faq());
    for (int i = 0; i < armGroups.size(); i++) {
      armGroups.get(i).translate(es.group(i));
    }
  }

  private static boolean sameGroups(TrialContent a, TrialContent b) {
    return onlyGroups(a).sameAs(onlyGroups(b));
  }

  private static TrialContent onlyGroups(TrialContent c) {
    return new TrialContent(
        null, null, null, List.of(), c.groups(), List.of(), List.of(), List.of(), null);
  }

  public void publish() {
    this.published = true;
  }

  public void withdraw() {
    this.published = false;
  }

  private static List<String> texts(List<String> values, String field) {
    List<String> out = new ArrayList<>();
    for (String v : Require.present(values, field + "s")) {
      out.add(Require.text(v, field, 300));
    }
    return out;
  }

  // --- reading -------------------------------------------------------------------------------

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public NctNumber nctId() {
    return nctId;
  }

  public String acronym() {
    return acronym;
  }

  public String briefTitle() {
    return briefTitle;
  }

  public String officialTitle() {
    return officialTitle;
  }

  public StudyType studyType() {
    return studyType;
  }

  public Set<Phase> phases() {
    return phases.isEmpty() ? Set.of() : EnumSet.copyOf(phases);
  }

  public List<String> conditions() {
    return List.copyOf(conditions);
  }

  public List<String> keywords() {
    return List.copyOf(keywords);
  }

  public OverallStatus overallStatus() {
    return overallStatus;
  }

  public LocalDate statusVerifiedOn() {
    return statusVerifiedOn;
  }

  public Integer enrollment() {
    return enrollment;
  }

  public EnrollmentType enrollmentType() {
    return enrollmentType;
  }

  public Integer placesLeft() {
    return placesLeft;
  }

  public LocalDate placesLeftUntil() {
    return placesLeftUntil;
  }

  public String leadSponsor() {
    return leadSponsor;
  }

  public List<String> collaborators() {
    return List.copyOf(collaborators);
  }

  public String overseenBy() {
    return overseenBy;
  }

  public String briefSummary() {
    return briefSummary;
  }

  public String plainSummary() {
    return plainSummary;
  }

  public String groupsSummary() {
    return groupsSummary;
  }

  public List<FaqEntry> faq() {
    return List.copyOf(faq);
  }

  public SupportLevel travelSupport() {
    return travelSupport;
  }

  public SupportLevel timeReimbursement() {
    return timeReimbursement;
  }

  /** Whether there is a waitlist; null when nobody has said. */
  public Boolean waitlistAvailable() {
    return waitlistAvailable;
  }

  /** Whether there are safety data from earlier studies; null when nobody has said. */
  public Boolean priorSafetyData() {
    return priorSafetyData;
  }

  public boolean eligibilityStated() {
    return eligibilityStated;
  }

  public String registryDetails() {
    return registryDetails;
  }

  public String eligibilitySummary() {
    return eligibilitySummary;
  }

  public AgeLimit minimumAge() {
    return minimumAge;
  }

  public AgeLimit maximumAge() {
    return maximumAge;
  }

  public Sex sex() {
    return sex;
  }

  public boolean healthyVolunteers() {
    return healthyVolunteers;
  }

  public List<CriterionText> criteria() {
    return List.copyOf(criteria);
  }

  public List<ArmGroup> armGroups() {
    return List.copyOf(armGroups);
  }

  public List<Approval> approvals() {
    return List.copyOf(approvals);
  }

  public List<Reference> references() {
    return List.copyOf(references);
  }

  public List<SafetySummary> safetySummaries() {
    return List.copyOf(safetySummaries);
  }

  public String criteriaRules() {
    return criteriaRules;
  }

  public boolean published() {
    return published;
  }
}
