package org.opentrials.portal.admin.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.services.audit.AuditFilter;

/**
 * The audit page's filter as request parameters (actor, action, entity, from, to), read the same
 * way by the page and by the CSV export, so the export holds exactly what the page lists.
 */
public record AuditQuery(String actor, String action, String entity, String from, String to) {
  public static final String ACTOR = "actor";
  public static final String ACTION = "action";
  public static final String ENTITY = "entity";
  public static final String FROM = "from";
  public static final String TO = "to";

  public static AuditQuery of(Map<String, String> parameters) {
    return new AuditQuery(
        parameters.get(ACTOR),
        parameters.get(ACTION),
        parameters.get(ENTITY),
        parameters.get(FROM),
        parameters.get(TO));
  }

  /**
   * The filter, or nothing when a part cannot be read (an unknown action, a malformed or reversed
   * date).
   */
  public Optional<AuditFilter> filter() {
    try {
      AuditAction a =
          blank(action) ? null : AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
      return Optional.of(
          new AuditFilter(limit(actor, 80), a, limit(entity, 200), date(from), date(to)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The same filter as a query string for the export link ("" when there is none). */
  public String queryString() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(ACTOR, actor);
    parts.put(ACTION, action);
    parts.put(ENTITY, entity);
    parts.put(FROM, from);
    parts.put(TO, to);
    StringJoiner query = new StringJoiner("&");
    parts.forEach(
        (k, v) -> {
          if (!blank(v)) {
            query.add(k + "=" + URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  private static LocalDate date(String text) {
    return blank(text) ? null : LocalDate.parse(text.strip());
  }

  private static String limit(String text, int max) {
    if (text != null && text.length() > max) {
      throw new IllegalArgumentException("too long");
    }
    return text;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
