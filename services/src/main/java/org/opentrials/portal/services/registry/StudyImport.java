package org.opentrials.portal.services.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Use case: sponsor staff (or an operator) bring studies in from ClinicalTrials.gov API v2 JSON,
 * and bring them up to date by importing them again. Each study is stored in a transaction of its
 * own; a study that cannot be read or stored is reported and the others go on.
 */
public interface StudyImport {
  /** Imports JSON files (a study or a search page each) and ZIPs of them, in order. */
  ImportReport importFiles(@NotEmpty List<@NotNull Path> files);

  /**
   * Imports one JSON document or ZIP from a stream (an upload, a class-path resource); the caller
   * closes it.
   *
   * @param name names the input in the report
   */
  ImportReport importStream(@NotBlank String name, @NotNull InputStream in);

  /** Stores one study already read, in a transaction of its own. */
  StudyResult importStudy(@NotNull RegistryStudy study);
}
