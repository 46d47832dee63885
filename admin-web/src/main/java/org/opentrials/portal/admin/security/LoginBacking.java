package org.opentrials.portal.admin.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ResourceBundle;
import org.opentrials.portal.domain.audit.AuditAction;
import org.opentrials.portal.domain.audit.AuditRecord;
import org.opentrials.portal.services.audit.AuditTrail;
import org.opentrials.portal.services.audit.StaffCaller;

/** The sign-in form. */
@Named
@RequestScoped
public class LoginBacking {
  private SecurityContext securityContext;
  private FacesContext faces;
  private ExternalContext external;
  private StaffCaller caller;
  private AuditTrail audit;
  private ClientAddress clientAddress;

  /** For the container's proxies only (see README, "Injection"). */
  protected LoginBacking() {}

  @Inject
  public LoginBacking(
      SecurityContext securityContext,
      FacesContext faces,
      ExternalContext external,
      StaffCaller caller,
      AuditTrail audit,
      ClientAddress clientAddress) {
    this.securityContext = securityContext;
    this.faces = faces;
    this.external = external;
    this.caller = caller;
    this.audit = audit;
    this.clientAddress = clientAddress;
  }

  @NotBlank @Size(max = 80) private String username;

  @NotBlank @Size(max = 200) private String password;

  public void signIn() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> {
        // A new session id at sign-in, so that an id planted before cannot ride the new identity.
        if (request.getSession(false) != null) {
          request.changeSessionId();
        }
        // The credentials this session signed in with: a later reset or disable ends it.
        caller
            .accountNamed(username)
            .ifPresent(
                a ->
                    request
                        .getSession(true)
                        .setAttribute(StaffRequestFilter.EPOCH, a.credentialEpoch()));
        // Redirect so that the next request is the first one with the new identity (Payara 4734).
        external.redirect(external.getRequestContextPath() + "/");
        faces.responseComplete();
      }
      default -> {
        password = null;
        String text =
            ResourceBundle.getBundle(
                    "org.opentrials.portal.admin.messages", faces.getViewRoot().getLocale())
                .getString("login.failed");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
      }
    }
  }

  public String signOut() throws jakarta.servlet.ServletException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    try {
      recordSignOut(request);
    } catch (RuntimeException e) {
      // Signing out must always work; a sign-out the trail could not take is logged instead.
      java.util.logging.Logger.getLogger(LoginBacking.class.getName())
          .log(java.util.logging.Level.WARNING, "sign-out not recorded in the audit trail", e);
    }
    request.logout();
    external.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }

  private void recordSignOut(HttpServletRequest request) {
    caller
        .account()
        .ifPresent(
            account ->
                audit.record(
                    new AuditRecord(
                        account.username(),
                        account.role().name(),
                        AuditAction.SIGN_OUT,
                        "StaffAccount",
                        account.username(),
                        "clientAddress",
                        null,
                        clientAddress.of(request),
                        null)));
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
