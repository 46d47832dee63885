package org.opentrials.portal.services.prescreen;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.eligibility.PreScreener;
import org.opentrials.portal.eligibility.TrialIndex;
import org.opentrials.portal.eligibility.criteria.TrialCriteria;
import org.opentrials.portal.eligibility.json.CriteriaJson;

/**
 * Use case: a visitor checks whether they may qualify for a trial. The answers never come here:
 * evaluation runs in memory in the web layer's conversation; this service only supplies the trial's
 * criteria and the screener with the portal's clock.
 *
 * <p>Decoded criteria are kept per trial while its criteria document is unchanged, and the index of
 * all screenable trials while none of them changed, so a visitor's request does not parse and
 * compile every trial's criteria again.
 */
@ApplicationScoped
public class Prescreening {
  private static final Logger LOG = Logger.getLogger(Prescreening.class.getName());

  private TrialRepository trials;
  private SiteRepository sites;
  private Clock clock;

  /** For the container's proxies only (see README, "Injection"). */
  protected Prescreening() {}

  @Inject
  public Prescreening(TrialRepository trials, SiteRepository sites, Clock clock) {
    this.trials = trials;
    this.sites = sites;
    this.clock = clock;
  }

  /** A criteria document and its decoded criteria (null if it cannot be read), per NCT id. */
  private record Decoded(String document, TrialCriteria criteria) {}

  private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();
  private volatile TrialIndex<ScreenableTrial> index =
      TrialIndex.of(List.of(), ScreenableTrial::criteria);

  public PreScreener screener() {
    return new PreScreener(clock);
  }

  /**
   * The published trial with structured criteria that takes participants, or empty if it has none
   * (or they cannot be read), or it does not recruit: a completed or withdrawn study offers no
   * pre-screening and no contact.
   */
  @Transactional
  public Optional<ScreenableTrial> findScreenableTrial(NctNumber nct) {
    return trials
        .findPublishedByNct(nct)
        .filter(t -> t.criteriaRules() != null && t.overallStatus().takesParticipants())
        .flatMap(this::toScreenable);
  }

  /**
   * The conditions a published trial studies, as its record names them (the first is the main one):
   * where a visitor ruled out by this trial looks for others.
   */
  @Transactional
  public List<String> conditionsOf(NctNumber nct) {
    return trials.findPublishedByNct(nct).map(t -> List.copyOf(t.conditions())).orElse(List.of());
  }

  /**
   * The registry status of a published trial that does not take participants (COMPLETED,
   * WITHDRAWN...), or empty: why it has no pre-screener.
   */
  @Transactional
  public Optional<String> findStatusNotTakingParticipants(NctNumber nct) {
    return trials
        .findPublishedByNct(nct)
        .map(Trial::overallStatus)
        .filter(s -> !s.takesParticipants())
        .map(Enum::name);
  }

  /**
   * Every published trial with readable structured criteria and a site that takes participants:
   * what "Which trials might fit me?" screens (a closed trial fits nobody).
   */
  @Transactional
  public List<ScreenableTrial> findAllScreenable() {
    return trials.findAllPublished().stream()
        .filter(t -> t.criteriaRules() != null && t.overallStatus().takesParticipants())
        .map(this::toScreenable)
        .flatMap(Optional::stream)
        .filter(t -> !t.sites().isEmpty())
        .toList();
  }

  /**
   * {@link #findAllScreenable()} compiled for {@link PreScreener#rank(TrialIndex,
   * java.util.function.ToDoubleFunction, org.opentrials.portal.eligibility.answers.Answers)},
   * rebuilt only when a trial, its criteria or its sites changed.
   */
  @Transactional
  public TrialIndex<ScreenableTrial> screenableIndex() {
    List<ScreenableTrial> all = findAllScreenable();
    TrialIndex<ScreenableTrial> current = index;
    if (!current.trials().equals(all)) {
      current = TrialIndex.of(all, ScreenableTrial::criteria);
      index = current;
    }
    return current;
  }

  /**
   * The published trials among {@code ncts} with readable structured criteria and a site that takes
   * participants, in the order given, compiled for ranking; rebuilt only when one of them changed.
   * Bounded by the caller: "which trials might fit me" passes the search index's top trials for the
   * visitor's condition, never the whole catalogue.
   */
  @Transactional
  public TrialIndex<ScreenableTrial> screenableIndexOf(List<String> ncts) {
    Map<String, Integer> order = new java.util.HashMap<>();
    for (int i = 0; i < ncts.size(); i++) {
      order.putIfAbsent(ncts.get(i), i);
    }
    List<Trial> found =
        trials
            .findByNcts(ncts.stream().map(NctNumber::parse).flatMap(Optional::stream).toList())
            .stream()
            // As for one trial's pre-screener: a study whose registry status does not take
            // participants (a stent registry of status UNKNOWN with stale "recruiting" sites) is
            // not offered, whatever its sites say.
            .filter(
                t ->
                    t.published()
                        && t.criteriaRules() != null
                        && t.overallStatus().takesParticipants())
            .sorted(java.util.Comparator.comparing(t -> order.get(t.nctId().value())))
            .toList();
    // One query for the sites of all of them, not one per trial.
    Map<NctNumber, List<org.opentrials.portal.domain.site.Site>> sitesByTrial =
        sites.findByTrials(found.stream().map(Trial::nctId).toList()).stream()
            .collect(java.util.stream.Collectors.groupingBy(s -> s.nctId()));
    List<ScreenableTrial> some =
        found.stream()
            .map(t -> toScreenable(t, sitesByTrial.getOrDefault(t.nctId(), List.of())))
            .flatMap(Optional::stream)
            .filter(t -> !t.sites().isEmpty())
            .toList();
    TrialIndex<ScreenableTrial> current = index;
    if (!current.trials().equals(some)) {
      current = TrialIndex.of(some, ScreenableTrial::criteria);
      index = current;
    }
    return current;
  }

  private static boolean hasContact(org.opentrials.portal.domain.site.Site s) {
    var c = s.contact();
    return c != null && (c.name() != null || c.phone() != null || c.email() != null);
  }

  private Optional<ScreenableTrial> toScreenable(Trial t) {
    return toScreenable(t, sites.findByTrial(t.nctId()));
  }

  private Optional<ScreenableTrial> toScreenable(
      Trial t, List<org.opentrials.portal.domain.site.Site> trialSites) {
    TrialCriteria criteria = criteriaOf(t);
    if (criteria == null) {
      return Optional.empty();
    }
    var choices =
        trialSites.stream()
            .filter(s -> s.status() != null && s.status().takesParticipants())
            .map(
                s ->
                    new ScreenableTrial.SiteChoice(
                        s.slug(),
                        s.displayName(),
                        s.state() == null ? s.city() : s.city() + ", " + s.state(),
                        s.placesLeft() != null && s.placesLeft() == 0,
                        s.location().map(g -> g.latitude()).orElse(null),
                        s.location().map(g -> g.longitude()).orElse(null),
                        hasContact(s)))
            .toList();
    return Optional.of(
        new ScreenableTrial(
            t.nctId().value(),
            t.briefTitle(),
            t.acronym(),
            Boolean.TRUE.equals(t.waitlistAvailable()),
            criteria,
            choices));
  }

  /**
   * The trial's decoded criteria, decoded again only when its document changed; null if unreadable.
   */
  private TrialCriteria criteriaOf(Trial t) {
    String document = t.criteriaRules();
    Decoded known = decoded.get(t.nctId().value());
    if (known != null && known.document().equals(document)) {
      return known.criteria();
    }
    TrialCriteria criteria = null;
    try {
      criteria = CriteriaJson.decode(document);
    } catch (IllegalArgumentException e) {
      // A sponsor's criteria document that cannot be read must not break the trial page.
      LOG.log(Level.WARNING, "criteria of " + t.nctId() + " cannot be read: " + e.getMessage());
    }
    decoded.put(t.nctId().value(), new Decoded(document, criteria));
    return criteria;
  }
}
