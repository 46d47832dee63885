package org.opentrials.portal.services.geo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opentrials.portal.domain.shared.GeoPoint;

/**
 * Reads the rows {@code zip,city,state,latitude,longitude} of the gazetteer's CSV from its bytes
 * (UTF-8). Rows as the bundled file writes them (no quotes, no spaces around fields, plain decimal
 * numbers) take a fast path that parses the bytes in place; any other row is decoded and split as
 * RFC 4180 CSV, which also produces the error messages. Not thread-safe: one per load.
 */
final class RowParser {

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  private final byte[] data;
  private final String[] stateCodes = new String[26 * 26];
  private final List<String> fields = new ArrayList<>(5);
  private final int[] commas = new int[4];
  private int position;
  private int lineNumber;

  RowParser(byte[] data) {
    this.data = data;
    if (data.length >= 3
        && data[0] == (byte) 0xEF
        && data[1] == (byte) 0xBB
        && data[2] == (byte) 0xBF) {
      position = 3; // byte order mark
    }
  }

  /** Reads the first line: whether it is {@link Gazetteer#HEADER}. */
  boolean header() {
    if (position >= data.length) {
      return false;
    }
    int end = lineEnd();
    String header = new String(data, position, end - position, StandardCharsets.UTF_8);
    nextLine();
    return header.strip().equals(Gazetteer.HEADER);
  }

  /** The number of the line last read, from 1. */
  int lineNumber() {
    return lineNumber;
  }

  /**
   * The place of the next row, {@code null} at the end; blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line when the row is malformed
   */
  Place next() {
    while (position < data.length) {
      int start = position;
      int end = lineEnd();
      nextLine();
      if (isBlank(start, end)) {
        continue;
      }
      try {
        Place place = fastRow(start, end);
        return place != null
            ? place
            : slowRow(new String(data, start, end - start, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
    return null;
  }

  /** End of the current line, without its line feed and carriage return. */
  private int lineEnd() {
    int end = position;
    while (end < data.length && data[end] != '\n') {
      end++;
    }
    return end > position && data[end - 1] == '\r' ? end - 1 : end;
  }

  private void nextLine() {
    while (position < data.length && data[position] != '\n') {
      position++;
    }
    position++;
    lineNumber++;
  }

  private boolean isBlank(int start, int end) {
    for (int i = start; i < end; i++) {
      if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The row parsed in place, or {@code null} when it is not in the canonical form. */
  private Place fastRow(int start, int end) {
    int[] commas = this.commas;
    int count = 0;
    for (int i = start; i < end; i++) {
      byte b = data[i];
      if (b == '"') {
        return null;
      }
      if (b == ',') {
        if (count == 4) {
          return null;
        }
        commas[count++] = i;
      }
    }
    if (count != 4 || commas[0] - start != 5 || commas[2] - commas[1] != 3) {
      return null;
    }
    for (int i = start; i < start + 5; i++) {
      if (data[i] < '0' || data[i] > '9') {
        return null;
      }
    }
    int cityStart = commas[0] + 1;
    int cityEnd = commas[1];
    if (cityEnd == cityStart || data[cityStart] == ' ' || data[cityEnd - 1] == ' ') {
      return null;
    }
    String state = stateCode(data[commas[1] + 1], data[commas[1] + 2]);
    double latitude = decimal(commas[2] + 1, commas[3]);
    double longitude = decimal(commas[3] + 1, end);
    if (state == null || Double.isNaN(latitude) || Double.isNaN(longitude)) {
      return null;
    }
    return new Place(
        new String(data, start, 5, StandardCharsets.ISO_8859_1),
        new String(data, cityStart, cityEnd - cityStart, StandardCharsets.UTF_8),
        state,
        new GeoPoint(latitude, longitude));
  }

  /** One shared string per state code, or {@code null} if the bytes are not two capitals. */
  private String stateCode(byte first, byte second) {
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return null;
    }
    int index = (first - 'A') * 26 + (second - 'A');
    String code = stateCodes[index];
    if (code == null) {
      code = new String(new char[] {(char) first, (char) second});
      stateCodes[index] = code;
    }
    return code;
  }

  /**
   * A plain decimal ({@code -?digits[.digits]}, at most 15 digits) parsed in place, or NaN for
   * anything else. Exact: the digits are an exact long, the power of ten an exact double, and one
   * IEEE division rounds correctly, so the result equals {@link Double#parseDouble}'s.
   */
  private double decimal(int start, int end) {
    int i = start;
    boolean negative = i < end && data[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < end; i++) {
      byte b = data[i];
      if (b >= '0' && b <= '9') {
        mantissa = mantissa * 10 + (b - '0');
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (b == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || digits > 15) {
      return Double.NaN;
    }
    double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
    return negative ? -value : value;
  }

  /** Any row: split as RFC 4180 CSV, fields trimmed, every problem reported. */
  private Place slowRow(String line) {
    splitCsv(line, fields);
    if (fields.size() != 5) {
      throw new IllegalArgumentException("expected 5 fields, found " + fields.size());
    }
    String zip = fields.get(0).strip();
    if (!zip.matches("[0-9]{5}")) {
      throw new IllegalArgumentException("not a five-digit ZIP code: '" + zip + "'");
    }
    String city = fields.get(1).strip();
    String state = fields.get(2).strip();
    if (!state.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("not a two-letter state code: '" + state + "'");
    }
    double latitude;
    double longitude;
    try {
      latitude = Double.parseDouble(fields.get(3).strip());
      longitude = Double.parseDouble(fields.get(4).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("latitude or longitude is not a number", e);
    }
    return new Place(
        zip,
        city,
        stateCode((byte) state.charAt(0), (byte) state.charAt(1)),
        new GeoPoint(latitude, longitude));
  }

  /** Splits one CSV line into {@code fields} (cleared first); quotes as in RFC 4180. */
  static void splitCsv(String line, List<String> fields) {
    fields.clear();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        fields.add(field.toString());
        if (i < n && line.charAt(i) != ',') {
          throw new IllegalArgumentException("text after a quoted field");
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        fields.add(line.substring(i, end));
        i = end;
      }
      if (i >= n) {
        return;
      }
      i++; // the comma
    }
  }
}
