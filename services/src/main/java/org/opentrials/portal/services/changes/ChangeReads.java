package org.opentrials.portal.services.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** The change log read in short transactions of their own, for the {@link ChangeFollower}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ChangeReads {
  @PersistenceContext(unitName = "trials")
  EntityManager em;

  public long lastId() {
    return new ChangeLog(em).lastId();
  }

  public List<Change> after(long after, int limit) {
    return new ChangeLog(em).after(after, limit);
  }

  public List<Change> withIds(Collection<Long> ids) {
    return new ChangeLog(em).withIds(ids);
  }
}
