package org.opentrials.portal.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Use case: studies come in from ClinicalTrials.gov API v2 JSON and are brought up to date by
 * importing them again. Studies are stored in batches, a transaction per batch; a study that cannot
 * be read or stored is reported and the others go on. Not for pages to call directly: uploads go
 * through {@link ImportUploads}, which decides who may import.
 */
public interface StudyImport {
  /**
   * Imports JSON files (a study or a search page each) and ZIPs of them, in order, as the system.
   */
  ImportReport importFiles(@NotEmpty List<@NotNull Path> files);

  /**
   * Imports one JSON document or ZIP from a stream (a class-path resource) as the system; the
   * caller closes it.
   *
   * @param name names the input in the report
   */
  ImportReport importStream(@NotBlank String name, @NotNull InputStream in);

  /**
   * Imports one JSON document or ZIP from a stream on behalf of {@code actor}, whom the audit trail
   * names for every change; the caller closes the stream.
   *
   * @param collector keeps what the report shows
   * @param listener told of each study's result as soon as it is stored (progress)
   */
  ImportReport importStream(
      @NotBlank String name,
      @NotNull InputStream in,
      @NotNull ImportActor actor,
      @NotNull ImportReport.Collector collector,
      @NotNull Consumer<StudyResult> listener);

  /** Stores one study already read, as the system. */
  StudyResult importStudy(@NotNull RegistryStudy study);
}
