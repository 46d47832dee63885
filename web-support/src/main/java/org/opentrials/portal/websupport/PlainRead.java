package org.opentrials.portal.websupport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A request seen as a plain GET without parameters: an error page rendered for a refused, missing
 * or expired form post is read like a page, never processed as a post back to it (no form data, no
 * view state restored, no Ajax).
 */
public final class PlainRead extends HttpServletRequestWrapper {
  public PlainRead(HttpServletRequest request) {
    super(request);
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getParameter(String name) {
    return null;
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return Map.of();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.emptyEnumeration();
  }

  @Override
  public String[] getParameterValues(String name) {
    return null;
  }

  @Override
  public String getHeader(String name) {
    return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
  }
}
