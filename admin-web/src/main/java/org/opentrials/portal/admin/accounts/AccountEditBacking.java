package org.opentrials.portal.admin.accounts;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.domain.staff.Role;
import org.opentrials.portal.services.staff.AccountAdministration;
import org.opentrials.portal.services.staff.AccountAdministration.SiteChoice;
import org.opentrials.portal.services.staff.AccountAdministration.TrialChoice;
import org.opentrials.portal.services.staff.AccountConflict;
import org.opentrials.portal.services.staff.AccountView;
import org.opentrials.portal.services.staff.InvalidAccountChange;
import org.opentrials.portal.services.staff.IssuedPassword;

/**
 * One account, /accounts/edit.xhtml?user=...: its assignments (picked from the trials and sites
 * that exist; the service looks each one up again), unlock, disable or enable, reset the password.
 * The version the administrator started from stays in this view, on the server; a change made
 * meanwhile by someone else refuses this one and shows what is stored now.
 */
@Named
@ViewScoped
public class AccountEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private AccountAdministration accounts;

  /** For the container's proxies only (see README, "Injection"). */
  protected AccountEditBacking() {}

  @Inject
  public AccountEditBacking(AccountAdministration accounts) {
    this.accounts = accounts;
  }

  private String user;
  private AccountView account;
  private List<String> trials = new ArrayList<>();
  private List<String> sites = new ArrayList<>();
  private List<TrialChoice> trialChoices;
  private List<SiteChoice> siteChoices;
  private String issuedPassword;
  private AccountView conflictStored;
  private List<String> conflictYours;

  /** On GET (f:viewAction): the account, or not found. */
  public void load() {
    show(accounts.getAccount(user));
  }

  public void assign() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<String> yours = List.copyOf(account.role() == Role.SPONSOR_STAFF ? trials : sites);
    change(
        faces,
        () ->
            accounts.assign(
                account.username(),
                account.version(),
                new LinkedHashSet<>(trials),
                new LinkedHashSet<>(sites)),
        "account.assigned",
        yours);
  }

  public void unlock() {
    change(
        FacesContext.getCurrentInstance(),
        () -> accounts.unlock(account.username(), account.version()),
        "account.unlocked",
        null);
  }

  public void disable() {
    change(
        FacesContext.getCurrentInstance(),
        () -> accounts.setDisabled(account.username(), account.version(), true),
        "account.disabledNow",
        null);
  }

  public void enable() {
    change(
        FacesContext.getCurrentInstance(),
        () -> accounts.setDisabled(account.username(), account.version(), false),
        "account.enabledNow",
        null);
  }

  public void resetPassword() {
    FacesContext faces = FacesContext.getCurrentInstance();
    issuedPassword = null;
    try {
      IssuedPassword issued = accounts.resetPassword(account.username(), account.version());
      show(issued.account());
      issuedPassword = issued.password();
      faces.addMessage(null, Texts.info(faces, "account.passwordReset"));
    } catch (AccountConflict e) {
      conflict(faces, e, null);
    }
  }

  private interface Change {
    AccountView run();
  }

  private void change(FacesContext faces, Change change, String doneKey, List<String> yours) {
    issuedPassword = null;
    try {
      show(change.run());
      faces.addMessage(null, Texts.info(faces, doneKey));
    } catch (AccountConflict e) {
      conflict(faces, e, yours);
    } catch (InvalidAccountChange e) {
      faces.addMessage(
          e.field().equals("disabled") ? null : "assign:" + e.field(),
          Texts.error(faces, "account.error." + e.problem()));
      faces.validationFailed();
    }
  }

  /**
   * Nothing was changed: show what is stored now, and (for assignments) what this administrator
   * picked.
   */
  private void conflict(FacesContext faces, AccountConflict e, List<String> yours) {
    show(e.stored());
    conflictStored = e.stored();
    conflictYours = yours;
    faces.addMessage(null, Texts.error(faces, "account.conflict"));
  }

  private void show(AccountView view) {
    account = view;
    trials = new ArrayList<>(view.trials());
    sites = new ArrayList<>(view.sites());
    conflictStored = null;
    conflictYours = null;
  }

  public List<TrialChoice> getTrialChoices() {
    if (trialChoices == null) {
      trialChoices = accounts.trialChoices();
    }
    return trialChoices;
  }

  public List<SiteChoice> getSiteChoices() {
    if (siteChoices == null) {
      siteChoices = accounts.siteChoices();
    }
    return siteChoices;
  }

  public boolean isInConflict() {
    return conflictStored != null;
  }

  public String getConflictStoredAssignments() {
    if (conflictStored == null) {
      return "";
    }
    return String.join(
        ", ",
        conflictStored.role() == Role.SPONSOR_STAFF
            ? conflictStored.trials()
            : conflictStored.sites());
  }

  public String getConflictYourAssignments() {
    return conflictYours == null ? null : String.join(", ", conflictYours);
  }

  public AccountView getAccount() {
    return account;
  }

  public String getIssuedPassword() {
    return issuedPassword;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public List<String> getTrials() {
    return trials;
  }

  public void setTrials(List<String> trials) {
    this.trials = trials == null ? new ArrayList<>() : trials;
  }

  public List<String> getSites() {
    return sites;
  }

  public void setSites(List<String> sites) {
    this.sites = sites == null ? new ArrayList<>() : sites;
  }
}
