package org.opentrials.portal.domain.trial;

import java.util.List;
import java.util.Objects;
import org.opentrials.portal.domain.shared.Require;

/**
 * The part of a trial that sponsor staff write for patients and keep current: plain-language texts,
 * FAQ, treatment groups and doses, approvals elsewhere, references, safety summaries and the
 * structured eligibility rules. A value: sponsor staff edit a copy as a draft, and publishing
 * replaces the trial's content with it in one step. What the registry owns (titles, status, sites,
 * the criteria wording) is not part of it, except the Spanish title: a translation sponsor staff
 * write, kept with the other Spanish texts in {@link SpanishTexts}.
 */
public record TrialContent(
    String plainSummary,
    String groupsSummary,
    String eligibilitySummary,
    List<FaqEntry> faq,
    List<Group> groups,
    List<ApprovalElsewhere> approvals,
    List<Reference> references,
    List<SafetySummary> safetySummaries,
    String criteriaRules,
    SpanishTexts spanish) {

  public static final int MAX_TEXT = 20_000;
  public static final int MAX_ITEMS = 200;

  public TrialContent {
    plainSummary = Require.optionalText(plainSummary, "plain-language summary", MAX_TEXT);
    groupsSummary = Require.optionalText(groupsSummary, "groups summary", MAX_TEXT);
    eligibilitySummary = Require.optionalText(eligibilitySummary, "eligibility summary", MAX_TEXT);
    faq = items(faq, "FAQ entries");
    groups = items(groups, "treatment groups");
    approvals = items(approvals, "approvals");
    references = items(references, "references");
    safetySummaries = items(safetySummaries, "safety summaries");
    criteriaRules = Require.optionalText(criteriaRules, "criteria rules", 200_000);
    spanish = spanish == null ? SpanishTexts.NONE : spanish;
    if (spanish.groups().size() > groups.size()) {
      throw new IllegalArgumentException("Spanish texts for a treatment group that does not exist");
    }
  }

  /** Content without Spanish texts. */
  public TrialContent(
      String plainSummary,
      String groupsSummary,
      String eligibilitySummary,
      List<FaqEntry> faq,
      List<Group> groups,
      List<ApprovalElsewhere> approvals,
      List<Reference> references,
      List<SafetySummary> safetySummaries,
      String criteriaRules) {
    this(
        plainSummary,
        groupsSummary,
        eligibilitySummary,
        faq,
        groups,
        approvals,
        references,
        safetySummaries,
        criteriaRules,
        SpanishTexts.NONE);
  }

  /** The same content with these Spanish texts. */
  public TrialContent withSpanish(SpanishTexts texts) {
    return new TrialContent(
        plainSummary,
        groupsSummary,
        eligibilitySummary,
        faq,
        groups,
        approvals,
        references,
        safetySummaries,
        criteriaRules,
        texts);
  }

  private static <T> List<T> items(List<T> list, String what) {
    List<T> copy = List.copyOf(Require.present(list, what));
    if (copy.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("more than " + MAX_ITEMS + " " + what);
    }
    return copy;
  }

  /** A treatment group (arm) and what its participants receive, with doses. */
  public record Group(
      String label, ArmGroupType type, String description, List<Intervention> interventions) {
    public Group {
      label = Require.text(label, "group label", 300);
      description = Require.optionalText(description, "group description", 2000);
      interventions = List.copyOf(Require.present(interventions, "interventions"));
    }

    ArmGroup toEntity() {
      return new ArmGroup(label, type, description, interventions);
    }

    static Group of(ArmGroup a) {
      return new Group(a.label(), a.type(), a.description(), a.interventions());
    }
  }

  /** An approval of the product elsewhere: by whom (country), under which name, for what. */
  public record ApprovalElsewhere(
      String subject, String countryCode, String approvedName, List<String> indications) {
    public ApprovalElsewhere {
      indications = List.copyOf(Require.present(indications, "indications"));
      new Approval(
          subject, countryCode, approvedName, indications); // the entity's rules, checked now
    }

    Approval toEntity() {
      return new Approval(subject, countryCode, approvedName, indications);
    }

    static ApprovalElsewhere of(Approval a) {
      return new ApprovalElsewhere(a.subject(), a.countryCode(), a.approvedName(), a.indications());
    }
  }

  /** Equal content, compared value by value (the embeddables compare by their fields). */
  public boolean sameAs(TrialContent other) {
    return other != null && Objects.equals(ContentFields.of(this), ContentFields.of(other));
  }
}
