package org.opentrials.portal.services.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180: every cell quoted, quotes doubled, lines ending in CRLF). A cell
 * that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets
 * a leading apostrophe, as the OWASP CSV-injection guidance advises: staff type these values, and an
 * administrator opens the export in a spreadsheet.
 */
public final class AuditCsv {
  static final List<String> HEADER = List.of("id", "occurred_at_utc", "actor", "actor_role", "action",
      "entity_type", "entity_key", "field", "old_value", "new_value", "reason", "hash");

  private AuditCsv() {}

  public static void writeHeader(Writer out) throws IOException {
    writeRow(out, HEADER);
  }

  public static void write(Writer out, AuditEntryView e) throws IOException {
    writeRow(out, java.util.Arrays.asList(Long.toString(e.id()), e.occurredAt().toString(), e.actor(),
        e.actorRole(), e.action(), e.entityType(), e.entityKey(), e.field(), e.oldValue(), e.newValue(),
        e.reason(), e.hash()));
  }

  private static void writeRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One quoted cell, defused if a spreadsheet would take it for a formula; null is an empty cell. */
  public static String cell(String value) {
    if (value == null) {
      return "\"\"";
    }
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
