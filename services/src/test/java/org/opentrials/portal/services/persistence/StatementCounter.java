package org.opentrials.portal.services.persistence;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * Counts the SQL statements EclipseLink sends, so a test can show that a page costs a bounded
 * number of queries. Installed with {@code eclipselink.logging.logger} and SQL logging at FINE.
 */
public class StatementCounter extends AbstractSessionLog {
  public static final AtomicInteger SELECTS = new AtomicInteger();

  @Override
  public void log(SessionLogEntry entry) {
    if (SessionLog.SQL.equals(entry.getNameSpace())
        && entry.getMessage() != null
        && entry
            .getMessage()
            .stripLeading()
            .toUpperCase(java.util.Locale.ROOT)
            .startsWith("SELECT")) {
      SELECTS.incrementAndGet();
    }
  }
}
