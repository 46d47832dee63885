package org.opentrials.portal.services.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV that staff open in a spreadsheet (RFC 4180: every cell quoted, quotes doubled, lines ending
 * in CRLF). A cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, as the OWASP CSV-injection guidance advises.
 *
 * <p>There is no exception for values that merely look harmless, such as a phone number "+1 555
 * 0100": it is shown as {@code '+1 555 0100}, still readable and dialable. A rule that let
 * "phone-like" values through would have to decide what a spreadsheet will not evaluate ({@code
 * +1+cmd|' /C calc'!A0} starts like a phone number too); one rule for every cell has no such gap,
 * and an apostrophe costs a reader nothing.
 */
public final class Csv {
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {}

  public static void writeRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /**
   * One quoted cell, defused if a spreadsheet would take it for a formula; null is an empty cell.
   */
  public static String cell(String value) {
    if (value == null) {
      return "\"\"";
    }
    String safe = value;
    if (!safe.isEmpty() && FORMULA_STARTS.indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
