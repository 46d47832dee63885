package org.opentrials.portal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public ClinicalTrials.gov records shipped in {@code demo/registry/} (see the README there),
 * imported as further demo trials so that the portal has more than one to list and search.
 */
public final class RegistryDemoRecords {
  public static final List<String> RESOURCES =
      List.of(
          "/demo/registry/NCT03475563.json",
          "/demo/registry/NCT06171568.json",
          "/demo/registry/NCT03418623.json");

  private RegistryDemoRecords() {}

  /** Imports every bundled record; each goes through the import like any upload. */
  public static ImportReport importInto(StudyImport studyImport) {
    ImportReport.Collector all = ImportReport.Collector.everyStudy();
    for (String resource : RESOURCES) {
      try (InputStream in = RegistryDemoRecords.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("demo resource missing: " + resource);
        }
        studyImport
            .importStream(resource.substring(resource.lastIndexOf('/') + 1), in)
            .studies()
            .forEach(all);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.report();
  }
}
