package org.opentrials.portal.admin.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The administration's start page: who is signed in, in which role. */
@Named
@RequestScoped
public class DashboardBacking {
  private HttpServletRequest request;

  /** For the container's proxies only (see README, "Injection"). */
  protected DashboardBacking() {}

  @Inject
  public DashboardBacking(HttpServletRequest request) {
    this.request = request;
  }

  public String getUsername() {
    return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
  }

  public String getRole() {
    for (String role : new String[] {"ADMINISTRATOR", "SPONSOR_STAFF", "INVESTIGATOR"}) {
      if (request.isUserInRole(role)) {
        return role;
      }
    }
    return null;
  }
}
