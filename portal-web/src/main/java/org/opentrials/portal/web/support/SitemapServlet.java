package org.opentrials.portal.web.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.opentrials.portal.services.shared.PublicAddress;
import org.opentrials.portal.services.trials.TrialPages;
import org.opentrials.portal.services.trials.TrialSummaryView;

/** /sitemap.xml: the home page and every published trial, for search engines. No session. */
@WebServlet(name = "SitemapServlet", urlPatterns = "/sitemap.xml")
public class SitemapServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject TrialPages trialPages;
  @Inject PublicAddress publicAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base = publicAddress.base();
    response.setContentType("application/xml;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    url(out, base + "/");
    for (TrialSummaryView t : trialPages.listPublished()) {
      url(out, base + "/trials/" + t.nct());
    }
    out.println("</urlset>");
  }

  private static void url(PrintWriter out, String loc) {
    // NCT numbers and our paths contain nothing that needs XML escaping; escape anyway for safety.
    out.println("  <url><loc>" + loc.replace("&", "&amp;").replace("<", "&lt;") + "</loc></url>");
  }
}
