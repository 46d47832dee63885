package org.opentrials.portal.services.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;

/**
 * What the audit trail records of an import, in the same transaction as the studies: for a created
 * trial an entry about the trial, then one entry per field written (old and new value), all as
 * {@link AuditAction#IMPORT} by the actor who ran the import. Unchanged and skipped studies add
 * nothing.
 */
public final class ImportAudit {
  private ImportAudit() {}

  public static List<AuditRecord> records(List<StudyResult> results, ImportActor actor) {
    List<AuditRecord> records = new ArrayList<>();
    for (StudyResult result : results) {
      String reason = fitReason("ClinicalTrials.gov import (" + actor.via() + ") from " + result.source());
      if (result.outcome() == StudyResult.Outcome.CREATED) {
        records.add(AuditRecord.about(actor.username(), actor.role(), AuditAction.IMPORT, "TRIAL", result.nctId(), reason));
      }
      for (ImportChange c : result.changes()) {
        records.add(new AuditRecord(actor.username(), actor.role(), AuditAction.IMPORT, c.entityType(), c.key(),
            c.field(), fit(c.oldValue()), fit(c.newValue()), reason));
      }
    }
    return records;
  }

  /** Values longer than an audit value holds (a whole criteria document) keep their start and a digest. */
  static String fit(String value) {
    int max = AuditRecord.MAX_VALUE_LENGTH;
    if (value == null || value.length() <= max) {
      return value;
    }
    String digest;
    try {
      digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String tail = " [" + value.length() + " characters, SHA-256 " + digest + "]";
    return value.substring(0, max - tail.length()) + tail;
  }

  private static String fitReason(String text) {
    return text.length() <= AuditRecord.MAX_REASON_LENGTH ? text : text.substring(0, AuditRecord.MAX_REASON_LENGTH);
  }
}
