package org.opentrials.portal.admin.trials;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.Dose;
import org.opentrials.portal.domain.trial.FaqEntry;
import org.opentrials.portal.domain.trial.Intervention;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.Reference;
import org.opentrials.portal.domain.trial.ReferenceType;
import org.opentrials.portal.domain.trial.SafetySummary;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * What the content page edits: the trial's content as mutable rows that the form binds to. Rows can
 * be added, removed and moved without any check, so a half-filled row never blocks anything; {@link
 * #toContent(Clock)} checks everything at once and names each problem by the field's id in the form
 * (e.g. {@code references:2:title}) and a bundle key. The criteria rules are carried through
 * unchanged: their own page edits them.
 */
public class ContentDraftForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String plainSummary;
  private String groupsSummary;
  private String eligibilitySummary;
  private final List<FaqRow> faq = new ArrayList<>();
  private final List<GroupRow> groups = new ArrayList<>();
  private final List<ApprovalRow> approvals = new ArrayList<>();
  private final List<ReferenceRow> references = new ArrayList<>();
  private final List<SafetyRow> safety = new ArrayList<>();
  private String criteriaRules;
  private String briefTitleEs;
  private String plainSummaryEs;
  private String groupsSummaryEs;
  private String eligibilitySummaryEs;
  private final List<FaqRow> faqEs = new ArrayList<>();

  /** A problem with one field: where it is in the form, and the bundle key that explains it. */
  public record Problem(String fieldId, String messageKey) implements Serializable {}

  /** Either content, or the problems that prevent it. */
  public record Result(TrialContent content, List<Problem> problems) {
    public boolean ok() {
      return content != null;
    }
  }

  public static ContentDraftForm of(TrialContent c) {
    ContentDraftForm f = new ContentDraftForm();
    f.plainSummary = c.plainSummary();
    f.groupsSummary = c.groupsSummary();
    f.eligibilitySummary = c.eligibilitySummary();
    c.faq().forEach(e -> f.faq.add(new FaqRow(e.question(), e.answer())));
    c.groups()
        .forEach(
            g -> {
              GroupRow row = new GroupRow();
              row.label = g.label();
              row.type = g.type();
              row.description = g.description();
              g.interventions().forEach(i -> row.interventions.add(InterventionRow.of(i)));
              f.groups.add(row);
            });
    c.approvals()
        .forEach(
            a -> {
              ApprovalRow row = new ApprovalRow();
              row.subject = a.subject();
              row.countryCode = a.countryCode();
              row.approvedName = a.approvedName();
              row.indications = String.join("\n", a.indications());
              f.approvals.add(row);
            });
    c.references()
        .forEach(
            r -> {
              ReferenceRow row = new ReferenceRow();
              row.title = r.title();
              row.year = r.year();
              row.abstractText = r.abstractText();
              row.pmid = r.pmid();
              row.citation = r.citation();
              row.type = r.type();
              f.references.add(row);
            });
    c.safetySummaries()
        .forEach(
            s -> {
              SafetyRow row = new SafetyRow();
              row.text = s.text();
              row.asOf = s.asOf();
              f.safety.add(row);
            });
    f.criteriaRules = c.criteriaRules();
    SpanishTexts es = c.spanish();
    f.briefTitleEs = es.briefTitle();
    f.plainSummaryEs = es.plainSummary();
    f.groupsSummaryEs = es.groupsSummary();
    f.eligibilitySummaryEs = es.eligibilitySummary();
    es.faq().forEach(e -> f.faqEs.add(new FaqRow(e.question(), e.answer())));
    for (int n = 0; n < f.groups.size(); n++) {
      f.groups.get(n).labelEs = es.group(n).label();
      f.groups.get(n).descriptionEs = es.group(n).description();
    }
    return f;
  }

  /**
   * @param clock today, for the dates that cannot lie in the future
   */
  public Result toContent(Clock clock) {
    List<Problem> problems = new ArrayList<>();
    length(problems, "plainSummary", plainSummary, TrialContent.MAX_TEXT);
    length(problems, "groupsSummary", groupsSummary, TrialContent.MAX_TEXT);
    length(problems, "eligibilitySummary", eligibilitySummary, TrialContent.MAX_TEXT);
    List<FaqEntry> faqEntries = new ArrayList<>();
    for (int n = 0; n < faq.size(); n++) {
      FaqRow r = faq.get(n);
      String at = "faq:" + n + ":";
      if (required(problems, at + "question", r.question, 500)
          & required(problems, at + "answer", r.answer, TrialContent.MAX_TEXT)) {
        faqEntries.add(new FaqEntry(r.question.strip(), r.answer.strip()));
      }
    }
    length(problems, "briefTitleEs", briefTitleEs, 300);
    length(problems, "plainSummaryEs", plainSummaryEs, TrialContent.MAX_TEXT);
    length(problems, "groupsSummaryEs", groupsSummaryEs, TrialContent.MAX_TEXT);
    length(problems, "eligibilitySummaryEs", eligibilitySummaryEs, TrialContent.MAX_TEXT);
    List<FaqEntry> faqEsEntries = new ArrayList<>();
    for (int n = 0; n < faqEs.size(); n++) {
      FaqRow r = faqEs.get(n);
      String at = "faqEs:" + n + ":";
      if (required(problems, at + "question", r.question, 500)
          & required(problems, at + "answer", r.answer, TrialContent.MAX_TEXT)) {
        faqEsEntries.add(new FaqEntry(r.question.strip(), r.answer.strip()));
      }
    }
    List<SpanishTexts.GroupText> groupTextsEs = new ArrayList<>();
    List<TrialContent.Group> groupValues = new ArrayList<>();
    for (int n = 0; n < groups.size(); n++) {
      GroupRow g = groups.get(n);
      String at = "groups:" + n + ":";
      boolean ok =
          required(problems, at + "label", g.label, 300)
              & length(problems, at + "description", g.description, 2000)
              & length(problems, at + "labelEs", g.labelEs, 300)
              & length(problems, at + "descriptionEs", g.descriptionEs, 2000);
      if (ok) {
        groupTextsEs.add(new SpanishTexts.GroupText(strip(g.labelEs), strip(g.descriptionEs)));
      }
      List<Intervention> interventions = new ArrayList<>();
      for (int m = 0; m < g.interventions.size(); m++) {
        InterventionRow i = g.interventions.get(m);
        String iat = at + "interventions:" + m + ":";
        boolean iok =
            required(problems, iat + "name", i.name, 300)
                & length(problems, iat + "administration", i.administration, 500);
        if (i.type == null) {
          problems.add(new Problem(iat + "type", "content.invalid.required"));
          iok = false;
        }
        Dose dose = null;
        if (i.doseAmount != null || !blank(i.doseUnit)) {
          if (i.doseAmount == null || i.doseAmount.signum() <= 0) {
            problems.add(new Problem(iat + "doseAmount", "content.invalid.doseAmount"));
            iok = false;
          } else if (blank(i.doseUnit) || i.doseUnit.strip().length() > 40) {
            problems.add(new Problem(iat + "doseUnit", "content.invalid.doseUnit"));
            iok = false;
          } else {
            dose = new Dose(i.doseAmount, i.doseUnit, i.perKilogram);
          }
        }
        if (iok) {
          interventions.add(
              new Intervention(i.name.strip(), i.type, dose, strip(i.administration)));
        }
      }
      if (ok) {
        groupValues.add(
            new TrialContent.Group(g.label.strip(), g.type, strip(g.description), interventions));
      }
    }
    List<TrialContent.ApprovalElsewhere> approvalValues = new ArrayList<>();
    for (int n = 0; n < approvals.size(); n++) {
      ApprovalRow a = approvals.get(n);
      String at = "approvals:" + n + ":";
      boolean ok =
          required(problems, at + "subject", a.subject, 300)
              & required(problems, at + "approvedName", a.approvedName, 300);
      if (a.countryCode == null || !a.countryCode.strip().matches("[A-Za-z]{2}")) {
        problems.add(new Problem(at + "countryCode", "content.invalid.countryCode"));
        ok = false;
      }
      List<String> indications = lines(a.indications);
      if (indications.isEmpty() || indications.stream().anyMatch(i -> i.length() > 300)) {
        problems.add(new Problem(at + "indications", "content.invalid.indications"));
        ok = false;
      }
      if (ok) {
        approvalValues.add(
            new TrialContent.ApprovalElsewhere(
                a.subject.strip(),
                a.countryCode.strip().toUpperCase(Locale.ROOT),
                a.approvedName.strip(),
                indications));
      }
    }
    List<Reference> referenceValues = new ArrayList<>();
    for (int n = 0; n < references.size(); n++) {
      ReferenceRow r = references.get(n);
      String at = "references:" + n + ":";
      boolean ok =
          required(problems, at + "title", r.title, 1000)
              & length(problems, at + "abstract", r.abstractText, TrialContent.MAX_TEXT)
              & length(problems, at + "citation", r.citation, 2000);
      if (r.year != null && (r.year < 1800 || r.year > Year.now(clock).getValue() + 1)) {
        problems.add(new Problem(at + "year", "content.invalid.year"));
        ok = false;
      }
      if (!blank(r.pmid) && !r.pmid.strip().matches("\\d{1,9}")) {
        problems.add(new Problem(at + "pmid", "content.invalid.pmid"));
        ok = false;
      }
      if (ok) {
        referenceValues.add(
            new Reference(
                r.title.strip(),
                r.year,
                strip(r.abstractText),
                strip(r.pmid),
                strip(r.citation),
                r.type,
                clock));
      }
    }
    List<SafetySummary> safetyValues = new ArrayList<>();
    for (int n = 0; n < safety.size(); n++) {
      SafetyRow s = safety.get(n);
      String at = "safety:" + n + ":";
      boolean ok = required(problems, at + "text", s.text, TrialContent.MAX_TEXT);
      if (s.asOf == null) {
        problems.add(new Problem(at + "asOf", "content.invalid.asOf"));
        ok = false;
      } else if (s.asOf.isAfter(LocalDate.now(clock).plusDays(1))) {
        problems.add(new Problem(at + "asOf", "content.invalid.asOfFuture"));
        ok = false;
      }
      if (ok) {
        safetyValues.add(new SafetySummary(s.text.strip(), s.asOf));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, List.copyOf(problems));
    }
    return new Result(
        new TrialContent(
            strip(plainSummary),
            strip(groupsSummary),
            strip(eligibilitySummary),
            faqEntries,
            groupValues,
            approvalValues,
            referenceValues,
            safetyValues,
            criteriaRules,
            new SpanishTexts(
                strip(briefTitleEs),
                strip(plainSummaryEs),
                strip(groupsSummaryEs),
                strip(eligibilitySummaryEs),
                faqEsEntries,
                groupTextsEs)),
        List.of());
  }

  // --- rows: add, remove, move ---------------------------------------------------------------

  public void add(String list) {
    switch (list) {
      case "faq" -> faq.add(new FaqRow(null, null));
      case "faqEs" -> faqEs.add(new FaqRow(null, null));
      case "groups" -> groups.add(new GroupRow());
      case "approvals" -> approvals.add(new ApprovalRow());
      case "references" -> references.add(new ReferenceRow());
      case "safety" -> safety.add(new SafetyRow());
      default -> throw new IllegalArgumentException("no list " + list);
    }
  }

  public void remove(String list, int index) {
    List<?> rows = rows(list);
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
    }
  }

  /** Moves a row one place up (towards the top of the page); the first row stays. */
  public void moveUp(String list, int index) {
    List<?> rows = rows(list);
    if (index > 0 && index < rows.size()) {
      java.util.Collections.swap(rows, index, index - 1);
    }
  }

  public void addIntervention(int group) {
    if (group >= 0 && group < groups.size()) {
      groups.get(group).interventions.add(new InterventionRow());
    }
  }

  public void removeIntervention(int group, int index) {
    if (group >= 0 && group < groups.size()) {
      List<InterventionRow> rows = groups.get(group).interventions;
      if (index >= 0 && index < rows.size()) {
        rows.remove(index);
      }
    }
  }

  private List<?> rows(String list) {
    return switch (list) {
      case "faq" -> faq;
      case "faqEs" -> faqEs;
      case "groups" -> groups;
      case "approvals" -> approvals;
      case "references" -> references;
      case "safety" -> safety;
      default -> throw new IllegalArgumentException("no list " + list);
    };
  }

  // --- checks ----------------------------------------------------------------------------------

  private static boolean required(List<Problem> problems, String id, String value, int max) {
    if (blank(value)) {
      problems.add(new Problem(id, "content.invalid.required"));
      return false;
    }
    return length(problems, id, value, max);
  }

  private static boolean length(List<Problem> problems, String id, String value, int max) {
    if (value != null && value.strip().length() > max) {
      problems.add(new Problem(id, "content.invalid.tooLong"));
      return false;
    }
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String strip(String s) {
    return blank(s) ? null : s.strip();
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  // --- the rows --------------------------------------------------------------------------------

  public static class FaqRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String question;
    private String answer;

    FaqRow(String question, String answer) {
      this.question = question;
      this.answer = answer;
    }

    public String getQuestion() {
      return question;
    }

    public void setQuestion(String question) {
      this.question = question;
    }

    public String getAnswer() {
      return answer;
    }

    public void setAnswer(String answer) {
      this.answer = answer;
    }
  }

  public static class GroupRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String label;
    private ArmGroupType type;
    private String description;
    private String labelEs;
    private String descriptionEs;
    private final List<InterventionRow> interventions = new ArrayList<>();

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public ArmGroupType getType() {
      return type;
    }

    public void setType(ArmGroupType type) {
      this.type = type;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getLabelEs() {
      return labelEs;
    }

    public void setLabelEs(String labelEs) {
      this.labelEs = labelEs;
    }

    public String getDescriptionEs() {
      return descriptionEs;
    }

    public void setDescriptionEs(String descriptionEs) {
      this.descriptionEs = descriptionEs;
    }

    public List<InterventionRow> getInterventions() {
      return interventions;
    }
  }

  public static class InterventionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private InterventionType type;
    private BigDecimal doseAmount;
    private String doseUnit;
    private boolean perKilogram;
    private String administration;

    /** 1000000 rather than the stored 1000000.000000: the amount as the sponsor typed it. */
    private static BigDecimal plain(BigDecimal amount) {
      BigDecimal v = amount.stripTrailingZeros();
      return v.scale() < 0 ? v.setScale(0) : v;
    }

    static InterventionRow of(Intervention i) {
      InterventionRow row = new InterventionRow();
      row.name = i.name();
      row.type = i.type();
      if (i.dose() != null) {
        row.doseAmount = plain(i.dose().amount());
        row.doseUnit = i.dose().unit();
        row.perKilogram = i.dose().perKilogram();
      }
      row.administration = i.administration();
      return row;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public InterventionType getType() {
      return type;
    }

    public void setType(InterventionType type) {
      this.type = type;
    }

    public BigDecimal getDoseAmount() {
      return doseAmount;
    }

    public void setDoseAmount(BigDecimal doseAmount) {
      this.doseAmount = doseAmount;
    }

    public String getDoseUnit() {
      return doseUnit;
    }

    public void setDoseUnit(String doseUnit) {
      this.doseUnit = doseUnit;
    }

    public boolean isPerKilogram() {
      return perKilogram;
    }

    public void setPerKilogram(boolean perKilogram) {
      this.perKilogram = perKilogram;
    }

    public String getAdministration() {
      return administration;
    }

    public void setAdministration(String administration) {
      this.administration = administration;
    }
  }

  public static class ApprovalRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String subject;
    private String countryCode;
    private String approvedName;
    private String indications;

    public String getSubject() {
      return subject;
    }

    public void setSubject(String subject) {
      this.subject = subject;
    }

    public String getCountryCode() {
      return countryCode;
    }

    public void setCountryCode(String countryCode) {
      this.countryCode = countryCode;
    }

    public String getApprovedName() {
      return approvedName;
    }

    public void setApprovedName(String approvedName) {
      this.approvedName = approvedName;
    }

    public String getIndications() {
      return indications;
    }

    public void setIndications(String indications) {
      this.indications = indications;
    }
  }

  public static class ReferenceRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String title;
    private Integer year;
    private String abstractText;
    private String pmid;
    private String citation;
    private ReferenceType type;

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public Integer getYear() {
      return year;
    }

    public void setYear(Integer year) {
      this.year = year;
    }

    public String getAbstractText() {
      return abstractText;
    }

    public void setAbstractText(String abstractText) {
      this.abstractText = abstractText;
    }

    public String getPmid() {
      return pmid;
    }

    public void setPmid(String pmid) {
      this.pmid = pmid;
    }

    public String getCitation() {
      return citation;
    }

    public void setCitation(String citation) {
      this.citation = citation;
    }

    public ReferenceType getType() {
      return type;
    }

    public void setType(ReferenceType type) {
      this.type = type;
    }
  }

  public static class SafetyRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String text;
    private LocalDate asOf;

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public LocalDate getAsOf() {
      return asOf;
    }

    public void setAsOf(LocalDate asOf) {
      this.asOf = asOf;
    }
  }

  // --- top-level fields ------------------------------------------------------------------------

  public String getPlainSummary() {
    return plainSummary;
  }

  public void setPlainSummary(String plainSummary) {
    this.plainSummary = plainSummary;
  }

  public String getGroupsSummary() {
    return groupsSummary;
  }

  public void setGroupsSummary(String groupsSummary) {
    this.groupsSummary = groupsSummary;
  }

  public String getEligibilitySummary() {
    return eligibilitySummary;
  }

  public void setEligibilitySummary(String eligibilitySummary) {
    this.eligibilitySummary = eligibilitySummary;
  }

  public List<FaqRow> getFaq() {
    return faq;
  }

  public List<GroupRow> getGroups() {
    return groups;
  }

  public List<ApprovalRow> getApprovals() {
    return approvals;
  }

  public List<ReferenceRow> getReferences() {
    return references;
  }

  public List<SafetyRow> getSafety() {
    return safety;
  }

  // --- Spanish texts (empty: the public page shows the English one, marked as English) ---------

  public String getBriefTitleEs() {
    return briefTitleEs;
  }

  public void setBriefTitleEs(String briefTitleEs) {
    this.briefTitleEs = briefTitleEs;
  }

  public String getPlainSummaryEs() {
    return plainSummaryEs;
  }

  public void setPlainSummaryEs(String plainSummaryEs) {
    this.plainSummaryEs = plainSummaryEs;
  }

  public String getGroupsSummaryEs() {
    return groupsSummaryEs;
  }

  public void setGroupsSummaryEs(String groupsSummaryEs) {
    this.groupsSummaryEs = groupsSummaryEs;
  }

  public String getEligibilitySummaryEs() {
    return eligibilitySummaryEs;
  }

  public void setEligibilitySummaryEs(String eligibilitySummaryEs) {
    this.eligibilitySummaryEs = eligibilitySummaryEs;
  }

  public List<FaqRow> getFaqEs() {
    return faqEs;
  }
}
