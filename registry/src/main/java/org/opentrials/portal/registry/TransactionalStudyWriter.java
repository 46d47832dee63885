package org.opentrials.portal.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.changes.ChangeLog;
import org.opentrials.portal.services.persistence.ImportedRecords;

/**
 * One batch of studies, one container transaction, with its audit entries. A separate bean so that
 * the transaction interceptor sees every call: {@link StudyImportService} calling a method of its
 * own would bypass it. REQUIRES_NEW, so that a caller's transaction (the demo loader's, say) does
 * not swallow a batch's rollback.
 */
@ApplicationScoped
public class TransactionalStudyWriter {
  private EntityManager em;

  private TrialRepository trials;
  private SiteRepository sites;
  private Clock clock;
  private AuditTrail audit;

  /** For the container's proxies only (see README, "Injection"). */
  protected TransactionalStudyWriter() {}

  @Inject
  public TransactionalStudyWriter(
      EntityManager em,
      TrialRepository trials,
      SiteRepository sites,
      Clock clock,
      AuditTrail audit) {
    this.em = em;
    this.trials = trials;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<StudyResult> write(List<RegistryStudy> batch, ImportActor actor) {
    List<StudyResult> results =
        new StudyStore(clock).store(batch, trials, sites, new ImportedRecords(em));
    // In the same transaction, after the changes (lock order: changed rows first, the chain's head
    // last): the trail holds exactly the changes that were committed.
    audit.recordAll(ImportAudit.records(results, actor));
    StudyResult.logChanges(results, new ChangeLog(em), clock.instant());
    return results;
  }
}
