package org.opentrials.portal.domain.trial;

import java.util.Optional;

/** Drafts of trial content, one per trial at most. */
public interface ContentDraftRepository {
  Optional<ContentDraft> findByNct(NctNumber nct);

  /** The drafts of these trials (trials without one are absent), in one query. */
  java.util.List<ContentDraft> findByNcts(java.util.Collection<NctNumber> ncts);

  /** The draft whose preview key this is, whether or not the key has expired. */
  Optional<ContentDraft> findByPreviewKey(String key);

  void add(ContentDraft draft);

  /**
   * Gives the draft a new preview key, valid until {@code until} (the old key stops working). Not
   * an edit: the draft's version stays, so an editor's open form is not made stale by a preview.
   */
  void allowPreview(ContentDraft draft, String key, java.time.Instant until);

  void remove(ContentDraft draft);
}
