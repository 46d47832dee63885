package org.opentrials.portal.registry;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.registry.StudyResult.Outcome;

/**
 * Applies a {@link RegistryStudy} to a new or existing {@link Trial} and its {@link Site}s: plain
 * domain objects, no persistence, so every rule here is tested without a database.
 *
 * <p><b>Who owns what.</b> The registry owns what it publishes: titles, status, sponsor, summary,
 * conditions, design, arms, eligibility, officials, references, and each site's address and geo
 * point. The portal owns what sites and sponsor staff add: places left, FAQ, plain-language and
 * groups summaries, eligibility summary, safety summaries, approvals, publication, doses, reference
 * abstracts and the references they added, patient wording of criteria, criteria documents they
 * structured, and a site's status and contacts once an investigator confirmed them after the
 * registry's last verification.
 *
 * <p><b>Missing is not empty.</b> A module the record lacks (search pages carry only some) leaves
 * what it owns untouched; a module that is present but has a field empty clears that field.
 *
 * <p>Mutators are called only for parts that differ, so an unchanged study writes nothing, and
 * every change is reported as an {@link ImportChange} from snapshots taken before and after.
 */
public final class StudyMerger {
  private final Clock clock;

  public StudyMerger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a merge did; the caller persists {@link #trial()} when created and adds {@link
   * #addedSites()}.
   *
   * @param repeatable whether merging the same record again would do nothing more: false when the
   *     result depended on today's date (a verification date in the future was ignored), so that a
   *     later import of the same record must merge it again
   */
  public record Merge(
      Trial trial,
      boolean created,
      List<Site> addedSites,
      List<ImportChange> changes,
      List<String> warnings,
      List<String> sitesNoLongerListed,
      boolean repeatable) {
    public Merge {
      addedSites = List.copyOf(addedSites);
      changes = List.copyOf(changes);
      warnings = List.copyOf(warnings);
      sitesNoLongerListed = List.copyOf(sitesNoLongerListed);
    }

    public Outcome outcome() {
      return created ? Outcome.CREATED : changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
  }

  /**
   * @param existing the trial with the study's NCT number, or {@code null} to create it
   * @param sitesOfTrial the existing trial's sites (empty for a new trial)
   * @throws StudySkipped when the study lacks what a trial cannot exist without
   */
  public Merge merge(RegistryStudy study, Trial existing, List<Site> sitesOfTrial) {
    return new TrialFieldsMerge(study, existing, sitesOfTrial, clock).merge();
  }

  /** One merge: the study, the trial and everything learned on the way. */
}
