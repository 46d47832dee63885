package org.opentrials.portal.services.trials;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the public trial page shows, as plain immutable values: pages never touch managed
 * entities. Enumerations are kept as their ClinicalTrials.gov names; the page translates them.
 */
public record TrialPageView(
    String nct,
    String acronym,
    String briefTitle,
    String officialTitle,
    String studyType,
    List<String> phases,
    List<String> conditions,
    List<String> keywords,
    String overallStatus,
    LocalDate statusVerifiedOn,
    boolean statusMayBeOutdated,
    Integer placesLeft,
    LocalDate placesLeftUntil,
    Integer enrollment,
    String enrollmentType,
    String leadSponsor,
    List<String> collaborators,
    String overseenBy,
    String briefSummary,
    String plainSummary,
    String groupsSummary,
    List<Faq> faq,
    String travelSupport,
    String timeReimbursement,
    Boolean waitlistAvailable,
    Boolean priorSafetyData,
    String eligibilitySummary,
    Integer minimumAgeYears,
    Integer maximumAgeYears,
    String sex,
    List<String> inclusion,
    List<String> exclusion,
    List<String> keyInclusion,
    List<String> keyExclusion,
    List<Group> groups,
    List<ApprovalView> approvals,
    List<ReferenceView> references,
    List<Safety> safetySummaries,
    List<SiteView> sites,
    boolean hasStructuredCriteria,
    boolean eligibilityStated,
    boolean takesParticipants,
    RegistryDetails registry,
    Spanish spanish,
    boolean placesOutdated) {

  /**
   * What sponsor staff wrote in Spanish (null where they did not), and the structured criteria's
   * wording with its language: Spanish where written, else English. The page picks the visitor's
   * language and marks what falls back to English.
   */
  public record Spanish(
      String briefTitle,
      String plainSummary,
      String groupsSummary,
      String eligibilitySummary,
      List<Faq> faq,
      List<GroupText> groups,
      List<LocalText> inclusion,
      List<LocalText> exclusion) {
    public static final Spanish NONE =
        new Spanish(null, null, null, null, List.of(), List.of(), List.of(), List.of());

    /** The Spanish texts of the group at {@code index} (from 0). */
    public GroupText group(int index) {
      return index < groups.size() ? groups.get(index) : new GroupText(null, null);
    }
  }

  /** A treatment group's Spanish label and description, either possibly null. */
  public record GroupText(String label, String description) {}

  /** A text with the language (ISO 639) it is written in. */
  public record LocalText(String text, String language) {}

  /**
   * The site that most recently confirmed a status the same as the trial's, or null when none has:
   * a visitor reads who vouched for the status, and when.
   */
  public SiteView latestSiteConfirmation() {
    return sites.stream()
        .filter(s -> s.statusVerifiedOn() != null && overallStatus.equals(s.status()))
        .max(java.util.Comparator.comparing(SiteView::statusVerifiedOn))
        .orElse(null);
  }

  /**
   * Whether the header warns that the status may be out of date: neither the registry's date nor a
   * site's confirmation is recent.
   */
  public boolean headerStatusMayBeOutdated() {
    SiteView latest = latestSiteConfirmation();
    return statusMayBeOutdated && (latest == null || latest.statusMayBeOutdated());
  }

  /** Whether the places count comes with a date, by when, that has not passed yet. */
  public boolean placesDated() {
    return placesLeftUntil != null && !placesOutdated;
  }

  /** The study's record on ClinicalTrials.gov. */
  public String registryUrl() {
    return "https://clinicaltrials.gov/study/" + nct;
  }

  /** Whether a visitor can pre-screen here: structured criteria, and the study takes people on. */
  public boolean prescreeningAvailable() {
    return hasStructuredCriteria && takesParticipants;
  }

  /** What the page shows as the summary: the sponsor's plain-language one, else the registry's. */
  public String summary() {
    return plainSummary != null ? plainSummary : briefSummary;
  }

  /** Sites grouped by country, then state, in the order of {@link #sites()}. */
  public List<SiteGroup> siteGroups() {
    java.util.Map<String, java.util.List<SiteView>> groups = new java.util.LinkedHashMap<>();
    for (SiteView s : sites) {
      String key =
          (s.country() == null ? "" : s.country()) + "\n" + (s.state() == null ? "" : s.state());
      groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(s);
    }
    return groups.values().stream()
        .map(l -> new SiteGroup(l.get(0).country(), l.get(0).state(), List.copyOf(l)))
        .toList();
  }

  /** Sites of one country and state. */
  public record SiteGroup(String country, String state, List<SiteView> sites) {
    /** "California, United States", "Australia", or null when neither is known. */
    public String label() {
      if (country == null) {
        return state;
      }
      return state == null ? country : state + ", " + country;
    }
  }

  /**
   * A question with its answer, and the numbers of the references (1-based, as the page numbers
   * them) the answer rests on.
   */
  public record Faq(String question, String answer, List<Integer> references) {
    private static final java.util.regex.Pattern TRAILING_MARKERS =
        java.util.regex.Pattern.compile("(?:\\s*\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\])+\\s*$");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");

    /**
     * The answer as the sponsor wrote it, with its reference markers ("... lupus. [1][4][5]" or
     * "[1, 4, 5]") at the end taken out of the text and kept as numbers; a number with no reference
     * behind it is dropped.
     */
    public static Faq of(String question, String answer, int referenceCount) {
      var m = TRAILING_MARKERS.matcher(answer);
      if (!m.find() || m.start() == 0) {
        return new Faq(question, answer, List.of());
      }
      java.util.TreeSet<Integer> refs = new java.util.TreeSet<>();
      var n = NUMBER.matcher(m.group());
      while (n.find()) {
        int i = Integer.parseInt(n.group());
        if (i >= 1 && i <= referenceCount) {
          refs.add(i);
        }
      }
      return new Faq(question, answer.substring(0, m.start()).strip(), List.copyOf(refs));
    }
  }

  public record Group(
      String label, String type, String description, List<InterventionView> interventions) {}

  public record InterventionView(
      String name,
      String type,
      BigDecimal doseAmount,
      String doseUnit,
      boolean perKilogram,
      String administration) {
    public boolean hasDose() {
      return doseAmount != null;
    }
  }

  public record ApprovalView(
      String subject, String countryCode, String approvedName, List<String> indications) {}

  public record ReferenceView(
      String title, Integer year, String abstractText, String pmid, String citation) {
    /** The article on PubMed, or null without a PMID. */
    public String pubmedUrl() {
      return pmid == null || pmid.isBlank()
          ? null
          : "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
    }
  }

  public record Safety(String text, LocalDate asOf) {}

  /** The sites that take participants, nearest first once the visitor's location is known. */
  public List<SiteView> recruitingSites() {
    return sites.stream().filter(SiteView::recruiting).toList();
  }

  /** The nearest site that takes participants, if the visitor's location and a site's are known. */
  public SiteView nearestRecruitingSite() {
    return sites.stream()
        .filter(s -> s.recruiting() && s.distanceMiles() != null)
        .findFirst()
        .orElse(null);
  }
}
