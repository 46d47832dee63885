package org.opentrials.portal.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the portal's stable public URLs from their Faces views: /trials/{nct},
 * /trials/{nct}/sites/{site}, /trials/{nct}/check (the pre-screener) and
 * /trials/{nct}/preview?key=... (staff's preview of a draft), /requests/{reference}/withdraw and
 * /match ("Which trials might fit me?"). Only the shape of the path is checked here; the views
 * answer 404 for a trial or site that does not exist.
 */
@WebFilter(
    filterName = "PrettyUrlFilter",
    urlPatterns = {"/trials", "/trials/*", "/requests/*", "/match"})
public class PrettyUrlFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Pattern TRIAL = Pattern.compile("/trials/([A-Za-z0-9]{1,20})/?");
  private static final Pattern CHECK = Pattern.compile("/trials/([A-Za-z0-9]{1,20})/check/?");
  private static final Pattern PREVIEW = Pattern.compile("/trials/([A-Za-z0-9]{1,20})/preview/?");
  private static final Pattern WITHDRAW = Pattern.compile("/requests/([A-Z0-9]{1,12})/withdraw/?");
  private static final Pattern SITE =
      Pattern.compile("/trials/([A-Za-z0-9]{1,20})/sites/([a-z0-9-]{1,80})/?");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher site = SITE.matcher(path);
    Matcher trial = TRIAL.matcher(path);
    Matcher check = CHECK.matcher(path);
    Matcher withdraw = WITHDRAW.matcher(path);
    Matcher preview = PREVIEW.matcher(path);
    String target;
    if (path.equals("/trials") || path.equals("/trials/")) {
      target = "/index.xhtml";
    } else if (path.equals("/match")) {
      target = "/prescreen.xhtml";
    } else if (site.matches()) {
      target = "/site.xhtml?nct=" + enc(site.group(1)) + "&site=" + enc(site.group(2));
    } else if (check.matches()) {
      target = "/prescreen.xhtml?nct=" + enc(check.group(1));
    } else if (preview.matches()) {
      target = "/trial.xhtml?preview=true&nct=" + enc(preview.group(1));
    } else if (withdraw.matches()) {
      target = "/withdraw.xhtml?ref=" + enc(withdraw.group(1));
    } else if (trial.matches()) {
      target = "/trial.xhtml?nct=" + enc(trial.group(1));
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.getRequestDispatcher(target).forward(request, response);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
