package org.opentrials.portal.websupport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Form posts within bounds, and a post whose page state is gone explained as such (finding F7):
 *
 * <ul>
 *   <li>REQUEST: a form body larger than the init parameter {@code max-form-bytes} (or one of
 *       unknown length) is answered 413 with the generic "could not be processed" page before the
 *       container parses it (beyond its own 2 MB limit that parse failed with a 500). Multipart
 *       uploads are bounded by the servlet's multipart-config instead.
 *   <li>REQUEST: a NUL character in the query or a form field is a 400 (PostgreSQL refuses it in
 *       text, which made a 500 of it).
 *   <li>ERROR (and the FORWARD by which OmniFaces' exception filter shows an error page): a post
 *       whose view state is expired, forged or "stateless" for a page that keeps state ends on the
 *       "page has expired" page with status 400, never 500.
 * </ul>
 */
public class FormLimitsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String EXPIRED_PAGE = "/WEB-INF/errors/expired.xhtml";
  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  /** A too-large body up to this size is read and dropped before the answer. */
  private static final long DRAIN_AT_MOST = 16L << 20;

  private long maxFormBytes;

  @Override
  public void init() throws ServletException {
    String configured = getInitParameter("max-form-bytes");
    maxFormBytes = configured == null ? 1_000_000 : Long.parseLong(configured.strip());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.REQUEST && tooLarge(request)) {
      long length = request.getContentLengthLong();
      if (length >= 0 && length <= DRAIN_AT_MOST) {
        // Read and drop a body of a size a browser may send, so that it gets the page instead
        // of a reset connection; anything larger ends with the connection.
        request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      } else {
        response.setHeader("Connection", "close");
      }
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (request.getDispatcherType() == DispatcherType.REQUEST && carriesNul(request)) {
      // No text anywhere in the portal holds a NUL; PostgreSQL refuses it in any string.
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    boolean failure =
        request.getDispatcherType() == DispatcherType.ERROR
            || request.getDispatcherType() == DispatcherType.FORWARD
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
    if (failure && expiredForm(request)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      if (EXPIRED_PAGE.equals(request.getServletPath())) {
        chain.doFilter(new PlainRead(request), response); // already on its way there
      } else {
        request.getRequestDispatcher(EXPIRED_PAGE).forward(new PlainRead(request), response);
      }
      return;
    }
    if (request.getDispatcherType() == DispatcherType.ERROR && isBadRequest(request)) {
      chain.doFilter(new PlainRead(request), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A NUL character in the query or in a form field. */
  private static boolean carriesNul(HttpServletRequest request)
      throws java.io.UnsupportedEncodingException {
    String query = request.getQueryString();
    if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
      return true;
    }
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    if (request.getCharacterEncoding() == null) {
      // As Faces reads forms (and every page is UTF-8): set before the parameters are parsed here.
      request.setCharacterEncoding("UTF-8");
    }
    for (String[] values : request.getParameterMap().values()) {
      for (String v : values) {
        if (v != null && v.indexOf('\0') >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** A 400 or 413 page is rendered without reading the refused body. */
  private static boolean isBadRequest(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return Integer.valueOf(400).equals(code) || Integer.valueOf(413).equals(code);
  }

  private boolean tooLarge(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    long length = request.getContentLengthLong();
    return length < 0 || length > maxFormBytes;
  }

  /** The failure of this error dispatch is a view state that could not be restored. */
  static boolean expiredForm(HttpServletRequest request) {
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (!(error instanceof Throwable t)) {
      return false;
    }
    boolean postedState;
    try {
      postedState = request.getParameter(VIEW_STATE) != null;
    } catch (RuntimeException e) {
      postedState = false;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof jakarta.faces.application.ViewExpiredException
          || c instanceof jakarta.faces.application.ProtectedViewException) {
        return true;
      }
      if (postedState
          && (c instanceof IllegalStateException
              || c instanceof ClassCastException
              || c instanceof jakarta.faces.FacesException)
          && stackMentionsStateRestore(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean stackMentionsStateRestore(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      String where = e.getClassName() + "." + e.getMethodName();
      if (where.contains("restoreView") || where.contains("StateManag")) {
        return true;
      }
    }
    return false;
  }
}
