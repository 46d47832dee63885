package org.opentrials.portal.services.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fingerprint of the registry record a trial was last imported from (see {@link
 * RegistryStudy#contentHash()}). Bookkeeping of the import, not part of the trial: the portal shows
 * nothing of it.
 */
@Entity
@Table(name = "registry_record")
public class ImportedRecord {
  @Id
  @Column(name = "nct_id", length = 11)
  private String nctId;

  @Column(name = "content_hash", length = 64, nullable = false)
  private String contentHash;

  @Column(name = "imported_at", nullable = false)
  private OffsetDateTime importedAt;

  protected ImportedRecord() {}

  ImportedRecord(String nctId, String contentHash, Instant importedAt) {
    this.nctId = Objects.requireNonNull(nctId, "nctId");
    update(contentHash, importedAt);
  }

  void update(String contentHash, Instant importedAt) {
    this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    this.importedAt = importedAt.atOffset(ZoneOffset.UTC);
  }

  String nctId() {
    return nctId;
  }

  String contentHash() {
    return contentHash;
  }
}
