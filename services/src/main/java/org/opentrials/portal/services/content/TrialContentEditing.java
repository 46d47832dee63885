package org.opentrials.portal.services.content;

import java.util.List;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * Sponsor staff (for the trials they are assigned to) and administrators (for every trial) keep a
 * trial's content current through a draft: save it as often as they like, preview the public page
 * with it, publish it. Who may touch which trial is decided here on every call; refusals are in the
 * audit trail and end as {@link org.opentrials.portal.services.shared.AccessDenied}.
 */
public interface TrialContentEditing {
  List<TrialForEditing> listMyTrials();

  /** The draft, or the published content when there is no draft. */
  ContentForm getForEdit(NctNumber nct);

  /**
   * Saves the draft. {@code expectedDraftVersion} is the version the editor opened (null: they
   * opened the published content, and no draft may have appeared since).
   *
   * @throws ContentConflict when someone else saved, published or discarded in between
   */
  ContentForm saveDraft(
      NctNumber nct, TrialContent content, Long expectedDraftVersion, String reason);

  /** A key that opens the public page with the draft in it for a short time. */
  String allowPreview(NctNumber nct, long expectedDraftVersion);

  /**
   * Makes the draft the trial's public content and removes the draft; every changed field goes into
   * the audit trail as PUBLISH with its old and new value.
   *
   * @throws UnacknowledgedWarnings when the content check warns and the caller has not acknowledged
   */
  ContentForm publish(
      NctNumber nct, long expectedDraftVersion, boolean warningsAcknowledged, String reason);

  /** Throws the draft away; the published content stays as it is. */
  ContentForm discardDraft(NctNumber nct, long expectedDraftVersion);
}
