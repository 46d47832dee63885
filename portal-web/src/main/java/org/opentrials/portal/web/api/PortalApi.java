package org.opentrials.portal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under /api. Stateless: no request creates a session. */
@ApplicationPath("/api")
public class PortalApi extends Application {}
