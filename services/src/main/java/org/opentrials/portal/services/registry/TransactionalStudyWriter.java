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
  @Inject org.opentrials.portal.services.audit.AuditTrail audit;

  /** Who the trail names for changes made by the import. */
  static final String ACTOR = "(import)";

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public StudyResult write(RegistryStudy study) {
    StudyResult result = new StudyStore(clock).store(study, trials, sites);
    // In the same transaction: the trail holds exactly the changes that were committed.
    String reason = "ClinicalTrials.gov import from " + result.source();
    if (result.outcome() == StudyResult.Outcome.CREATED) {
      audit.record(org.opentrials.portal.domain.audit.AuditRecord.about(ACTOR, "SYSTEM",
          org.opentrials.portal.domain.audit.AuditAction.IMPORT, "TRIAL", result.nctId(), reason(reason)));
    }
    for (ImportChange c : result.changes()) {
      audit.record(new org.opentrials.portal.domain.audit.AuditRecord(ACTOR, "SYSTEM",
          org.opentrials.portal.domain.audit.AuditAction.IMPORT, c.entityType(), c.key(), c.field(),
          fit(c.oldValue()), fit(c.newValue()), reason(reason)));
    }
    return result;
  }

  /** Values longer than an audit value holds (a whole criteria document) keep their start and a digest. */
  static String fit(String value) {
    int max = org.opentrials.portal.domain.audit.AuditRecord.MAX_VALUE_LENGTH;
    if (value == null || value.length() <= max) {
      return value;
    }
    String digest;
    try {
      digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String tail = " [" + value.length() + " characters, SHA-256 " + digest + "]";
    return value.substring(0, max - tail.length()) + tail;
  }

  private static String reason(String text) {
    return text.length() <= org.opentrials.portal.domain.audit.AuditRecord.MAX_REASON_LENGTH ? text
        : text.substring(0, org.opentrials.portal.domain.audit.AuditRecord.MAX_REASON_LENGTH);
  }
}
