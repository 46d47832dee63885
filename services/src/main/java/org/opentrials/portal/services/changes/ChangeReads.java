package org.opentrials.portal.services.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** The change log read in short transactions of their own, for the {@link ChangeFollower}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ChangeReads {
  private EntityManager em;

  /** For the container's proxies only (see README, "Injection"). */
  protected ChangeReads() {}

  @Inject
  public ChangeReads(EntityManager em) {
    this.em = em;
  }

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
