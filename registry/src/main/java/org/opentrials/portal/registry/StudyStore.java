package org.opentrials.portal.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.services.persistence.ImportedRecords;

/**
 * Stores a batch of studies through the repositories, inside one transaction the caller runs: the
 * container's for {@link StudyImportService}, a resource-local one for {@link ImportCommand}.
 *
 * <p>The cost per batch does not grow with the database, and an unchanged study costs almost
 * nothing: one query reads the fingerprints of every study in the batch; a study whose record has
 * the fingerprint of its last import is reported unchanged without loading its trial. For the
 * others, one query reads their trials (with their collections batched), one their sites; new
 * trials are written together, then the sites. A study that cannot become a trial ({@link
 * StudySkipped}) is reported and left out; it never touched a stored object, so the others still
 * commit. Anything else that fails stops the batch, which the caller rolls back and retries study
 * by study.
 */
public final class StudyStore {
  private final StudyMerger merger;
  private final Clock clock;

  public StudyStore(Clock clock) {
    this.merger = new StudyMerger(clock);
    this.clock = clock;
  }

  /** One study, without fingerprints (tests, and callers that want every study merged). */
  public StudyResult store(RegistryStudy study, TrialRepository trials, SiteRepository sites) {
    return store(List.of(study), trials, sites, null).get(0);
  }

  /**
   * @param batch studies with distinct NCT numbers
   * @param records the fingerprints of earlier imports, or {@code null} to merge every study
   * @return each study's result, in the batch's order
   */
  public List<StudyResult> store(
      List<RegistryStudy> batch,
      TrialRepository trials,
      SiteRepository sites,
      ImportedRecords records) {
    Set<NctNumber> ncts = new LinkedHashSet<>();
    batch.forEach(s -> NctNumber.parse(s.nctId()).ifPresent(ncts::add));
    Map<String, String> fingerprints =
        records == null
            ? Map.of()
            : records.fingerprints(ncts.stream().map(NctNumber::value).toList());

    Set<NctNumber> toMerge = new LinkedHashSet<>();
    for (RegistryStudy s : batch) {
      NctNumber.parse(s.nctId())
          .filter(n -> !sameAsLastImport(s, fingerprints))
          .ifPresent(toMerge::add);
    }
    Map<NctNumber, Trial> existing = new HashMap<>();
    trials.findByNcts(toMerge).forEach(t -> existing.put(t.nctId(), t));
    Map<NctNumber, List<Site>> sitesByTrial = new HashMap<>();
    sites
        .findByTrials(existing.keySet())
        .forEach(s -> sitesByTrial.computeIfAbsent(s.nctId(), n -> new ArrayList<>()).add(s));

    List<StudyResult> results = new ArrayList<>(batch.size());
    List<Trial> created = new ArrayList<>();
    List<Site> addedSites = new ArrayList<>();
    List<StudyMerger.Merge> merges = new ArrayList<>();
    for (RegistryStudy s : batch) {
      if (sameAsLastImport(s, fingerprints)) {
        results.add(
            new StudyResult(
                s.source(),
                NctNumber.parse(s.nctId()).orElseThrow().value(),
                StudyResult.Outcome.UNCHANGED,
                null,
                s.warnings(),
                List.of(),
                List.of()));
        merges.add(null);
        continue;
      }
      Optional<NctNumber> nct = NctNumber.parse(s.nctId());
      Trial trial = nct.map(existing::get).orElse(null);
      StudyMerger.Merge merge;
      try {
        merge =
            merger.merge(
                s,
                trial,
                trial == null ? List.of() : sitesByTrial.getOrDefault(trial.nctId(), List.of()));
      } catch (StudySkipped e) {
        // Thrown before the merger changes anything: the trial (if any) is as it was read.
        results.add(StudyResult.skipped(s.source(), s.nctId(), e.getMessage(), s.warnings()));
        merges.add(null);
        continue;
      }
      if (merge.created()) {
        created.add(merge.trial());
      }
      addedSites.addAll(merge.addedSites());
      merges.add(merge);
      results.add(
          new StudyResult(
              s.source(),
              merge.trial().nctId().value(),
              merge.outcome(),
              null,
              merge.warnings(),
              merge.changes(),
              merge.sitesNoLongerListed()));
    }
    if (!created.isEmpty()) {
      trials.addAll(created); // written now: the sites and fingerprints below refer to these trials
    }
    addedSites.forEach(sites::add);
    if (records != null) {
      for (int i = 0; i < batch.size(); i++) {
        StudyMerger.Merge merge = merges.get(i);
        String hash = batch.get(i).contentHash();
        if (merge == null || hash == null) {
          continue;
        }
        String nct = merge.trial().nctId().value();
        if (merge.repeatable()) {
          records.remember(nct, hash, clock.instant());
        } else {
          records.forget(nct);
        }
      }
    }
    return results;
  }

  private static boolean sameAsLastImport(RegistryStudy s, Map<String, String> fingerprints) {
    return s.contentHash() != null
        && NctNumber.parse(s.nctId())
            .map(n -> s.contentHash().equals(fingerprints.get(n.value())))
            .orElse(false);
  }
}
