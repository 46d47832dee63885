package org.opentrials.portal.web.contact;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.opentrials.portal.services.contact.ContactRequests;

/**
 * The link a visitor keeps: /requests/{reference}/withdraw?key=... Opening it changes nothing; the
 * visitor confirms with a button (a POST), and the request is erased.
 */
@Named
@RequestScoped
public class WithdrawBacking {
  private ContactRequests contactRequests;

  private String reference;

  private String key;

  private String outcome;

  private jakarta.servlet.http.HttpServletRequest request;

  /** For the container's proxies only (see README, "Injection"). */
  protected WithdrawBacking() {}

  @Inject
  public WithdrawBacking(
      ContactRequests contactRequests,
      @Param(name = "ref") String reference,
      @Param(name = "key") String key,
      jakarta.servlet.http.HttpServletRequest request) {
    this.contactRequests = contactRequests;
    this.reference = reference;
    this.key = key;
    this.request = request;
  }

  /** Runs before rendering (f:viewAction): a confirmed POST erases the request. */
  public void load() {
    if ("POST".equals(request.getMethod()) && "yes".equals(request.getParameter("confirm"))) {
      outcome = contactRequests.withdraw(reference, key) ? "done" : "unknown";
    }
  }

  /** Nothing of this page is cached: the link is a secret. */
  public void noStore() {
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .setResponseHeader("Cache-Control", "no-store");
  }

  public String getReference() {
    return reference;
  }

  public String getKey() {
    return key;
  }

  public String getOutcome() {
    return outcome;
  }
}
