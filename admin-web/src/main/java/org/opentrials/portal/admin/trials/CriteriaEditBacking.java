package org.opentrials.portal.admin.trials;

import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.admin.trials.criteria.CriteriaForm;
import org.opentrials.portal.admin.trials.criteria.CriterionForm;
import org.opentrials.portal.admin.trials.criteria.FieldError;
import org.opentrials.portal.admin.trials.criteria.QuestionPreview;
import org.opentrials.portal.admin.trials.criteria.RuleForm;
import org.opentrials.portal.admin.trials.criteria.RuleWords;
import org.opentrials.portal.admin.trials.criteria.TextForm;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.eligibility.answers.TimeWindow.CalendarUnit;
import org.opentrials.portal.eligibility.criteria.CriterionType;
import org.opentrials.portal.eligibility.criteria.Infection;
import org.opentrials.portal.eligibility.criteria.Rule;
import org.opentrials.portal.eligibility.criteria.SexRule;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.eligibility.questions.Topic;
import org.opentrials.portal.services.content.ContentConflict;
import org.opentrials.portal.services.content.ContentForm;
import org.opentrials.portal.services.content.ContentJson;
import org.opentrials.portal.services.content.TrialContentEditing;
import org.opentrials.portal.services.content.TrialNotFound;

/**
 * The structured criteria editor, /trials/criteria.xhtml?trial=NCT... The trial comes from the
 * request, so it is not trusted: the service decides on every call whether the caller may open or
 * save it, and a refusal ends in the not-found page. After the first GET this view works on the
 * trial it loaded (kept on the server), whatever a later request says. The editing itself is {@link
 * CriteriaForm}'s; this bean binds it, turns its field errors into messages on the fields, and
 * saves the document into the draft with every other part of the content as it was loaded.
 */
@Named
@ViewScoped
public class CriteriaEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private TrialContentEditing content;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected CriteriaEditBacking() {}

  @Inject
  public CriteriaEditBacking(TrialContentEditing content, Clock clock) {
    this.content = content;
    this.clock = clock;
  }

  private String trial;
  private Opened loaded;
  private CriteriaForm form;
  private String unreadable;
  private String reason;
  private List<QuestionPreview.PreviewStep> preview;
  private boolean previewChecked;
  private List<StoredCriterion> conflict;

  /**
   * What was opened, kept in the view: the draft's version to save over, and the whole content (as
   * its JSON, so the view stays serializable) to save back with only the criteria changed.
   */
  public record Opened(
      String nct,
      String briefTitle,
      Long draftVersion,
      String savedBy,
      Instant savedAt,
      String contentJson)
      implements Serializable {
    static Opened of(ContentForm f) {
      return new Opened(
          f.nct(),
          f.briefTitle(),
          f.draftVersion(),
          f.savedBy(),
          f.savedAt(),
          ContentJson.write(f.content()));
    }

    TrialContent content(Clock clock) {
      return ContentJson.read(contentJson, clock);
    }

    public boolean hasDraft() {
      return draftVersion != null;
    }

    /** When the draft was saved, to the minute, e.g. 2026-03-04 14:05. */
    public String savedAtUtc() {
      return org.opentrials.portal.admin.support.Times.minuteUtc(savedAt);
    }
  }

  /** A criterion as stored now, in words, shown beside the form after a conflict. */
  public record StoredCriterion(String type, String text, String rule) implements Serializable {}

  /** On GET (f:viewAction): the draft, or the published content, or not found. */
  public void load() {
    // An unknown or malformed trial ends in the not-found page (NotFoundExceptionHandlerFactory).
    open(
        content.getForEdit(
            NctNumber.parse(trial == null ? "" : trial)
                .orElseThrow(() -> new TrialNotFound(String.valueOf(trial)))));
  }

  private void open(ContentForm opened) {
    loaded = Opened.of(opened);
    unreadable = null;
    conflict = null;
    try {
      form = CriteriaForm.of(opened.nct(), opened.content().criteriaRules());
    } catch (IllegalArgumentException e) {
      unreadable = e.getMessage();
      form = CriteriaForm.empty(opened.nct());
    }
    showPreview(form.build());
  }

  // ---- structure (each submission keeps what was typed, then changes the list) ----

  public void add() {
    form().add();
  }

  public void remove(CriterionForm c) {
    form().remove(c);
  }

  public void moveUp(CriterionForm c) {
    form().moveUp(c);
  }

  public void moveDown(CriterionForm c) {
    form().moveDown(c);
  }

  public void addChild(RuleForm rule) {
    form();
    rule.addChild();
  }

  public void removeChild(RuleForm rule, RuleForm child) {
    form();
    rule.removeChild(child);
  }

  public void addItem(RuleForm rule) {
    form();
    rule.addItem();
  }

  public void removeItem(RuleForm rule, TextForm item) {
    form();
    rule.removeItem(item);
  }

  public void addException(RuleForm rule) {
    form();
    rule.addException();
  }

  public void removeException(RuleForm rule, RuleForm.ExceptionForm e) {
    form();
    rule.removeException(e);
  }

  public void replace(RuleForm rule) {
    form();
    rule.replace();
  }

  /** The kind chosen is already in the model; the page shows its fields. */
  public void showFields() {
    form();
  }

  /** After any submission: composites get the rules their kind needs, and the preview is stale. */
  private CriteriaForm form() {
    form.normalize();
    preview = null;
    previewChecked = false;
    return form;
  }

  // ---- check and save ----

  public void check() {
    CriteriaForm.Result result = form().build();
    if (report(result)) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.addMessage(null, Texts.info(faces, "criteriaEdit.checked"));
    }
  }

  public void save() {
    FacesContext faces = FacesContext.getCurrentInstance();
    CriteriaForm.Result result = form().build();
    if (!report(result)) {
      return;
    }
    String document = result.storedDocument();
    TrialContent c = loaded.content(clock);
    if (Objects.equals(document, c.criteriaRules())) {
      conflict = null;
      faces.addMessage(null, Texts.info(faces, "criteriaEdit.savedNothing"));
      return;
    }
    TrialContent changed =
        new TrialContent(
            c.plainSummary(),
            c.groupsSummary(),
            c.eligibilitySummary(),
            c.faq(),
            c.groups(),
            c.approvals(),
            c.references(),
            c.safetySummaries(),
            document,
            c.spanish());
    try {
      open(
          content.saveDraft(
              NctNumber.parse(loaded.nct()).orElseThrow(), changed, loaded.draftVersion(), reason));
      reason = null;
      faces.addMessage(
          null,
          Texts.info(faces, document == null ? "criteriaEdit.savedEmpty" : "criteriaEdit.saved"));
    } catch (ContentConflict e) {
      // The next save is made knowingly on top of what is stored now; until then nothing is
      // overwritten.
      loaded = Opened.of(e.stored());
      conflict = stored(e.stored().content().criteriaRules(), faces);
      faces.addMessage(null, Texts.error(faces, "criteriaEdit.conflict"));
    }
  }

  /** True if the form built; otherwise every error on its field, and a count on top. */
  private boolean report(CriteriaForm.Result result) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (result.isValid()) {
      showPreview(result);
      return true;
    }
    for (FieldError error : result.errors()) {
      String text = Texts.text(faces, error.key(), error.args().toArray());
      var message =
          new jakarta.faces.application.FacesMessage(
              jakarta.faces.application.FacesMessage.SEVERITY_ERROR, text, text);
      if (error.field() == null) {
        faces.addMessage(null, message);
        continue;
      }
      String clientId = "edit:" + error.field();
      faces.addMessage(clientId, message);
      faces
          .getViewRoot()
          .invokeOnComponent(
              faces,
              clientId,
              (context, component) -> {
                if (component instanceof UIInput input) {
                  input.setValid(false);
                }
              });
    }
    faces.addMessage(null, Texts.error(faces, "criteriaEdit.errors", result.errors().size()));
    faces.validationFailed();
    return false;
  }

  private void showPreview(CriteriaForm.Result result) {
    previewChecked = true;
    preview =
        result.isValid() && result.criteria() != null
            ? QuestionPreview.of(
                result.criteria(), FacesContext.getCurrentInstance().getViewRoot().getLocale())
            : null;
  }

  private List<StoredCriterion> stored(String document, FacesContext faces) {
    List<StoredCriterion> rows = new ArrayList<>();
    if (document == null) {
      return rows;
    }
    RuleWords words = words(faces);
    try {
      for (var c : CriteriaJson.decode(document).criteria()) {
        rows.add(
            new StoredCriterion(
                c.type().name(),
                c.text().in(faces.getViewRoot().getLocale()),
                words.describe(c.rule())));
      }
    } catch (IllegalArgumentException e) {
      rows.add(new StoredCriterion(null, e.getMessage(), ""));
    }
    return rows;
  }

  private static RuleWords words(FacesContext faces) {
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "i18n");
    return new RuleWords(bundle, faces.getViewRoot().getLocale());
  }

  /** A rule kept as it was, in words. */
  public String describe(Rule rule) {
    return rule == null ? "" : words(FacesContext.getCurrentInstance()).describe(rule);
  }

  // ---- what the page reads ----

  public Opened getLoaded() {
    return loaded;
  }

  public CriteriaForm getForm() {
    return form;
  }

  public String getUnreadable() {
    return unreadable;
  }

  public List<QuestionPreview.PreviewStep> getPreview() {
    return preview;
  }

  public boolean isPreviewChecked() {
    return previewChecked;
  }

  public List<StoredCriterion> getConflict() {
    return conflict;
  }

  public boolean isInConflict() {
    return conflict != null;
  }

  public CriterionType[] getTypes() {
    return CriterionType.values();
  }

  public SexRule.Sex[] getSexes() {
    return SexRule.Sex.values();
  }

  public CalendarUnit[] getUnits() {
    return CalendarUnit.values();
  }

  public Topic[] getTopics() {
    return Topic.values();
  }

  public List<String> getInfections() {
    List<String> slugs = new ArrayList<>();
    for (Infection i : Infection.values()) {
      slugs.add(i.slug());
    }
    return slugs;
  }

  public String getTrial() {
    return trial;
  }

  public void setTrial(String trial) {
    this.trial = trial;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  /** The trial this view edits, for links. */
  public String getNct() {
    return loaded == null ? null : loaded.nct();
  }
}
