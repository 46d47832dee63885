package org.opentrials.portal.services.content;

import org.opentrials.portal.domain.shared.DomainException;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * Someone saved, published or discarded the draft after the editor opened it: nothing was saved.
 * Carries both sides so that the editor sees what is stored now beside what they typed.
 */
public class ContentConflict extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient ContentForm stored;
  private final transient TrialContent yours;

  public ContentConflict(ContentForm stored, TrialContent yours) {
    super("the content of " + stored.nct() + " changed since the editor opened it");
    this.stored = stored;
    this.yours = yours;
  }

  public ContentForm stored() {
    return stored;
  }

  public TrialContent yours() {
    return yours;
  }
}
