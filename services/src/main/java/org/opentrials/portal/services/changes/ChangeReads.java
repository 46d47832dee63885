package org.opentrials.portal.services.changes;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.opentrials.portal.services.persistence.TrialsDatabase;

/** The change log read in short transactions of their own, for the {@link ChangeFollower}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ChangeReads {
  private EntityManager em;

  @Resource(lookup = TrialsDatabase.JNDI_NAME)
  DataSource dataSource;

  /** For the container's proxies only (see README, "Injection"). */
  protected ChangeReads() {}

  @Inject
  public ChangeReads(EntityManager em) {
    this.em = em;
  }

  /**
   * The log's last id with one plain JDBC query outside any transaction: it runs before every page
   * the page cache answers, so it skips the transaction and persistence context a JPA query would
   * open.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public long lastId() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(ChangeLog.LAST_ID);
        ResultSet r = q.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the change log's end failed", e);
    }
  }

  public List<Change> after(long after, int limit) {
    return new ChangeLog(em).after(after, limit);
  }

  public List<Change> withIds(Collection<Long> ids) {
    return new ChangeLog(em).withIds(ids);
  }
}
