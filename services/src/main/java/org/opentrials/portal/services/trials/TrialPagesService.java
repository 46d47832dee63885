package org.opentrials.portal.services.trials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.domain.shared.GeoPoint;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.site.SiteRepository;
import org.opentrials.portal.domain.trial.ContentDraftRepository;
import org.opentrials.portal.domain.trial.CriterionKind;
import org.opentrials.portal.domain.trial.CriterionText;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.SpanishTexts;
import org.opentrials.portal.domain.trial.Trial;
import org.opentrials.portal.domain.trial.TrialContent;
import org.opentrials.portal.domain.trial.TrialRepository;
import org.opentrials.portal.eligibility.criteria.Criterion;
import org.opentrials.portal.eligibility.json.CriteriaJson;
import org.opentrials.portal.services.content.ContentJson;

/** Reads a published trial into its page's view model in one transaction. */
@ApplicationScoped
@Transactional
public class TrialPagesService implements TrialPages {
  private TrialRepository trials;
  private SiteRepository sites;
  private ContentDraftRepository drafts;
  private Clock clock;

  /** From this many sites on, the page lists them grouped by country and state. */
  public static final int LONG_SITE_LIST = 20;

  /** A status not confirmed within this many days is shown as possibly out of date. */
  private int staleAfterDays;

  /** For the container's proxies only (see README, "Injection"). */
  protected TrialPagesService() {}

  @Inject
  public TrialPagesService(
      TrialRepository trials,
      SiteRepository sites,
      ContentDraftRepository drafts,
      Clock clock,
      @ConfigProperty(name = "trials.status.stale-after-days", defaultValue = "90")
          int staleAfterDays) {
    this.trials = trials;
    this.sites = sites;
    this.drafts = drafts;
    this.clock = clock;
    this.staleAfterDays = staleAfterDays;
  }

  @Override
  public Optional<TrialPageView> findTrialPage(NctNumber nct, Optional<GeoPoint> visitor) {
    return trials.findPublishedByNct(nct).map(t -> toView(t, sites.findByTrial(nct), visitor));
  }

  @Override
  public Optional<TrialPageView> findPreview(
      NctNumber nct, String previewKey, Optional<GeoPoint> visitor) {
    return drafts
        .findByPreviewKey(previewKey)
        .filter(d -> d.nctId().equals(nct) && d.previewableAt(clock.instant()))
        .flatMap(
            d ->
                trials
                    .findByNct(nct)
                    .map(
                        t ->
                            toView(
                                t,
                                ContentJson.read(d.content(), clock),
                                sites.findByTrial(nct),
                                visitor)));
  }

  @Override
  public long countPublished() {
    return trials.countPublished();
  }

  @Override
  public List<String> publishedNcts(String after, long offset, int limit) {
    return trials.publishedNcts(after, offset, limit);
  }

  @Override
  public java.util.Map<String, String> spanishTitles(java.util.Collection<String> ncts) {
    return trials.spanishTitles(
        ncts.stream().map(NctNumber::parse).flatMap(Optional::stream).toList());
  }

  @Override
  public List<TrialSummaryView> listPublished() {
    List<Trial> published = trials.findAllPublished();
    var siteCounts =
        sites.findByTrials(published.stream().map(Trial::nctId).toList()).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    s -> s.nctId(), java.util.stream.Collectors.counting()));
    return published.stream()
        .map(
            t ->
                new TrialSummaryView(
                    t.nctId().value(),
                    t.acronym(),
                    t.briefTitle(),
                    t.conditions(),
                    t.phases().stream().sorted().map(Enum::name).toList(),
                    t.overallStatus().name(),
                    t.leadSponsor(),
                    siteCounts.getOrDefault(t.nctId(), 0L).intValue()))
        .toList();
  }

  TrialPageView toView(Trial t, List<Site> siteList, Optional<GeoPoint> visitor) {
    return toView(t, t.content(), siteList, visitor);
  }

  /** The page of trial {@code t} with content {@code c}: its own, or a draft's for a preview. */
  TrialPageView toView(Trial t, TrialContent c, List<Site> siteList, Optional<GeoPoint> visitor) {
    LocalDate today = LocalDate.now(clock);
    List<SiteView> siteViews = siteList.stream().map(s -> toView(s, visitor, today)).toList();
    if (visitor.isPresent()) {
      siteViews =
          siteViews.stream()
              .sorted(
                  Comparator.comparing(
                      SiteView::distanceMiles, Comparator.nullsLast(Comparator.naturalOrder())))
              .toList();
    } else if (siteViews.size() > LONG_SITE_LIST) {
      // A long list reads by place: country, then state, in the registry's order within them.
      siteViews =
          siteViews.stream()
              .sorted(
                  Comparator.comparing(
                          SiteView::country, Comparator.nullsLast(Comparator.naturalOrder()))
                      .thenComparing(
                          SiteView::state, Comparator.nullsLast(Comparator.naturalOrder())))
              .toList();
    }
    return new TrialPageView(
        t.nctId().value(),
        t.acronym(),
        t.briefTitle(),
        t.officialTitle(),
        t.studyType().name(),
        t.phases().stream().sorted().map(Enum::name).toList(),
        t.conditions(),
        t.keywords(),
        t.overallStatus().name(),
        t.statusVerifiedOn(),
        isStale(t.statusVerifiedOn(), today),
        t.placesLeft(),
        t.placesLeftUntil(),
        t.enrollment(),
        t.enrollmentType() == null ? null : t.enrollmentType().name(),
        t.leadSponsor(),
        t.collaborators(),
        t.overseenBy(),
        t.briefSummary(),
        c.plainSummary(),
        c.groupsSummary(),
        c.faq().stream()
            .map(f -> TrialPageView.Faq.of(f.question(), f.answer(), c.references().size()))
            .toList(),
        t.travelSupport().name(),
        t.timeReimbursement().name(),
        t.waitlistAvailable(),
        t.priorSafetyData(),
        c.eligibilitySummary(),
        t.minimumAge() == null ? null : t.minimumAge().wholeYears(),
        t.maximumAge() == null ? null : t.maximumAge().wholeYears(),
        t.sex().name(),
        texts(t.criteria(), CriterionKind.INCLUSION),
        texts(t.criteria(), CriterionKind.EXCLUSION),
        keyTexts(t.criteria(), CriterionKind.INCLUSION),
        keyTexts(t.criteria(), CriterionKind.EXCLUSION),
        c.groups().stream()
            .map(
                a ->
                    new TrialPageView.Group(
                        a.label(),
                        a.type() == null ? null : a.type().name(),
                        a.description(),
                        a.interventions().stream()
                            .map(
                                i ->
                                    new TrialPageView.InterventionView(
                                        i.name(),
                                        i.type().name(),
                                        i.dose() == null ? null : i.dose().amount(),
                                        i.dose() == null ? null : i.dose().unit(),
                                        i.dose() != null && i.dose().perKilogram(),
                                        i.administration()))
                            .toList()))
            .toList(),
        c.approvals().stream()
            .map(
                a ->
                    new TrialPageView.ApprovalView(
                        a.subject(), a.countryCode(), a.approvedName(), a.indications()))
            .toList(),
        c.references().stream()
            .map(
                r ->
                    new TrialPageView.ReferenceView(
                        r.title(), r.year(), r.abstractText(), r.pmid(), r.citation()))
            .toList(),
        c.safetySummaries().stream()
            .map(s -> new TrialPageView.Safety(s.text(), s.asOf()))
            .toList(),
        siteViews,
        c.criteriaRules() != null,
        t.eligibilityStated(),
        t.overallStatus().takesParticipants(),
        RegistryDetails.parse(t.registryDetails()),
        spanish(c),
        isPast(t.placesLeftUntil(), today));
  }

  /** The Spanish texts, and the structured criteria in Spanish where they have it. */
  private static TrialPageView.Spanish spanish(TrialContent c) {
    SpanishTexts es = c.spanish();
    List<Criterion> criteria = structuredCriteria(c.criteriaRules());
    return new TrialPageView.Spanish(
        es.briefTitle(),
        es.plainSummary(),
        es.groupsSummary(),
        es.eligibilitySummary(),
        es.faq().stream()
            .map(f -> TrialPageView.Faq.of(f.question(), f.answer(), c.references().size()))
            .toList(),
        es.groups().stream()
            .map(g -> new TrialPageView.GroupText(g.label(), g.description()))
            .toList(),
        criteria.stream().filter(Criterion::isInclusion).map(TrialPagesService::inSpanish).toList(),
        criteria.stream().filter(k -> !k.isInclusion()).map(TrialPagesService::inSpanish).toList());
  }

  private static TrialPageView.LocalText inSpanish(Criterion criterion) {
    String spanish = criterion.text().byLanguage().get("es");
    return spanish != null
        ? new TrialPageView.LocalText(spanish, "es")
        : new TrialPageView.LocalText(criterion.text().defaultText(), "en");
  }

  /** The structured criteria, or none when there are none or they cannot be read. */
  private static List<Criterion> structuredCriteria(String rules) {
    if (rules == null) {
      return List.of();
    }
    try {
      return CriteriaJson.decode(rules).criteria();
    } catch (RuntimeException unreadable) {
      // Stored rules are checked when saved; a page still shows the registry's criteria if not.
      return List.of();
    }
  }

  private SiteView toView(Site s, Optional<GeoPoint> visitor, LocalDate today) {
    Double distance = visitor.flatMap(v -> s.location().map(v::distanceMilesTo)).orElse(null);
    var contact = s.contact();
    return new SiteView(
        s.slug(),
        s.displayName(),
        s.facility(),
        s.city(),
        s.state(),
        s.postalCode(),
        s.country(),
        s.status() == null ? null : s.status().name(),
        s.status() != null && s.status().takesParticipants(),
        s.statusVerifiedOn(),
        isStale(s.statusVerifiedOn(), today),
        s.placesLeft(),
        s.placesLeftUntil(),
        s.principalInvestigator(),
        contact == null ? null : contact.name(),
        contact == null ? null : contact.phone(),
        contact == null ? null : contact.phoneForLink(),
        contact == null ? null : contact.email(),
        s.displayTitle(),
        s.location().map(GeoPoint::latitude).orElse(null),
        s.location().map(GeoPoint::longitude).orElse(null),
        distance,
        s.locationSource() == null ? null : s.locationSource().name(),
        isPast(s.placesLeftUntil(), today));
  }

  /** A "by" date for places left that has passed: the estimate is out of date. */
  private static boolean isPast(LocalDate until, LocalDate today) {
    return until != null && until.isBefore(today);
  }

  private boolean isStale(LocalDate verifiedOn, LocalDate today) {
    return verifiedOn == null || verifiedOn.isBefore(today.minusDays(staleAfterDays));
  }

  private static List<String> keyTexts(List<CriterionText> criteria, CriterionKind kind) {
    return criteria.stream()
        .filter(c -> c.kind() == kind && c.key())
        .map(CriterionText::clinicalText)
        .toList();
  }

  private static List<String> texts(List<CriterionText> criteria, CriterionKind kind) {
    return criteria.stream().filter(c -> c.kind() == kind).map(CriterionText::patientText).toList();
  }
}
