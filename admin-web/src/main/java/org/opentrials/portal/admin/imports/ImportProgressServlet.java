package org.opentrials.portal.admin.imports;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.opentrials.portal.registry.upload.ImportProgress;
import org.opentrials.portal.registry.upload.ImportUploads;

/**
 * An import's progress as JSON, /imports/progress?job=..., which the import page's script polls:
 * {@code {"percent": 40, "studies": 120, "finished": false}}. Administrators only (web.xml), and
 * only the import's own administrator (the service): anything else is 404.
 */
@WebServlet(name = "ImportProgress", urlPatterns = "/imports/progress")
public class ImportProgressServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient ImportUploads uploads;

  @Inject
  public ImportProgressServlet(ImportUploads uploads) {
    this.uploads = uploads;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String job = request.getParameter("job");
    Optional<ImportProgress> progress =
        job == null || job.isBlank() ? Optional.empty() : uploads.progress(job);
    if (progress.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ImportProgress p = progress.get();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("percent", p.percent())
                .add("studies", p.studies())
                .add("finished", p.finished())
                .build()
                .toString());
  }
}
