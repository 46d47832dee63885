package org.opentrials.portal.services.audit;

import java.io.Serializable;
import java.time.Instant;
import org.opentrials.portal.domain.audit.AuditEntry;

/** An audit entry as the audit page and the CSV export show it. */
public record AuditEntryView(
    long id,
    Instant occurredAt,
    String actor,
    String actorRole,
    String action,
    String entityType,
    String entityKey,
    String field,
    String oldValue,
    String newValue,
    String reason,
    String hash)
    implements Serializable {

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.id(),
        e.occurredAt(),
        e.actor(),
        e.actorRole(),
        e.action().name(),
        e.entityType(),
        e.entityKey(),
        e.field(),
        e.oldValue(),
        e.newValue(),
        e.reason(),
        e.hash());
  }
}
