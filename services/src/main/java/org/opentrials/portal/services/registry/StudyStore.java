package org.opentrials.portal.services.registry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;

/**
 * Stores one study through the repositories, inside a transaction the caller runs: the container's
 * for {@link StudyImportService}, a resource-local one for {@link ImportCommand}. Two queries per
 * study (the trial by NCT number, then its sites; none for sites of a new trial), never a table
 * scan, so the per-study cost does not grow with the database.
 */
public final class StudyStore {
  private final StudyMerger merger;

  public StudyStore(Clock clock) {
    this.merger = new StudyMerger(clock);
  }

  /**
   * @throws StudySkipped when the study cannot become a trial; the caller rolls back and reports it
   */
  public StudyResult store(RegistryStudy study, TrialRepository trials, SiteRepository sites) {
    Optional<Trial> existing = NctNumber.parse(study.nctId()).flatMap(trials::findByNct);
    List<Site> sitesOfTrial = existing.map(t -> sites.findByTrial(t.nctId())).orElse(List.of());
    StudyMerger.Merge merge = merger.merge(study, existing.orElse(null), sitesOfTrial);
    if (merge.created()) {
      trials.add(merge.trial()); // flushes, so that the new sites' reference to the trial holds
    }
    merge.addedSites().forEach(sites::add);
    return new StudyResult(study.source(), merge.trial().nctId().value(), merge.outcome(), null, merge.warnings(),
        merge.changes(), merge.sitesNoLongerListed());
  }
}
