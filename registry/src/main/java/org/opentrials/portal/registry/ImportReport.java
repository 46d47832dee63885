package org.opentrials.portal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opentrials.portal.registry.StudyResult.Outcome;

/**
 * What an import run did: counts per outcome and the studies' results.
 *
 * @param studies every study's result, in input order; in a bulk load run with {@link
 *     Collector#problemsOnly()} only the skipped studies and those with warnings, to keep memory
 *     bounded (the counts always cover all studies)
 */
public record ImportReport(
    int created,
    int updated,
    int unchanged,
    int skipped,
    List<StudyResult> studies,
    int changesListedAtMost,
    java.util.Map<String, Integer> changesNotListed) {
  public ImportReport {
    studies = List.copyOf(studies);
    changesNotListed = java.util.Map.copyOf(changesNotListed);
  }

  /**
   * How many of this study's changes the report leaves out because of its cap ({@link
   * #changesListedAtMost()}); the audit trail has every one.
   */
  public int changesNotListed(StudyResult study) {
    return study.nctId() == null ? 0 : changesNotListed.getOrDefault(study.nctId(), 0);
  }

  /** Whether the cap left any change out of this report. */
  public boolean capped() {
    return !changesNotListed.isEmpty();
  }

  public int total() {
    return created + updated + unchanged + skipped;
  }

  public List<StudyResult> skippedStudies() {
    return studies.stream().filter(s -> s.outcome() == Outcome.SKIPPED).toList();
  }

  /** Every change of every study kept in this report, in order. */
  public List<ImportChange> changes() {
    return studies.stream().flatMap(s -> s.changes().stream()).toList();
  }

  /** The result for an NCT number, if this report kept it. */
  public java.util.Optional<StudyResult> study(String nctId) {
    return studies.stream().filter(s -> nctId.equals(s.nctId())).findFirst();
  }

  public String summary() {
    return created
        + " created, "
        + updated
        + " updated, "
        + unchanged
        + " unchanged, "
        + skipped
        + " skipped";
  }

  /** Gathers results as they come, and passes each on to an optional listener first. */
  public static final class Collector implements Consumer<StudyResult> {
    private final boolean everyStudy;
    private final int maxChanges;
    private final java.util.Map<String, Integer> notListed = new java.util.HashMap<>();
    private int changesLeft;
    private final int[] counts = new int[Outcome.values().length];
    private final List<StudyResult> kept = new ArrayList<>();

    private Collector(boolean everyStudy, int maxChanges) {
      this.everyStudy = everyStudy;
      this.changesLeft = maxChanges;
      this.maxChanges = maxChanges;
    }

    /** Keeps every study's result with its changes. */
    public static Collector everyStudy() {
      return new Collector(true, Integer.MAX_VALUE);
    }

    /**
     * Keeps every study's result, and the changes of the first studies up to about {@code
     * maxChanges} changes in all (the audit trail has every one): for an upload's report.
     */
    public static Collector everyStudyWithChangesUpTo(int maxChanges) {
      return new Collector(true, maxChanges);
    }

    /** Counts every study, keeps only those skipped or with warnings: for bulk loads. */
    public static Collector problemsOnly() {
      return new Collector(false, 0);
    }

    @Override
    public synchronized void accept(StudyResult result) {
      counts[result.outcome().ordinal()]++;
      if (everyStudy || result.outcome() == Outcome.SKIPPED || !result.warnings().isEmpty()) {
        boolean withChanges = everyStudy && result.changes().size() <= changesLeft;
        if (withChanges) {
          changesLeft -= result.changes().size();
        } else if (everyStudy && result.nctId() != null && !result.changes().isEmpty()) {
          notListed.merge(result.nctId(), result.changes().size(), Integer::sum);
        }
        kept.add(
            withChanges
                ? result
                : new StudyResult(
                    result.source(),
                    result.nctId(),
                    result.outcome(),
                    result.reason(),
                    result.warnings(),
                    List.of(),
                    result.sitesNoLongerListed()));
      }
    }

    /** Studies counted so far. */
    public synchronized int count() {
      int n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    public synchronized ImportReport report() {
      return new ImportReport(
          counts[Outcome.CREATED.ordinal()],
          counts[Outcome.UPDATED.ordinal()],
          counts[Outcome.UNCHANGED.ordinal()],
          counts[Outcome.SKIPPED.ordinal()],
          kept,
          maxChanges,
          notListed);
    }
  }
}
