package org.opentrials.portal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under /api. Stateless: no request creates a session. */
@ApplicationPath("/api")
public class PortalApi extends Application {
  /** No generated WADL (/api/application.wadl): the API is documented in the README, not probed. */
  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
