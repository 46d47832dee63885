package org.opentrials.portal.web.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentrials.portal.search.TrialSearch;
import org.opentrials.portal.services.shared.PublicAddress;
import org.opentrials.portal.services.trials.TrialPages;

/**
 * For search engines, no session. {@code /sitemap.xml} is a sitemap index naming one file per
 * {@value #PER_FILE} pages ({@code /sitemaps/1.xml}, ...; the protocol's limit is 50,000 URLs a
 * file); each file is written while the NCT numbers are read from the database a page at a time, so
 * memory does not grow with the catalogue.
 */
@WebServlet(
    name = "SitemapServlet",
    urlPatterns = {"/sitemap.xml", "/sitemaps/*"})
public class SitemapServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** URLs per sitemap file (the home page counts in the first). */
  static final int PER_FILE = 50_000;

  private static final int READ = 5_000;
  private static final Pattern FILE = Pattern.compile("/([1-9][0-9]{0,5})\\.xml");

  private TrialPages trialPages;
  private TrialSearch search;
  private PublicAddress publicAddress;

  @Inject
  public SitemapServlet(TrialPages trialPages, TrialSearch search, PublicAddress publicAddress) {
    this.trialPages = trialPages;
    this.search = search;
    this.publicAddress = publicAddress;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String base = publicAddress.base();
    // The count comes from the search index (one call), not from a SQL count over every trial.
    long urls = search.publishedCount() + 1;
    int files = (int) ((urls + PER_FILE - 1) / PER_FILE);
    if ("/sitemap.xml".equals(request.getServletPath())) {
      response.setContentType("application/xml;charset=UTF-8");
      PrintWriter out = response.getWriter();
      out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      out.println("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
      for (int i = 1; i <= files; i++) {
        out.println("  <sitemap><loc>" + base + "/sitemaps/" + i + ".xml</loc></sitemap>");
      }
      out.println("</sitemapindex>");
      return;
    }
    Matcher m = FILE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    int file = m.matches() ? Integer.parseInt(m.group(1)) : 0;
    if (file < 1 || file > files) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/xml;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.println("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    // URL k (from 0) is the home page for k = 0, else the (k-1)-th trial.
    long first = (long) (file - 1) * PER_FILE;
    int left = PER_FILE;
    if (file == 1) {
      url(out, base + "/");
      left--;
    }
    long offset = file == 1 ? 0 : first - 1;
    String after = null;
    while (left > 0) {
      List<String> ncts = trialPages.publishedNcts(after, offset, Math.min(READ, left));
      for (String nct : ncts) {
        url(out, base + "/trials/" + nct);
      }
      if (ncts.size() < Math.min(READ, left)) {
        break;
      }
      left -= ncts.size();
      after = ncts.get(ncts.size() - 1);
    }
    out.println("</urlset>");
  }

  private static String base(HttpServletRequest request) {
    int port = request.getServerPort();
    boolean defaultPort =
        port == 80 && "http".equals(request.getScheme())
            || port == 443 && "https".equals(request.getScheme());
    return request.getScheme()
        + "://"
        + request.getServerName()
        + (defaultPort ? "" : ":" + port)
        + request.getContextPath();
  }

  private static void url(PrintWriter out, String loc) {
    // NCT numbers and our paths contain nothing that needs XML escaping; escape anyway for safety.
    out.println("  <url><loc>" + loc.replace("&", "&amp;").replace("<", "&lt;") + "</loc></url>");
  }
}
