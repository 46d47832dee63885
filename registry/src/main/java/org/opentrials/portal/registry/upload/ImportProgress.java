package org.opentrials.portal.registry.upload;

import org.opentrials.portal.registry.ImportReport;

/**
 * Where an upload's import stands.
 *
 * @param fileName the uploaded file's name
 * @param bytesRead how much of the file the import has read so far
 * @param totalBytes the file's size
 * @param studies studies stored or skipped so far
 * @param report the report once the import has ended, otherwise {@code null}
 * @param failed whether the import stopped on an unexpected error (the server log has an incident)
 */
public record ImportProgress(
    String fileName,
    long bytesRead,
    long totalBytes,
    int studies,
    ImportReport report,
    boolean failed) {

  public boolean finished() {
    return report != null || failed;
  }

  /** Percent of the file read, 0 to 100 (100 once finished). */
  public int percent() {
    if (finished()) {
      return 100;
    }
    return totalBytes <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / totalBytes);
  }
}
