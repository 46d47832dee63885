package org.opentrials.portal.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's language: the one they chose (a cookie, not a session), else the first supported
 * one their browser asks for, else English. Sponsor content stays in the language it was written
 * in.
 */
@Named
@RequestScoped
public class LocaleBacking {
  static final String COOKIE = "lang";
  static final List<String> SUPPORTED = List.of("en", "es");

  private HttpServletRequest request;

  /** For the container's proxies only (see README, "Injection"). */
  protected LocaleBacking() {}

  @Inject
  public LocaleBacking(HttpServletRequest request) {
    this.request = request;
  }

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      locale = resolve(request);
    }
    return locale;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /** The other language offered, for the switch link. */
  public String getOtherLanguage() {
    return "es".equals(getLanguage()) ? "en" : "es";
  }

  /** Where the switch link returns to: this page, with its query. */
  public String getCurrentPath() {
    Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
    String uri = forwarded != null ? (String) forwarded : request.getRequestURI();
    Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
    String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
    String path = uri.substring(request.getContextPath().length());
    return query == null ? path : path + "?" + query;
  }

  /** The language a request is answered in (the page cache keys pages by it). */
  public static Locale resolve(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (COOKIE.equals(c.getName()) && SUPPORTED.contains(c.getValue())) {
          return Locale.forLanguageTag(c.getValue());
        }
      }
    }
    var preferred = request.getLocales();
    while (preferred.hasMoreElements()) {
      String language = preferred.nextElement().getLanguage();
      if (SUPPORTED.contains(language)) {
        return Locale.forLanguageTag(language);
      }
    }
    return Locale.ENGLISH;
  }
}
