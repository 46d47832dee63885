package org.opentrials.portal.websupport;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Behind the generic error pages: gives a server error an incident id, logs the exception under
 * that id for the operators, and shows the visitor only the id. A failure because the database
 * cannot be reached, or no connection came free within the pool's wait (a database outage, a pool
 * too small for the load), is answered 503 with Retry-After and a "try again" text instead.
 */
@Named
@RequestScoped
public class ErrorBacking {
  private static final Logger LOG = Logger.getLogger(ErrorBacking.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  private HttpServletRequest request;

  /** For the container's proxies only (see README, "Injection"). */
  protected ErrorBacking() {}

  @Inject
  public ErrorBacking(HttpServletRequest request) {
    this.request = request;
  }

  private String incidentId;
  private boolean unavailable;

  @PostConstruct
  void record() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    incidentId = HexFormat.of().withUpperCase().formatHex(bytes);
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    unavailable = DatabaseUnavailable.isCause(error);
    if (unavailable) {
      // One line per request: during an outage every request fails alike.
      LOG.log(
          Level.WARNING,
          "Incident {0} on {1}: database unavailable or no free connection ({2})",
          new Object[] {incidentId, uri, DatabaseUnavailable.describe(error)});
    } else if (error != null) {
      LOG.log(Level.SEVERE, "Incident " + incidentId + " on " + uri, error);
    }
  }

  /** True when the failure was the database out of reach or no connection free in time. */
  public boolean isUnavailable() {
    return unavailable;
  }

  /** For the server-error page: 503 and Retry-After when the database is unavailable. */
  public void presentServerError() {
    if (unavailable) {
      var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
      external.setResponseStatus(503);
      external.setResponseHeader("Retry-After", "30");
      external.setResponseHeader("Cache-Control", "no-store");
    }
  }

  /** For pages a caller may not open: answer as if they did not exist (403 becomes 404). */
  public void presentAsNotFound() {
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .getExternalContext()
        .setResponseStatus(404);
  }

  public String getIncidentId() {
    return incidentId;
  }
}
