package org.opentrials.portal.web.trial;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.omnifaces.cdi.Param;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.trials.SiteView;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPages;
import org.opentrials.portal.web.support.LocaleBacking;

/** A site's own page, /trials/{nct}/sites/{site}: the hospital's view of the trial. */
@Named
@RequestScoped
public class SiteBacking {
  private TrialPages trialPages;
  private ExternalContext external;

  private String nctParam;

  private String siteParam;

  /** For the container's proxies only (see README, "Injection"). */
  protected SiteBacking() {}

  @Inject
  public SiteBacking(
      TrialPages trialPages,
      ExternalContext external,
      @Param(name = "nct") String nctParam,
      @Param(name = "site") String siteParam) {
    this.trialPages = trialPages;
    this.external = external;
    this.nctParam = nctParam;
    this.siteParam = siteParam;
  }

  private TrialPageView trial;
  private SiteView site;

  /** Runs before rendering (f:viewAction); answers 404 when there is nothing to show. */
  public void load() {
    trial =
        NctNumber.parse(nctParam)
            .flatMap(n -> trialPages.findTrialPage(n, Optional.empty()))
            .orElse(null);
    site =
        trial == null
            ? null
            : trial.sites().stream()
                .filter(s -> s.slug().equals(siteParam))
                .findFirst()
                .orElse(null);
    if (site == null) {
      try {
        external.responseSendError(404, null);
        FacesContext.getCurrentInstance().responseComplete();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public TrialPageView getTrial() {
    return trial;
  }

  public SiteView getSite() {
    return site;
  }

  /** Whether the site has published a contact: only then can a visitor ask it to contact them. */
  public boolean isReachable() {
    return site.contactName() != null || site.contactPhone() != null || site.contactEmail() != null;
  }

  /**
   * The study's name at this site: the site's own title, else the registry's official or brief
   * title; these are English (marked so on a Spanish page).
   */
  public String getStudyName() {
    if (site.displayTitle() != null) {
      return site.displayTitle();
    }
    return trial.officialTitle() != null ? trial.officialTitle() : trial.briefTitle();
  }

  private TrialTexts texts;

  /** The trial's texts in the visitor's language, English ones marked where they fall back. */
  public TrialTexts getTexts() {
    if (texts == null) {
      texts =
          new TrialTexts(
              trial,
              LocaleBacking.resolve((HttpServletRequest) external.getRequest()).getLanguage());
    }
    return texts;
  }

  /** The language to mark English registry texts with: "en" on a Spanish page, else none. */
  public String getEnglishMark() {
    return getTexts().getEnglishMark();
  }
}
