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
 * that id for the operators, and shows the visitor only the id.
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

  @PostConstruct
  void record() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    incidentId = HexFormat.of().withUpperCase().formatHex(bytes);
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (error != null) {
      LOG.log(Level.SEVERE, "Incident " + incidentId + " on " + uri, error);
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
