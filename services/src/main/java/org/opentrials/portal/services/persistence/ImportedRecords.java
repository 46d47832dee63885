package org.opentrials.portal.services.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The fingerprints of what was last imported, read and written in the caller's transaction. */
public final class ImportedRecords {
  private final EntityManager em;
  private final Map<String, ImportedRecord> loaded = new HashMap<>();

  public ImportedRecords(EntityManager em) {
    this.em = em;
  }

  /** The last imported fingerprint of each trial that has one, by NCT number: one query. */
  public Map<String, String> fingerprints(Collection<String> nctIds) {
    Map<String, String> found = new HashMap<>();
    if (nctIds.isEmpty()) {
      return found;
    }
    for (ImportedRecord r :
        em.createQuery("select r from ImportedRecord r where r.nctId in :ids", ImportedRecord.class)
            .setParameter("ids", nctIds)
            .getResultList()) {
      loaded.put(r.nctId(), r);
      found.put(r.nctId(), r.contentHash());
    }
    return found;
  }

  /** Remembers the fingerprint just imported; the trial must already be written (a foreign key). */
  public void remember(String nctId, String contentHash, Instant when) {
    ImportedRecord record = loaded.get(nctId);
    if (record == null) {
      record = new ImportedRecord(nctId, contentHash, when);
      em.persist(record);
      loaded.put(nctId, record);
    } else if (!record.contentHash().equals(contentHash)) {
      record.update(contentHash, when);
    }
  }

  /** Forgets a trial's fingerprint, so that its next import merges the record whatever it holds. */
  public void forget(String nctId) {
    ImportedRecord record = loaded.remove(nctId);
    if (record != null) {
      em.remove(record);
    }
  }
}
