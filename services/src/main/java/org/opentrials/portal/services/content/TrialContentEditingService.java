package org.opentrials.portal.services.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.domain.staff.StaffAccount;
import org.opentrials.portal.domain.trial.ContentDraft;
import org.opentrials.portal.domain.trial.ContentDraftRepository;
import org.opentrials.portal.domain.trial.ContentFields;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.shared.AccessDenied;

/**
 * Drafts in the database. Every change locks the trial's row first (then the draft's, then the
 * audit head), so saves, publications and discards of one trial take turns on any instance, and "is
 * it still what the editor opened?" is answered under that lock.
 */
@ApplicationScoped
@Transactional
public class TrialContentEditingService implements TrialContentEditing {
  /** How the audit trail names published content (the importer's name for trials). */
  public static final String TRIAL_ENTITY = "TRIAL";

  /** How the audit trail names a draft. */
  public static final String DRAFT_ENTITY = "TRIAL_DRAFT";

  private static final SecureRandom RANDOM = new SecureRandom();

  private EntityManager em;

  private TrialRepository trials;
  private ContentDraftRepository drafts;
  private StaffCaller caller;
  private AuditTrail audit;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialContentEditingService() {}

  @Inject
  public TrialContentEditingService(
      EntityManager em,
      TrialRepository trials,
      ContentDraftRepository drafts,
      StaffCaller caller,
      AuditTrail audit,
      Clock clock) {
    this.em = em;
    this.trials = trials;
    this.drafts = drafts;
    this.caller = caller;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<TrialForEditing> listMyTrials() {
    StaffAccount me = caller.require();
    List<Trial> visible =
        switch (me.role()) {
          case ADMINISTRATOR -> trials.findAll();
          case SPONSOR_STAFF ->
              trials.findByNcts(me.trials()).stream()
                  .sorted(Comparator.comparing(t -> t.nctId().value()))
                  .toList();
          case INVESTIGATOR -> List.of();
        };
    Map<NctNumber, ContentDraft> byTrial =
        drafts.findByNcts(visible.stream().map(Trial::nctId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(ContentDraft::nctId, d -> d));
    return visible.stream()
        .map(
            t -> {
              Optional<ContentDraft> d = Optional.ofNullable(byTrial.get(t.nctId()));
              return new TrialForEditing(
                  t.nctId().value(),
                  t.acronym(),
                  t.briefTitle(),
                  t.published(),
                  d.isPresent(),
                  d.map(ContentDraft::savedBy).orElse(null),
                  d.map(ContentDraft::savedAt).orElse(null));
            })
        .toList();
  }

  @Override
  public ContentForm getForEdit(NctNumber nct) {
    Trial trial = authorize(nct, "open the trial's content").trial();
    return form(trial, drafts.findByNct(nct));
  }

  @Override
  public ContentForm saveDraft(
      NctNumber nct, TrialContent content, Long expectedDraftVersion, String reason) {
    Authorized a = authorize(nct, "save a draft of the trial's content");
    Objects.requireNonNull(content, "content");
    Trial trial = lock(a.trial());
    Optional<ContentDraft> existing = drafts.findByNct(nct);
    existing.ifPresent(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
    Long current = existing.map(ContentDraft::version).orElse(null);
    if (!Objects.equals(current, expectedDraftVersion)) {
      throw new ContentConflict(form(trial, existing), content);
    }
    TrialContent before =
        existing.map(d -> ContentJson.read(d.content(), clock)).orElseGet(trial::content);
    Map<String, ContentFields.Change> changes = ContentFields.changes(before, content);
    if (changes.isEmpty()) {
      return form(trial, existing);
    }
    String username = a.caller().username();
    ContentDraft draft =
        existing.orElseGet(
            () -> {
              ContentDraft d =
                  new ContentDraft(
                      nct, trial.version(), ContentJson.write(content), username, clock.instant());
              drafts.add(d);
              return d;
            });
    draft.save(ContentJson.write(content), username, clock.instant());
    em.flush();
    changes.forEach(
        (field, change) -> record(a, AuditAction.UPDATE, DRAFT_ENTITY, nct, field, change, reason));
    return form(trial, Optional.of(draft));
  }

  @Override
  public String allowPreview(NctNumber nct, long expectedDraftVersion) {
    Authorized a = authorize(nct, "preview the trial's draft");
    ContentDraft draft = currentDraft(lock(a.trial()), expectedDraftVersion);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    drafts.allowPreview(draft, key, clock.instant().plus(ContentDraft.PREVIEW_LIFETIME));
    return key;
  }

  @Override
  public ContentForm publish(
      NctNumber nct, long expectedDraftVersion, boolean warningsAcknowledged, String reason) {
    Authorized a = authorize(nct, "publish the trial's content");
    Trial trial = lock(a.trial());
    ContentDraft draft = currentDraft(trial, expectedDraftVersion);
    TrialContent content = ContentJson.read(draft.content(), clock);
    List<ContentCheck.Warning> warnings = ContentCheck.check(content);
    if (!warnings.isEmpty() && !warningsAcknowledged) {
      throw new UnacknowledgedWarnings(warnings);
    }
    TrialContent before = trial.content();
    trial.replaceContent(content);
    drafts.remove(draft);
    em.flush();
    new ChangeLog(em).trial(nct.value(), "PUBLISHED", clock.instant());
    String why =
        reason != null
            ? reason
            : warnings.isEmpty()
                ? null
                : "published with " + warnings.size() + " content warning(s) acknowledged";
    ContentFields.changes(before, content)
        .forEach(
            (field, change) ->
                record(a, AuditAction.PUBLISH, TRIAL_ENTITY, nct, field, change, why));
    return form(trial, Optional.empty());
  }

  @Override
  public ContentForm discardDraft(NctNumber nct, long expectedDraftVersion) {
    Authorized a = authorize(nct, "discard the trial's draft");
    Trial trial = lock(a.trial());
    ContentDraft draft = currentDraft(trial, expectedDraftVersion);
    drafts.remove(draft);
    em.flush();
    audit.record(
        new AuditRecord(
            a.caller().username(),
            a.caller().role().name(),
            AuditAction.UPDATE,
            DRAFT_ENTITY,
            nct.value(),
            null,
            "draft saved by " + draft.savedBy() + " at " + draft.savedAt(),
            null,
            "draft discarded"));
    return form(trial, Optional.empty());
  }

  /** The trial's draft, if it is still the version the editor opened; otherwise a conflict. */
  private ContentDraft currentDraft(Trial trial, long expectedVersion) {
    Optional<ContentDraft> existing = drafts.findByNct(trial.nctId());
    existing.ifPresent(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
    if (existing.isEmpty() || existing.get().version() != expectedVersion) {
      ContentForm stored = form(trial, existing);
      throw new ContentConflict(stored, stored.content());
    }
    return existing.get();
  }

  private Trial lock(Trial trial) {
    em.refresh(trial, LockModeType.PESSIMISTIC_WRITE);
    return trial;
  }

  private ContentForm form(Trial trial, Optional<ContentDraft> draft) {
    TrialContent published = trial.content();
    TrialContent content = draft.map(d -> ContentJson.read(d.content(), clock)).orElse(published);
    return new ContentForm(
        trial.nctId().value(),
        trial.briefTitle(),
        trial.published(),
        content,
        draft.map(ContentDraft::version).orElse(null),
        draft.map(ContentDraft::savedBy).orElse(null),
        draft.map(ContentDraft::savedAt).orElse(null),
        List.copyOf(ContentFields.changes(published, content).keySet()),
        ContentCheck.check(content));
  }

  private record Authorized(StaffAccount caller, Trial trial) {}

  /**
   * The trial, if the caller may edit its content: administrators every trial, sponsor staff the
   * trials assigned to them. A refusal is recorded in a transaction of its own before anything else
   * is appended, and ends as "not found" for the caller.
   */
  private Authorized authorize(NctNumber nct, String attempted) {
    StaffAccount me = caller.require();
    Trial trial = trials.findByNct(nct).orElseThrow(() -> new TrialNotFound(nct.value()));
    boolean allowed =
        me.role() == Role.ADMINISTRATOR
            || (me.role() == Role.SPONSOR_STAFF && me.trials().contains(nct));
    if (!allowed) {
      audit.recordRefusal(
          new AuditRecord(
              me.username(),
              me.role().name(),
              AuditAction.ACCESS_DENIED,
              TRIAL_ENTITY,
              nct.value(),
              null,
              null,
              null,
              "tried to " + attempted));
      throw new AccessDenied(me.username() + " may not " + attempted + " " + nct.value());
    }
    return new Authorized(me, trial);
  }

  private void record(
      Authorized a,
      AuditAction action,
      String entity,
      NctNumber nct,
      String field,
      ContentFields.Change change,
      String reason) {
    audit.record(
        new AuditRecord(
            a.caller().username(),
            a.caller().role().name(),
            action,
            entity,
            nct.value(),
            field,
            AuditRecord.fit(change.before()),
            AuditRecord.fit(change.after()),
            reason));
  }
}
