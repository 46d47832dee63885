package org.opentrials.portal.domain.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.opentrials.portal.domain.shared.Require;

/**
 * Sponsor staff's unpublished changes to a trial's content: at most one draft per trial, shared by
 * everyone who may edit it (two editors see each other's saves; the version refuses a save made on
 * top of an older one). The content is kept as a document the services write and read; the draft
 * remembers which version of the trial it started from, so publishing over someone else's newer
 * publication is refused too. A preview key lets the editor open the public page with the draft in
 * it for a short time, without signing in to the public site.
 */
@Entity
@Table(name = "content_draft")
public class ContentDraft {
  /** How long a preview link works. */
  public static final Duration PREVIEW_LIFETIME = Duration.ofMinutes(30);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "content_draft_seq")
  @SequenceGenerator(
      name = "content_draft_seq",
      sequenceName = "content_draft_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "nct_id", length = 11, nullable = false, unique = true, updatable = false)
  private NctNumber nctId;

  @Column(name = "content", length = 1_000_000, nullable = false)
  private String content;

  @Column(name = "based_on_trial_version", nullable = false)
  private long basedOnTrialVersion;

  @Column(name = "saved_by", length = 80, nullable = false)
  private String savedBy;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @Column(name = "preview_key", length = 64, unique = true)
  private String previewKey;

  @Column(name = "preview_until")
  private Instant previewUntil;

  protected ContentDraft() {}

  public ContentDraft(
      NctNumber nctId, long basedOnTrialVersion, String content, String savedBy, Instant savedAt) {
    this.nctId = Require.present(nctId, "NCT number");
    this.basedOnTrialVersion = basedOnTrialVersion;
    save(content, savedBy, savedAt);
  }

  public void save(String content, String savedBy, Instant savedAt) {
    this.content = Require.text(content, "draft content", 1_000_000);
    this.savedBy = Require.text(savedBy, "saved by", 80);
    this.savedAt = Require.present(savedAt, "saved at");
  }

  /**
   * Checks a new preview key: long enough not to be guessed. Stored by {@link
   * ContentDraftRepository#allowPreview}, which does not count as an edit of the draft.
   */
  public static String checkPreviewKey(String key) {
    String k = Require.text(key, "preview key", 64);
    if (k.length() < 32) {
      throw new IllegalArgumentException("a preview key needs at least 32 characters");
    }
    return k;
  }

  public boolean previewableAt(Instant now) {
    return previewKey != null && previewUntil != null && now.isBefore(previewUntil);
  }

  public Long id() {
    return id;
  }

  public long version() {
    return version;
  }

  public NctNumber nctId() {
    return nctId;
  }

  public String content() {
    return content;
  }

  public long basedOnTrialVersion() {
    return basedOnTrialVersion;
  }

  public String savedBy() {
    return savedBy;
  }

  public Instant savedAt() {
    return savedAt;
  }

  public Optional<String> previewKey() {
    return Optional.ofNullable(previewKey);
  }

  public Instant previewUntil() {
    return previewUntil;
  }
}
