package org.opentrials.portal.domain.audit;

import java.io.Serializable;
import org.opentrials.portal.domain.shared.Require;

/**
 * What one audit entry says, before it takes its place in the chain: who (name and role) did what
 * to which object, which field changed from what to what, and why.
 *
 * @param actor the username of who acted, or a placeholder such as "(unknown)" or "(system)"
 * @param actorRole the role they acted in (a staff role's name, or NONE / SYSTEM)
 * @param action what happened
 * @param entityType the kind of object, e.g. "Site"
 * @param entityKey which object, e.g. "NCT02633163/cedars-sinai"
 * @param field the field that changed, or null when the entry is about the whole object
 * @param oldValue the field's value before, or null
 * @param newValue the field's value after, or null
 * @param reason why, as the actor gave it, or null
 */
public record AuditRecord(
    String actor,
    String actorRole,
    AuditAction action,
    String entityType,
    String entityKey,
    String field,
    String oldValue,
    String newValue,
    String reason)
    implements Serializable {

  public static final int MAX_VALUE_LENGTH = 20000;
  public static final int MAX_REASON_LENGTH = 1000;

  public AuditRecord {
    actor = Require.text(actor, "actor", 80);
    actorRole = Require.text(actorRole, "actor role", 20);
    action = Require.present(action, "action");
    entityType = Require.text(entityType, "entity type", 40);
    entityKey = Require.text(entityKey, "entity key", 200);
    field = Require.optionalText(field, "field", 80);
    // Values are kept exactly as they were (no stripping): the trail must not alter what it
    // records.
    oldValue = exact(oldValue, "old value", MAX_VALUE_LENGTH);
    newValue = exact(newValue, "new value", MAX_VALUE_LENGTH);
    reason = Require.optionalText(reason, "reason", MAX_REASON_LENGTH);
  }

  /** An entry about a whole object (no field). */
  public static AuditRecord about(
      String actor,
      String actorRole,
      AuditAction action,
      String entityType,
      String entityKey,
      String reason) {
    return new AuditRecord(
        actor, actorRole, action, entityType, entityKey, null, null, null, reason);
  }

  /**
   * A value as an entry can hold it: unchanged when it fits, otherwise its start followed by its
   * length and SHA-256, so that the whole value can still be matched against the record.
   */
  public static String fit(String value) {
    if (value == null || value.length() <= MAX_VALUE_LENGTH) {
      return value;
    }
    String digest;
    try {
      digest =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String tail = " [" + value.length() + " characters, SHA-256 " + digest + "]";
    return value.substring(0, MAX_VALUE_LENGTH - tail.length()) + tail;
  }

  private static String exact(String value, String name, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value;
  }
}
