package org.opentrials.portal.registry.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.util.Optional;

/**
 * Use case: an administrator uploads a study, a search page or a ZIP of them from the
 * administration; the import runs in the background and the page follows its progress, then shows
 * its report. Every change is in the audit trail as an import by the uploading administrator.
 *
 * <p>Administrators only: an upload may create any trial and update any trial's registry-owned
 * content, across sponsors, and sponsor staff are assigned to existing trials only, so there is no
 * rule by which a sponsor's file could be limited to "their" studies before it is read.
 */
public interface ImportUploads {
  /** The largest upload accepted, in bytes (50 MiB: about 5,000 studies as JSON, more zipped). */
  long MAX_BYTES = 50L * 1024 * 1024;

  /**
   * Stores the upload and starts importing it in the background.
   *
   * @param size the upload's size in bytes as the request gave it
   * @return the import's id, for {@link #progress}
   * @throws org.opentrials.portal.services.shared.AccessDenied for anyone but an administrator
   *     (recorded)
   * @throws UploadRefused when the file is empty or larger than {@link #MAX_BYTES}
   */
  String start(@NotBlank String fileName, long size, @NotNull InputStream content);

  /** How far the import has come: only for the administrator who started it, otherwise empty. */
  Optional<ImportProgress> progress(@NotBlank String id);
}
