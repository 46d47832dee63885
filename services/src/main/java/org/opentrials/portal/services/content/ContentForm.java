package org.opentrials.portal.services.content;

import java.time.Instant;
import java.util.List;
import org.opentrials.portal.domain.trial.TrialContent;

/**
 * A trial's content as the editor opens it: the draft if there is one, otherwise what is published.
 * {@code draftVersion} is null when there is no draft; {@code changes} lists the fields in which
 * the draft differs from what is published, and {@code warnings} what the content check found.
 */
public record ContentForm(
    String nct,
    String briefTitle,
    boolean published,
    TrialContent content,
    Long draftVersion,
    String savedBy,
    Instant savedAt,
    List<String> changes,
    List<ContentCheck.Warning> warnings) {

  public boolean hasDraft() {
    return draftVersion != null;
  }
}
