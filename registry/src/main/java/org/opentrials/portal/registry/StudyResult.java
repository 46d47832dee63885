package org.opentrials.portal.registry;

import java.util.List;
import java.util.Objects;

/**
 * What importing one study did.
 *
 * @param source where the study was read (file, ZIP entry, index in a page, line and column)
 * @param nctId the study's NCT number, or {@code null} when it could not be read
 * @param reason why it was skipped; {@code null} unless {@link Outcome#SKIPPED}
 * @param warnings what was dropped, truncated or looked wrong, each saying where
 * @param changes every field written, in the order written; empty unless created or updated
 * @param sitesNoLongerListed slugs of the trial's sites that the registry no longer lists: kept,
 *     because people may be waiting on them, for staff to close
 */
public record StudyResult(
    String source,
    String nctId,
    Outcome outcome,
    String reason,
    List<String> warnings,
    List<ImportChange> changes,
    List<String> sitesNoLongerListed) {

  /** How the import ended for one study. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    SKIPPED
  }

  public StudyResult {
    Objects.requireNonNull(outcome, "outcome");
    warnings = List.copyOf(warnings);
    changes = List.copyOf(changes);
    sitesNoLongerListed = List.copyOf(sitesNoLongerListed);
    if ((outcome == Outcome.SKIPPED) != (reason != null)) {
      throw new IllegalArgumentException("a skipped study, and only a skipped one, has a reason");
    }
  }

  public static StudyResult skipped(
      String source, String nctId, String reason, List<String> warnings) {
    return new StudyResult(source, nctId, Outcome.SKIPPED, reason, warnings, List.of(), List.of());
  }

  /** One line for a log or the command's output. */
  public String summary() {
    StringBuilder s =
        new StringBuilder(outcome.name())
            .append(' ')
            .append(nctId == null ? "-" : nctId)
            .append("  ")
            .append(source);
    if (reason != null) {
      s.append(": ").append(reason);
    }
    if (!changes.isEmpty()) {
      s.append(" (")
          .append(changes.size())
          .append(changes.size() == 1 ? " change" : " changes")
          .append(')');
    }
    if (!warnings.isEmpty()) {
      s.append(" [")
          .append(warnings.size())
          .append(warnings.size() == 1 ? " warning]" : " warnings]");
    }
    return s.toString();
  }

  /**
   * Adds the studies that were created or changed to the change log, in the import's transaction.
   */
  public static void logChanges(
      List<StudyResult> results,
      org.opentrials.portal.services.changes.ChangeLog log,
      java.time.Instant at) {
    for (StudyResult r : results) {
      if (r.outcome() == Outcome.CREATED || r.outcome() == Outcome.UPDATED) {
        log.trial(r.nctId(), "IMPORT_" + r.outcome().name(), at);
      }
    }
  }
}
