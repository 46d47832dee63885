package org.opentrials.portal.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.omnifaces.cdi.Param;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.search.SearchPage;
import org.opentrials.portal.search.SearchQuery;
import org.opentrials.portal.search.TrialSearch;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.geo.Place;
import org.opentrials.portal.services.trials.TrialPages;
import org.opentrials.portal.web.support.LocaleBacking;
import org.opentrials.portal.web.trial.TrialTexts;

/**
 * The search page, / and /trials?q=...: the whole query lives in the URL, so a result list can be
 * shared and bookmarked. Each invalid field gets its own message and keeps what was typed.
 */
@Named
@RequestScoped
public class SearchBacking {
  public static final List<Integer> RADII = List.of(10, 25, 50, 100, 250, 500);
  static final int PAGE_SIZE = 10;

  private TrialSearch trialSearch;
  private LocaleBacking locale;
  private TrialPages trialPages;

  private String q;

  private String phase;

  private String status;

  private String type;

  private String age;

  private String sex;

  private String near;

  private String radius;

  private String page;

  /** For the container's proxies only (see README, "Injection"). */
  protected SearchBacking() {}

  @Inject
  public SearchBacking(
      TrialSearch trialSearch,
      LocaleBacking locale,
      TrialPages trialPages,
      @Param(name = "q") String q,
      @Param(name = "phase") String phase,
      @Param(name = "status") String status,
      @Param(name = "type") String type,
      @Param(name = "age") String age,
      @Param(name = "sex") String sex,
      @Param(name = "near") String near,
      @Param(name = "radius") String radius,
      @Param(name = "page") String page) {
    this.trialSearch = trialSearch;
    this.locale = locale;
    this.trialPages = trialPages;
    this.q = q;
    this.phase = phase;
    this.status = status;
    this.type = type;
    this.age = age;
    this.sex = sex;
    this.near = near;
    this.radius = radius;
    this.page = page;
  }

  private final Map<String, String> errors = new LinkedHashMap<>();
  private SearchPage results;
  private Place place;

  public SearchPage getResults() {
    if (results == null) {
      results = run();
    }
    return results;
  }

  private SearchPage run() {
    ResourceBundle b =
        ResourceBundle.getBundle("org.opentrials.portal.web.messages", locale.getLocale());
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > 100) {
      errors.put("q", b.getString("search.error.q"));
      text = null;
    }
    if (text != null && text.isEmpty()) {
      text = null;
    }
    Phase phaseValue = null;
    if (phase != null && !phase.isBlank()) {
      try {
        phaseValue = Phase.valueOf(phase);
      } catch (IllegalArgumentException e) {
        errors.put("phase", b.getString("search.error.phase"));
      }
    }
    String typeValue = null;
    if (type != null && !type.isBlank()) {
      try {
        typeValue = StudyType.valueOf(type).name();
      } catch (IllegalArgumentException e) {
        errors.put("type", b.getString("search.error.type"));
      }
    }
    Integer ageValue = null;
    if (age != null && !age.isBlank()) {
      try {
        ageValue = Integer.valueOf(age.strip());
        if (ageValue < 0 || ageValue > 120) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.put("age", b.getString("search.error.age"));
        ageValue = null;
      }
    }
    String sexValue = null;
    if (sex != null && !sex.isBlank()) {
      if ("FEMALE".equals(sex) || "MALE".equals(sex)) {
        sexValue = sex;
      } else {
        errors.put("sex", b.getString("search.error.sex"));
      }
    }
    GeoPoint point = null;
    if (near != null && !near.isBlank()) {
      place = near.length() <= 100 ? Gazetteer.shared().resolve(near).orElse(null) : null;
      if (place == null) {
        errors.put("near", b.getString("trial.location.invalid"));
      } else {
        point = place.point();
      }
    }
    int radiusValue = 50;
    if (radius != null && !radius.isBlank()) {
      try {
        radiusValue = Integer.parseInt(radius);
        if (!RADII.contains(radiusValue)) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.put("radius", b.getString("search.error.radius"));
        radiusValue = 50;
      }
    }
    int pageValue = 1;
    try {
      pageValue =
          page == null || page.isBlank()
              ? 1
              : Math.max(1, Math.min(SearchQuery.MAX_PAGE, Integer.parseInt(page)));
    } catch (NumberFormatException e) {
      pageValue = 1;
    }
    return trialSearch.search(
        new SearchQuery(
            text,
            phaseValue == null ? null : phaseValue.name(),
            typeValue,
            !"any".equals(status),
            ageValue,
            sexValue,
            point,
            radiusValue,
            pageValue,
            PAGE_SIZE));
  }

  /** The link to another page of the same results. */
  public String pageLink(int number) {
    StringBuilder sb = new StringBuilder("/trials?");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("phase", phase);
    params.put("status", status);
    params.put("type", type);
    params.put("age", age);
    params.put("sex", sex);
    params.put("near", near);
    params.put("radius", radius);
    params.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            sb.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&');
          }
        });
    return sb.append("page=").append(number).toString();
  }

  /** "Which trials might fit me?" for the visitor's words and place, when given. */
  public String getMatchLink() {
    getResults();
    StringBuilder sb = new StringBuilder("/match");
    String sep = "?";
    if (q != null && !q.isBlank() && !errors.containsKey("q")) {
      sb.append(sep).append("q=").append(URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
      sep = "&";
    }
    if (place != null) {
      sb.append(sep)
          .append("near=")
          .append(URLEncoder.encode(near.strip(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private Map<String, String> spanishTitles;

  /**
   * A result's title in the visitor's language: on a Spanish page the Spanish title where sponsor
   * staff wrote one, else the English one, marked {@code lang="en"}.
   */
  public TrialTexts.Shown title(SearchPage.Hit hit) {
    String english = hit.trial().briefTitle();
    if (!"es".equals(locale.getLanguage())) {
      return new TrialTexts.Shown(english, null);
    }
    if (spanishTitles == null) {
      spanishTitles =
          trialPages.spanishTitles(getResults().hits().stream().map(h -> h.trial().nct()).toList());
    }
    String spanish = spanishTitles.get(hit.trial().nct());
    return spanish != null
        ? new TrialTexts.Shown(spanish, null)
        : new TrialTexts.Shown(english, "en");
  }

  /** The trial page link, carrying the visitor's location so distances show there too. */
  public String trialLink(String nct) {
    String base = "/trials/" + nct;
    return place == null
        ? base
        : base + "?near=" + URLEncoder.encode(near.strip(), StandardCharsets.UTF_8);
  }

  public boolean isSearched() {
    return q != null
        || phase != null
        || age != null
        || sex != null
        || near != null
        || status != null
        || type != null;
  }

  public Map<String, String> getErrors() {
    getResults();
    return errors;
  }

  public Place getPlace() {
    getResults();
    return place;
  }

  public List<Integer> getRadii() {
    return RADII;
  }

  public List<String> getStudyTypes() {
    return java.util.Arrays.stream(StudyType.values()).map(Enum::name).toList();
  }

  public String getType() {
    return type;
  }

  public List<String> getPhases() {
    return java.util.Arrays.stream(Phase.values()).map(Enum::name).toList();
  }

  public String getQ() {
    return q;
  }

  public String getPhase() {
    return phase;
  }

  public String getStatus() {
    return status;
  }

  public String getAge() {
    return age;
  }

  public String getSex() {
    return sex;
  }

  public String getNear() {
    return near;
  }

  public String getRadius() {
    return radius == null ? "50" : radius;
  }
}
