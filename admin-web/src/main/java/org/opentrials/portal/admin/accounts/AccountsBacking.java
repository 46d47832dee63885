package org.opentrials.portal.admin.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.staff.AccountAdministration;
import org.opentrials.portal.services.staff.AccountView;
import org.opentrials.portal.services.staff.InvalidAccountChange;
import org.opentrials.portal.services.staff.IssuedPassword;
import org.opentrials.portal.services.staff.NewAccount;

/**
 * The administrators' accounts page, /accounts.xhtml: every account, and the form that creates one.
 * A password left empty is generated and shown in this one response only; a typed one is never
 * shown back (the field does not redisplay it). The service decides who may do this.
 */
@Named
@RequestScoped
public class AccountsBacking {
  private AccountAdministration accounts;
  private FacesContext faces;

  /** For the container's proxies only (see README, "Injection"). */
  protected AccountsBacking() {}

  @Inject
  public AccountsBacking(AccountAdministration accounts, FacesContext faces) {
    this.accounts = accounts;
    this.faces = faces;
  }

  private List<AccountView> list;
  private String username;
  private String displayName;
  private Role role;
  private String password;
  private IssuedPassword created;

  public List<AccountView> getAccounts() {
    if (list == null) {
      list = accounts.listAccounts();
    }
    return list;
  }

  public void create() {
    try {
      created =
          accounts.createAccount(
              new NewAccount(
                  username,
                  displayName,
                  role,
                  password == null || password.isEmpty() ? null : password));
      faces.addMessage(
          null,
          Texts.info(
              faces,
              created.password() == null ? "accounts.created" : "accounts.createdGenerated",
              created.account().username()));
      username = null;
      displayName = null;
      role = null;
      list = null;
    } catch (InvalidAccountChange e) {
      faces.addMessage("create:" + e.field(), Texts.error(faces, "account.error." + e.problem()));
      faces.validationFailed();
    } finally {
      password = null;
    }
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public IssuedPassword getCreated() {
    return created;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
