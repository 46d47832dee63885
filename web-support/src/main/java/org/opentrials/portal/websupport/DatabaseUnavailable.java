package org.opentrials.portal.websupport;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises, in an exception's causes, a database that cannot be reached or a connection pool with
 * no connection free within its wait: the request may succeed if tried again, so the visitor is
 * told to try again (503) rather than that something broke.
 */
final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  static boolean isCause(Throwable error) {
    return find(error) != null;
  }

  /** The class and SQL state of the cause found, for the log (no message: it may hold data). */
  static String describe(Throwable error) {
    Throwable cause = find(error);
    if (cause == null) {
      return "-";
    }
    String state = cause instanceof SQLException s ? " SQLState " + s.getSQLState() : "";
    return cause.getClass().getName() + state;
  }

  private static Throwable find(Throwable error) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = error; t != null && seen.put(t, true) == null; t = next(t)) {
      if (matches(t)) {
        return t;
      }
    }
    return null;
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    return t instanceof SQLException s ? s.getNextException() : null;
  }

  static boolean matches(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof java.net.ConnectException) {
      return true;
    }
    String type = t.getClass().getName();
    // Payara's pool: com.sun.appserv.connectors.internal.api.PoolingException,
    // jakarta.resource.spi.ResourceAllocationException
    if (type.endsWith(".PoolingException") || type.endsWith(".ResourceAllocationException")) {
      return true;
    }
    if (t instanceof SQLException s) {
      String state = s.getSQLState();
      // 08: connection exception; 53300: too many connections; 57P01-57P03: server shutting down
      // or not accepting connections yet.
      if (state != null
          && (state.startsWith("08") || state.equals("53300") || state.startsWith("57P0"))) {
        return true;
      }
      String message = s.getMessage();
      // What Payara's pool says when it cannot hand out a connection (wrapped in SQLException).
      return message != null
          && message.toLowerCase(Locale.ROOT).startsWith("error in allocating a connection");
    }
    return false;
  }
}
