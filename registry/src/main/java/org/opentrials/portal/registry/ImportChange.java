package org.opentrials.portal.registry;

import java.util.Objects;

/**
 * One field an import changed, for the report and for the audit trail to record as made by an
 * import. Values are rendered as text (lists one item per line, dates ISO 8601, enumerations by
 * their registry names); {@code null} means empty, so a created entity reports every field it was
 * given with a {@code null} old value.
 *
 * @param entity which aggregate: {@link Entity#TRIAL} or {@link Entity#SITE}
 * @param key the entity's natural key: the NCT number, or "NCT…/site-slug" for a site
 * @param field the domain's name for the field, e.g. "overallStatus", "contact"
 */
public record ImportChange(
    Entity entity, String key, String field, String oldValue, String newValue) {
  /** The aggregates an import writes. */
  public enum Entity {
    TRIAL,
    SITE
  }

  public ImportChange {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(field, "field");
    if (Objects.equals(oldValue, newValue)) {
      throw new IllegalArgumentException("not a change: " + field + " stays " + oldValue);
    }
  }

  /** The entity's name as the audit trail records it: "Trial" or "Site". */
  public String entityType() {
    return entity == Entity.TRIAL ? "Trial" : "Site";
  }

  @Override
  public String toString() {
    return entity + " " + key + " " + field + ": " + shorten(oldValue) + " -> " + shorten(newValue);
  }

  private static String shorten(String value) {
    if (value == null) {
      return "(empty)";
    }
    String line = value.replace('\n', ' ');
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }
}
