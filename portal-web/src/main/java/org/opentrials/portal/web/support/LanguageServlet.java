package org.opentrials.portal.web.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Switches the interface language: /language?to=es&amp;return=/trials/NCT02633163. Remembered in a
 * cookie for a year; the return path must be one of ours (no open redirect).
 */
@WebServlet(name = "LanguageServlet", urlPatterns = "/language")
public class LanguageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String to = request.getParameter("to");
    if (to == null || !LocaleBacking.SUPPORTED.contains(to)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    Cookie cookie = new Cookie(LocaleBacking.COOKIE, to);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setMaxAge(365 * 24 * 3600);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
    String back = request.getParameter("return");
    boolean local =
        back != null
            && back.startsWith("/")
            && !back.startsWith("//")
            && !back.contains("\\")
            && back.length() < 2000
            && back.chars().noneMatch(c -> c < 0x20);
    response.sendRedirect(request.getContextPath() + (local ? back : "/"));
  }
}
