package org.opentrials.portal.admin.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.opentrials.portal.services.staff.StaffDirectory;
import org.opentrials.portal.services.staff.StaffDirectory.AccountView;

/** The administrators' list of staff accounts. */
@Named
@RequestScoped
public class AccountsBacking {
  @Inject StaffDirectory directory;

  private List<AccountView> accounts;

  public List<AccountView> getAccounts() {
    if (accounts == null) {
      accounts = directory.listAccounts();
    }
    return accounts;
  }
}
