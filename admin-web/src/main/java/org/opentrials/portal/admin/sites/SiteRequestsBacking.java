package org.opentrials.portal.admin.sites;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.domain.contact.RequestStatus;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.contact.RequestConflict;
import org.opentrials.portal.services.contact.RequestNotFound;
import org.opentrials.portal.services.contact.RequestView;
import org.opentrials.portal.services.contact.SiteRequests;
import org.opentrials.portal.services.contact.SiteRequests.SiteRequestList;
import org.opentrials.portal.services.sites.SiteNotFound;

/**
 * A site's contact requests and waitlist entries, /sites/requests.xhtml?trial=NCT...&site=slug. The
 * trial and site come from the request and are not trusted: the service decides on every call
 * whether the caller acts for that site (a refusal ends in the not-found page). Which request a
 * button acts on, and the version it was shown at, come from this view on the server, not from the
 * request.
 */
@Named
@ViewScoped
public class SiteRequestsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private SiteRequests requests;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteRequestsBacking() {}

  @Inject
  public SiteRequestsBacking(SiteRequests requests) {
    this.requests = requests;
  }

  private String trial;
  private String site;
  private SiteRequestList list;
  private final Map<String, String> choices = new HashMap<>();

  /** On GET (f:viewAction): the site's requests, or not found. */
  public void load() {
    list = requests.listForSite(nct(), site);
  }

  public void mark(RequestView request) {
    FacesContext faces = FacesContext.getCurrentInstance();
    // The page offers only the settable statuses, and Faces refuses any other value before this
    // runs.
    RequestStatus chosen = RequestStatus.valueOf(choices.get(request.reference()));
    try {
      RequestView changed =
          requests.changeStatus(nct(), site, request.reference(), chosen, request.version());
      faces.addMessage(
          null,
          Texts.info(
              faces,
              "requests.marked",
              changed.reference(),
              Texts.text(faces, "enum.RequestStatus." + changed.status().name())));
    } catch (RequestConflict e) {
      faces.addMessage(
          null,
          Texts.error(
              faces,
              "requests.conflict",
              e.stored().reference(),
              Texts.text(faces, "enum.RequestStatus." + e.stored().status().name())));
    } catch (RequestNotFound e) {
      faces.addMessage(null, Texts.error(faces, "requests.gone", request.reference()));
    }
    choices.clear();
    list = requests.listForSite(nct(), site);
  }

  private NctNumber nct() {
    if (site == null) {
      throw new SiteNotFound(trial + "/" + site);
    }
    return NctNumber.parse(trial).orElseThrow(() -> new SiteNotFound(trial + "/" + site));
  }

  public List<RequestStatus> getSettable() {
    return SiteRequests.SETTABLE;
  }

  public SiteRequestList getList() {
    return list;
  }

  public Map<String, String> getChoices() {
    return choices;
  }

  public String getTrial() {
    return trial;
  }

  public void setTrial(String trial) {
    this.trial = trial;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }
}
