package org.opentrials.portal.admin.trials;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.admin.support.Times;
import org.opentrials.portal.domain.trial.ArmGroupType;
import org.opentrials.portal.domain.trial.ContentFields;
import org.opentrials.portal.domain.trial.InterventionType;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.content.ContentCheck;
import org.opentrials.portal.services.content.ContentConflict;
import org.opentrials.portal.services.content.ContentForm;
import org.opentrials.portal.services.content.TrialContentEditing;
import org.opentrials.portal.services.content.TrialNotFound;
import org.opentrials.portal.services.content.UnacknowledgedWarnings;

/**
 * A trial's content page, /trials/content.xhtml?trial=NCT...: edit the draft, save it, preview the
 * public page with it, publish it. The trial comes from the request, so the service decides on
 * every call whether the caller may touch it; a refusal ends in the not-found page. The draft
 * version the editor opened stays here, on the server.
 */
@Named
@ViewScoped
public class ContentEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FORM = "content";

  private TrialContentEditing editing;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected ContentEditBacking() {}

  @Inject
  public ContentEditBacking(TrialContentEditing editing, Clock clock) {
    this.editing = editing;
    this.clock = clock;
  }

  private String trial;
  private ContentForm loaded;
  private ContentDraftForm form;
  private String reason;
  private boolean acknowledged;
  private boolean warningsRefused;
  private String previewPath;
  private List<ConflictRow> conflict = List.of();

  /** One field of a conflict: what is stored now beside what this editor typed. */
  public record ConflictRow(String field, String stored, String yours) implements Serializable {}

  public void load() {
    fill(editing.getForEdit(nct()));
  }

  public void add(String list) {
    form.add(list);
  }

  public void remove(String list, int index) {
    form.remove(list, index);
  }

  public void moveUp(String list, int index) {
    form.moveUp(list, index);
  }

  public void addIntervention(int group) {
    form.addIntervention(group);
  }

  public void removeIntervention(int group, int index) {
    form.removeIntervention(group, index);
  }

  public void save() {
    if (saveDraft()) {
      message("content.saved");
    }
  }

  public void preview() {
    if (!saveDraft()) {
      return;
    }
    if (!loaded.hasDraft()) {
      message("content.preview.nothing");
      return;
    }
    String key = editing.allowPreview(nct(), loaded.draftVersion());
    previewPath = "/trials/" + loaded.nct() + "/preview?key=" + key;
  }

  public void publish() {
    if (!saveDraft()) {
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!loaded.hasDraft()) {
      message("content.publish.nothing");
      return;
    }
    try {
      int changes = loaded.changes().size();
      fill(editing.publish(nct(), loaded.draftVersion(), acknowledged, reason));
      reason = null;
      previewPath = null; // published: the draft and its preview are gone
      faces.addMessage(null, Texts.info(faces, "content.published", changes));
    } catch (UnacknowledgedWarnings e) {
      warningsRefused = true;
      faces.addMessage(null, Texts.error(faces, "content.publish.warnings", e.warnings().size()));
    } catch (ContentConflict e) {
      conflict(e);
    }
  }

  public void discard() {
    if (!loaded.hasDraft()) {
      fill(editing.getForEdit(nct()));
      return;
    }
    try {
      fill(editing.discardDraft(nct(), loaded.draftVersion()));
      previewPath = null; // the preview key died with the draft
      message("content.discarded");
    } catch (ContentConflict e) {
      conflict(e);
    }
  }

  /**
   * Saves what the form holds if it differs from what was loaded; false if the form has problems or
   * in conflict.
   */
  private boolean saveDraft() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ContentDraftForm.Result result = form.toContent(clock);
    if (!result.ok()) {
      for (ContentDraftForm.Problem p : result.problems()) {
        faces.addMessage(FORM + ":" + p.fieldId(), Texts.error(faces, p.messageKey()));
      }
      faces.addMessage(null, Texts.error(faces, "content.problems", result.problems().size()));
      faces.validationFailed();
      return false;
    }
    if (result.content().sameAs(loaded.content()) && conflict.isEmpty()) {
      return true;
    }
    try {
      ContentForm saved = editing.saveDraft(nct(), result.content(), loaded.draftVersion(), reason);
      fill(saved);
      reason = null;
      return true;
    } catch (ContentConflict e) {
      conflict(e);
      return false;
    }
  }

  private void conflict(ContentConflict e) {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<ConflictRow> rows = new ArrayList<>();
    ContentFields.changes(e.stored().content(), e.yours())
        .forEach(
            (field, change) -> rows.add(new ConflictRow(field, change.before(), change.after())));
    conflict = List.copyOf(rows);
    // The next save is made knowingly on top of what is stored now; until then nothing is
    // overwritten.
    loaded = e.stored();
    faces.addMessage(null, Texts.error(faces, "content.conflict"));
  }

  private void fill(ContentForm f) {
    loaded = f;
    form = ContentDraftForm.of(f.content());
    conflict = List.of();
    acknowledged = false;
    warningsRefused = false;
  }

  private void message(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, Texts.info(faces, key));
  }

  private NctNumber nct() {
    return NctNumber.parse(trial).orElseThrow(() -> new TrialNotFound(String.valueOf(trial)));
  }

  /** A content field in the page's words, e.g. "Reference 2: Title". */
  public String fieldLabel(String field) {
    return FieldLabels.of(FacesContext.getCurrentInstance(), field);
  }

  /** When the draft was saved, to the minute (UTC), e.g. 2026-03-04 14:05. */
  public String getSavedAt() {
    return Times.minuteUtc(loaded.savedAt());
  }

  public List<ContentCheck.Warning> getWarnings() {
    return loaded.warnings();
  }

  public ArmGroupType[] getGroupTypes() {
    return ArmGroupType.values();
  }

  public InterventionType[] getInterventionTypes() {
    return InterventionType.values();
  }

  public ContentForm getLoaded() {
    return loaded;
  }

  public ContentDraftForm getForm() {
    return form;
  }

  public List<ConflictRow> getConflict() {
    return conflict;
  }

  public boolean isInConflict() {
    return !conflict.isEmpty();
  }

  public boolean isWarningsRefused() {
    return warningsRefused;
  }

  public String getPreviewPath() {
    return previewPath;
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

  public boolean isAcknowledged() {
    return acknowledged;
  }

  public void setAcknowledged(boolean acknowledged) {
    this.acknowledged = acknowledged;
  }
}
