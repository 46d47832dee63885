package org.opentrials.portal.web.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's language: the one the address asks for ({@code ?lang=es}), else the one they chose
 * with the switch (a cookie, not a session), else the first supported one their browser asks for,
 * else English. A language asked for in the address is kept in the links the page makes ({@link
 * #link}) and in its forms, so following them stays in that language without any cookie. Sponsor
 * content shows in this language where it is written in it, else in English marked {@code
 * lang="en"}.
 */
@Named
@RequestScoped
public class LocaleBacking {
  static final String COOKIE = "lang";
  static final String PARAMETER = "lang";
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

  /**
   * The language to mark English texts with on this page (registry texts, sponsor texts without a
   * translation): "en" on a Spanish page, else null (no mark needed).
   */
  public String getEnglishMark() {
    return "en".equals(getLanguage()) ? null : "en";
  }

  /** The other language offered, for the switch link. */
  public String getOtherLanguage() {
    return "es".equals(getLanguage()) ? "en" : "es";
  }

  /**
   * Where the switch link returns to: this page, with its query but without a {@code lang}
   * parameter, so that the language just chosen applies there.
   */
  public String getCurrentPath() {
    Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
    String uri = forwarded != null ? (String) forwarded : request.getRequestURI();
    Object forwardedQuery = request.getAttribute("jakarta.servlet.forward.query_string");
    String query =
        withoutLanguage(forwarded != null ? (String) forwardedQuery : request.getQueryString());
    String path = uri.substring(request.getContextPath().length());
    return query == null ? path : path + "?" + query;
  }

  /** Whether the address asked for the language ({@code ?lang=}): links and forms then keep it. */
  public boolean isPinned() {
    return requested(request) != null;
  }

  /**
   * A link within the portal ({@code /trials/NCT02633163?near=...}, without the context path) that
   * keeps the language asked for in the address, if any.
   */
  public String link(String path) {
    String pinned = requested(request);
    if (pinned == null) {
      return path;
    }
    int hash = path.indexOf('#');
    String base = hash < 0 ? path : path.substring(0, hash);
    String fragment = hash < 0 ? "" : path.substring(hash);
    return base + (base.contains("?") ? "&" : "?") + PARAMETER + "=" + pinned + fragment;
  }

  static String withoutLanguage(String query) {
    if (query == null) {
      return null;
    }
    String kept =
        java.util.Arrays.stream(query.split("&"))
            .filter(p -> !p.equals(PARAMETER) && !p.startsWith(PARAMETER + "="))
            .collect(java.util.stream.Collectors.joining("&"));
    return kept.isEmpty() ? null : kept;
  }

  /** The supported language the address asks for, else null. */
  static String requested(HttpServletRequest request) {
    String asked = request.getParameter(PARAMETER);
    return asked != null && SUPPORTED.contains(asked) ? asked : null;
  }

  /** The language a request is answered in (the page cache keys pages by it). */
  public static Locale resolve(HttpServletRequest request) {
    String asked = requested(request);
    if (asked != null) {
      return Locale.forLanguageTag(asked);
    }
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
