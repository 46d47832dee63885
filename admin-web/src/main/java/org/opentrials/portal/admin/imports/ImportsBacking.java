package org.opentrials.portal.admin.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.admin.support.Texts;
import org.opentrials.portal.registry.ImportReport;
import org.opentrials.portal.registry.StudyResult;
import org.opentrials.portal.registry.upload.ImportProgress;
import org.opentrials.portal.registry.upload.ImportUploads;
import org.opentrials.portal.registry.upload.UploadRefused;

/**
 * The import page, /imports/index.xhtml: a file upload (POST), then the same page with {@code
 * ?job=} (a redirect, so that reloading does not upload again) showing the progress and, at the
 * end, the report. The service decides who may upload and whose import a job is; an unknown or
 * someone else's job looks like no job at all.
 */
@Named
@RequestScoped
public class ImportsBacking {
  private ImportUploads uploads;
  private FacesContext faces;

  /** For the container's proxies only (see README, "Injection"). */
  protected ImportsBacking() {}

  @Inject
  public ImportsBacking(ImportUploads uploads, FacesContext faces) {
    this.uploads = uploads;
    this.faces = faces;
  }

  private Part file;
  private Optional<ImportProgress> progress;

  public String upload() {
    if (file == null || file.getSize() == 0) {
      faces.addMessage("upload:file", Texts.error(faces, "imports.invalid.empty"));
      faces.validationFailed();
      return null;
    }
    if (file.getSize() > ImportUploads.MAX_BYTES) {
      faces.addMessage(
          "upload:file",
          Texts.error(faces, "imports.invalid.tooLarge", ImportUploads.MAX_BYTES >> 20));
      faces.validationFailed();
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      String id =
          uploads.start(
              file.getSubmittedFileName() == null ? "upload" : file.getSubmittedFileName(),
              file.getSize(),
              in);
      return "/imports/index.xhtml?faces-redirect=true&job=" + id;
    } catch (UploadRefused e) {
      faces.addMessage(
          "upload:file",
          e.reason() == UploadRefused.Reason.EMPTY
              ? Texts.error(faces, "imports.invalid.empty")
              : Texts.error(faces, "imports.invalid.tooLarge", ImportUploads.MAX_BYTES >> 20));
      faces.validationFailed();
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The job named by ?job=, if it is the caller's. */
  public ImportProgress getProgress() {
    if (progress == null) {
      String job = getJob();
      progress = job == null || job.isBlank() ? Optional.empty() : uploads.progress(job);
    }
    return progress.orElse(null);
  }

  public String getJob() {
    return faces.getExternalContext().getRequestParameterMap().get("job");
  }

  /** A ?job= that names no import of the caller's (expired after an hour, or never theirs). */
  public boolean isJobUnknown() {
    String job = getJob();
    return job != null && !job.isBlank() && getProgress() == null;
  }

  public List<StudyResult> getSkipped() {
    return report().map(r -> r.skippedStudies()).orElse(List.of());
  }

  /** Studies stored, with warnings first. */
  public List<StudyResult> getStored() {
    return report()
        .map(
            r ->
                r.studies().stream()
                    .filter(s -> s.outcome() != StudyResult.Outcome.SKIPPED)
                    .sorted(
                        java.util.Comparator.comparing((StudyResult s) -> s.warnings().isEmpty()))
                    .toList())
        .orElse(List.of());
  }

  private Optional<ImportReport> report() {
    return Optional.ofNullable(getProgress()).map(ImportProgress::report);
  }

  public long getMaxMegabytes() {
    return ImportUploads.MAX_BYTES >> 20;
  }

  public String getTooLargeMessage() {
    return Texts.text(faces, "imports.invalid.tooLarge", getMaxMegabytes());
  }

  public long getMaxBytes() {
    return ImportUploads.MAX_BYTES;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
