package org.opentrials.portal.admin.sites;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.opentrials.portal.services.sites.SiteAdministration;
import org.opentrials.portal.services.sites.SiteSummary;

/** The "My sites" list: the sites the service says the caller may see. */
@Named
@RequestScoped
public class SitesBacking {
  private SiteAdministration sites;

  /** For the container's proxies only (see README, "Injection"). */
  protected SitesBacking() {}

  @Inject
  public SitesBacking(SiteAdministration sites) {
    this.sites = sites;
  }

  private List<SiteSummary> mySites;

  public List<SiteSummary> getSites() {
    if (mySites == null) {
      mySites = sites.listMySites();
    }
    return mySites;
  }

  public boolean isAnyEditable() {
    return getSites().stream().anyMatch(SiteSummary::editable);
  }
}
