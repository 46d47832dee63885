package org.opentrials.portal.web.cache;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.services.changes.ChangeFollowing;
import org.opentrials.portal.web.support.LocaleBacking;

/**
 * Answers public pages from {@link PageCache} without rendering them: the trial page, a site's
 * page, the home and search pages, per language and query. A stored page is sent as is (the
 * listener gzips it for clients that accept it) with a strong ETag; a matching If-None-Match gets
 * 304. Public pages are revalidated ({@code Cache-Control: no-cache}) so that a status change shows
 * at once. Anything personal (pre-screener, contact, preview) is never cached here. Mapped in
 * web.xml after the security headers and before the pretty-URL filter.
 */
public class PageCacheFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Pattern TRIAL_PAGE =
      Pattern.compile("/trials/(NCT\\d{8})(?:/sites/[a-z0-9-]{1,80})?/?");
  private static final int MAX_QUERY = 300;
  static final String PUBLIC = "no-cache";

  private final transient PageCache cache;
  private final transient ChangeFollowing changes;

  @Inject
  public PageCacheFilter(PageCache cache, ChangeFollowing changes) {
    this.cache = cache;
    this.changes = changes;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String tag = tag(request);
    if (tag == null) {
      chain.doFilter(request, response);
      return;
    }
    // Every change committed before this request (on any instance) empties what it touched first.
    changes.catchUp();
    String key = key(request);
    var stored = cache.find(key);
    if (stored.isPresent()) {
      send(stored.get(), request, response);
      return;
    }
    long generation = cache.generation();
    var capture = new CapturingResponse(response);
    chain.doFilter(request, capture);
    var session = request.getSession(false);
    if (capture.cacheable() && (session == null || !session.isNew())) {
      send(
          cache.store(key, tag, capture.getContentType(), capture.body(), generation),
          request,
          response);
    } else {
      capture.release();
    }
  }

  /** The trial a cacheable page shows, {@link PageCache#SEARCH_TAG} for search pages, else null. */
  static String tag(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    String query = request.getQueryString();
    if (query != null && query.length() > MAX_QUERY) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/") || path.equals("/trials") || path.equals("/trials/")) {
      return PageCache.SEARCH_TAG;
    }
    Matcher trial = TRIAL_PAGE.matcher(path);
    return trial.matches() ? trial.group(1) : null;
  }

  private static String key(HttpServletRequest request) {
    String query = request.getQueryString();
    return LocaleBacking.resolve(request).getLanguage()
        + " "
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }

  private static void send(
      PageCache.Page page, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", PUBLIC);
    response.setHeader("ETag", page.etag());
    response.addHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
    if (matches(request.getHeader("If-None-Match"), page.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(page.contentType());
    // Compression is the listener's (gzip when the client accepts it): a body gzipped here would
    // be gzipped again by Payara.
    response.setContentLength(page.body().length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(page.body());
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
