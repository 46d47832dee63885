package org.opentrials.portal.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.opentrials.portal.domain.shared.Require;

/**
 * One link of the audit chain. Immutable: every column is written once (insert) and never updated,
 * and there is no way to remove one. Its id is its position in the chain (1, 2, 3, ...), handed out
 * under the chain's head lock, so a gap in the ids is a removed entry. Its hash is SHA-256 over the
 * previous entry's hash and this entry's {@linkplain #canonicalContent() canonical content};
 * changing any recorded value without recomputing every later hash shows at this entry.
 *
 * <p>Created only by {@link AuditHead#append}, which keeps the chain in order.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  /** The "previous hash" of the first entry. */
  public static final String GENESIS_HASH = "0".repeat(64);

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private Long id;

  /**
   * When, to the millisecond, with its UTC offset, in a TIMESTAMP WITH TIME ZONE column: an
   * absolute instant whatever the time zone of the server or of the database session (a plain
   * TIMESTAMP would shift with the JVM's zone and break the hash).
   */
  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "actor", length = 80, nullable = false, updatable = false)
  private String actor;

  @Column(name = "actor_role", length = 20, nullable = false, updatable = false)
  private String actorRole;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", length = 30, nullable = false, updatable = false)
  private AuditAction action;

  @Column(name = "entity_type", length = 40, nullable = false, updatable = false)
  private String entityType;

  @Column(name = "entity_key", length = 200, nullable = false, updatable = false)
  private String entityKey;

  @Column(name = "field_name", length = 80, updatable = false)
  private String field;

  @Column(name = "old_value", length = AuditRecord.MAX_VALUE_LENGTH, updatable = false)
  private String oldValue;

  @Column(name = "new_value", length = AuditRecord.MAX_VALUE_LENGTH, updatable = false)
  private String newValue;

  @Column(name = "reason", length = AuditRecord.MAX_REASON_LENGTH, updatable = false)
  private String reason;

  @Column(name = "previous_hash", length = 64, nullable = false, updatable = false)
  private String previousHash;

  @Column(name = "hash", length = 64, nullable = false, updatable = false)
  private String hash;

  protected AuditEntry() {}

  AuditEntry(long id, Instant occurredAt, AuditRecord record, String previousHash) {
    if (id < 1) {
      throw new IllegalArgumentException("audit entries are numbered from 1");
    }
    this.id = id;
    // Milliseconds: what both H2 and PostgreSQL store exactly, so the hash of what is read back
    // equals the hash of what was written.
    this.occurredAt =
        Require.present(occurredAt, "time").truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    Require.present(record, "audit record");
    this.actor = record.actor();
    this.actorRole = record.actorRole();
    this.action = record.action();
    this.entityType = record.entityType();
    this.entityKey = record.entityKey();
    this.field = record.field();
    this.oldValue = record.oldValue();
    this.newValue = record.newValue();
    this.reason = record.reason();
    this.previousHash = Require.text(previousHash, "previous hash", 64);
    this.hash = chainHash(previousHash, canonicalContent());
  }

  /**
   * The entry's content in one fixed, unambiguous form: one line per field in a fixed order, each
   * value prefixed by its length (so no value can imitate a field boundary) and null written as
   * "~". Changing this format breaks every existing hash; a new format needs a new version line.
   */
  public String canonicalContent() {
    StringBuilder out = new StringBuilder("audit-entry/v1\n");
    line(out, "id", Long.toString(id));
    line(out, "occurredAt", occurredAt().toString());
    line(out, "actor", actor);
    line(out, "actorRole", actorRole);
    line(out, "action", action.name());
    line(out, "entityType", entityType);
    line(out, "entityKey", entityKey);
    line(out, "field", field);
    line(out, "oldValue", oldValue);
    line(out, "newValue", newValue);
    line(out, "reason", reason);
    return out.toString();
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(name).append('=');
    if (value == null) {
      out.append('~');
    } else {
      out.append(value.length()).append(':').append(value);
    }
    out.append('\n');
  }

  /** SHA-256, in lower-case hex, over the previous hash, a line break and the canonical content. */
  public static String chainHash(String previousHash, String canonicalContent) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) '\n');
      sha256.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether the stored hash still matches the stored content and previous hash. */
  public boolean contentIsIntact() {
    return hash != null && hash.equals(chainHash(previousHash, canonicalContent()));
  }

  public Long id() {
    return id;
  }

  /** The instant (a database may hand the time back in another offset; the instant is the same). */
  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public String actor() {
    return actor;
  }

  public String actorRole() {
    return actorRole;
  }

  public AuditAction action() {
    return action;
  }

  public String entityType() {
    return entityType;
  }

  public String entityKey() {
    return entityKey;
  }

  public String field() {
    return field;
  }

  public String oldValue() {
    return oldValue;
  }

  public String newValue() {
    return newValue;
  }

  public String reason() {
    return reason;
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
