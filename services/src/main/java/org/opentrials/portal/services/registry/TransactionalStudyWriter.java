package org.opentrials.portal.services.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.TrialRepository;

/**
 * One study, one container transaction. A separate bean so that the transaction interceptor sees
 * every call: {@link StudyImportService} calling a method of its own would bypass it.
 * REQUIRES_NEW, so that a caller's transaction (the demo loader's, say) does not swallow a study's
 * rollback.
 */
@ApplicationScoped
public class TransactionalStudyWriter implements StudyWriter {
  @Inject TrialRepository trials;
  @Inject SiteRepository sites;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public StudyResult write(RegistryStudy study) {
    return new StudyStore(clock).store(study, trials, sites);
  }
}
