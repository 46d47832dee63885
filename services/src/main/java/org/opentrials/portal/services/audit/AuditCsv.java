package org.opentrials.portal.services.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.opentrials.portal.services.shared.Csv;

/**
 * Audit entries as CSV, written by {@link Csv}: cells a spreadsheet would read as a formula are
 * defused, since staff type these values and an administrator opens the export in a spreadsheet.
 */
public final class AuditCsv {
  static final List<String> HEADER =
      List.of(
          "id",
          "occurred_at_utc",
          "actor",
          "actor_role",
          "action",
          "entity_type",
          "entity_key",
          "field",
          "old_value",
          "new_value",
          "reason",
          "hash");

  private AuditCsv() {}

  public static void writeHeader(Writer out) throws IOException {
    Csv.writeRow(out, HEADER);
  }

  public static void write(Writer out, AuditEntryView e) throws IOException {
    Csv.writeRow(
        out,
        java.util.Arrays.asList(
            Long.toString(e.id()),
            e.occurredAt().toString(),
            e.actor(),
            e.actorRole(),
            e.action(),
            e.entityType(),
            e.entityKey(),
            e.field(),
            e.oldValue(),
            e.newValue(),
            e.reason(),
            e.hash()));
  }

  /**
   * One quoted cell, defused if a spreadsheet would take it for a formula; null is an empty cell.
   */
  public static String cell(String value) {
    return Csv.cell(value);
  }
}
