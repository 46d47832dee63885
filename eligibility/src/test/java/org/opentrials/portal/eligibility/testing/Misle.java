package org.opentrials.portal.eligibility.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;

/** The MiSLE demo criteria, read from the services module's demo content. */
public final class Misle {
  /** Relative to the eligibility module, the working directory of its tests. */
  public static final Path FILE =
      Path.of("../services/src/main/resources/demo/criteria/NCT02633163.json");

  private Misle() {}

  public static String json() {
    try {
      return Files.readString(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TrialCriteria criteria() {
    return CriteriaJson.decode(json());
  }
}
