package org.opentrials.portal.web.trial;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.omnifaces.cdi.Param;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.geo.Place;
import org.opentrials.portal.services.shared.PublicAddress;
import org.opentrials.portal.services.trials.TrialPageView;
import org.opentrials.portal.services.trials.TrialPages;
import org.opentrials.portal.web.support.LocaleBacking;

/** The public trial page, /trials/{nct}: reads the trial and, if given, the visitor's location. */
@Named
@RequestScoped
public class TrialBacking {
  /** How many criteria of each list show before "+N more". */
  public static final int CRITERIA_SHOWN = 3;

  private TrialPages trialPages;
  private ExternalContext external;
  private PublicAddress publicAddress;

  private String nctParam;

  /** What the visitor typed as their location: a ZIP code or a city. */
  private String near;

  /**
   * Set by the preview URL /trials/{nct}/preview?key=...: the page with a staff member's draft in
   * it.
   */
  private String previewParam;

  private String previewKey;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialBacking() {}

  @Inject
  public TrialBacking(
      TrialPages trialPages,
      ExternalContext external,
      @Param(name = "nct") String nctParam,
      @Param(name = "near") String near,
      @Param(name = "preview") String previewParam,
      @Param(name = "key") String previewKey,
      PublicAddress publicAddress) {
    this.trialPages = trialPages;
    this.publicAddress = publicAddress;
    this.external = external;
    this.nctParam = nctParam;
    this.near = near;
    this.previewParam = previewParam;
    this.previewKey = previewKey;
  }

  private TrialPageView trial;
  private boolean preview;
  private Place visitorPlace;
  private boolean nearInvalid;

  /** Runs before rendering (f:viewAction); answers 404 when there is nothing to show. */
  public void load() {
    Optional<NctNumber> nct = NctNumber.parse(nctParam);
    if (near != null && !near.isBlank()) {
      visitorPlace = near.length() <= 100 ? Gazetteer.shared().resolve(near).orElse(null) : null;
      nearInvalid = visitorPlace == null;
    }
    Optional<GeoPoint> visitor = Optional.ofNullable(visitorPlace).map(Place::point);
    preview = "true".equals(previewParam);
    if (preview) {
      // A draft is for the staff member's eyes: never cached, never indexed.
      external.setResponseHeader("Cache-Control", "no-store");
      external.setResponseHeader("X-Robots-Tag", "noindex, nofollow");
      trial = nct.flatMap(n -> trialPages.findPreview(n, previewKey, visitor)).orElse(null);
    } else {
      trial = nct.flatMap(n -> trialPages.findTrialPage(n, visitor)).orElse(null);
    }
    if (trial == null) {
      notFound();
    }
  }

  private void notFound() {
    try {
      external.responseSendError(404, null);
      jakarta.faces.context.FacesContext.getCurrentInstance().responseComplete();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The page's address without the visitor's query, as search engines should know it. */
  public String getCanonicalUrl() {
    return publicAddress.of("/trials/" + trial.nct());
  }

  /** schema.org MedicalTrial as JSON for the page head. */
  public String getStructuredData() {
    return TrialStructuredData.of(trial, getCanonicalUrl());
  }

  public boolean isPreview() {
    return preview;
  }

  public TrialPageView getTrial() {
    return trial;
  }

  public String getNear() {
    return near;
  }

  public boolean isNearInvalid() {
    return nearInvalid;
  }

  public Place getVisitorPlace() {
    return visitorPlace;
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

  public List<TrialTexts.Shown> getInclusionShown() {
    return head(getTexts().getInclusion());
  }

  public List<TrialTexts.Shown> getInclusionMore() {
    return tail(getTexts().getInclusion());
  }

  public List<TrialTexts.Shown> getExclusionShown() {
    return head(getTexts().getExclusion());
  }

  public List<TrialTexts.Shown> getExclusionMore() {
    return tail(getTexts().getExclusion());
  }

  /**
   * Where a visitor of a study that does not take participants finds recruiting ones: the search
   * for its first condition, near the place they gave.
   */
  public String getSimilarRecruitingUrl() {
    String base = "/trials";
    java.util.List<String> query = new java.util.ArrayList<>();
    if (!trial.conditions().isEmpty()) {
      query.add("q=" + encode(trial.conditions().get(0)));
    }
    if (visitorPlace != null) {
      query.add("near=" + encode(near.strip()));
    }
    String path = query.isEmpty() ? base : base + "?" + String.join("&", query);
    return external.getRequestContextPath()
        + new LocaleBacking((HttpServletRequest) external.getRequest()).link(path);
  }

  /** A long site list without the visitor's place reads grouped by country and state. */
  public boolean isGroupedSites() {
    return visitorPlace == null
        && trial.sites().size()
            > org.opentrials.portal.services.trials.TrialPagesService.LONG_SITE_LIST;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The number of other locations beside the nearest recruiting one. */
  public int getOtherLocations() {
    return Math.max(0, trial.sites().size() - 1);
  }

  private static <T> List<T> head(List<T> items) {
    return items.subList(0, Math.min(CRITERIA_SHOWN, items.size()));
  }

  private static <T> List<T> tail(List<T> items) {
    return items.size() <= CRITERIA_SHOWN ? List.of() : items.subList(CRITERIA_SHOWN, items.size());
  }
}
