package org.opentrials.portal.domain.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.domain.trial.NctNumber;
import org.opentrials.portal.domain.trial.OverallStatus;
import org.opentrials.portal.domain.trial.Phase;
import org.opentrials.portal.domain.trial.StudyType;
import org.opentrials.portal.domain.trial.SupportLevel;
import org.opentrials.portal.domain.trial.Trial;

/** A valid trial, recruiting and unpublished unless told otherwise; its sites come along. */
public final class TrialBuilder {
  private NctNumber nct = NctNumber.of("NCT00000001");
  private String title = "A test study";
  private OverallStatus status = OverallStatus.RECRUITING;
  private String sponsor = "Test Sponsor";
  private Set<Phase> phases = EnumSet.of(Phase.PHASE2);
  private List<String> conditions = List.of("Systemic Lupus Erythematosus");
  private String criteria;
  private boolean published;
  private boolean waitlist;
  private final List<SiteBuilder> sites = new ArrayList<>();

  private TrialBuilder() {}

  public static TrialBuilder aTrial() {
    return new TrialBuilder();
  }

  public TrialBuilder withNct(String value) {
    this.nct = NctNumber.of(value);
    return this;
  }

  public TrialBuilder titled(String briefTitle) {
    this.title = briefTitle;
    return this;
  }

  public TrialBuilder withStatus(OverallStatus overallStatus) {
    this.status = overallStatus;
    return this;
  }

  public TrialBuilder withPhases(Phase... values) {
    this.phases = values.length == 0 ? Set.of() : EnumSet.of(values[0], values);
    return this;
  }

  public TrialBuilder forConditions(String... values) {
    this.conditions = List.of(values);
    return this;
  }

  /** The structured eligibility criteria (the criteria JSON document). */
  public TrialBuilder withCriteria(String rulesDocument) {
    this.criteria = rulesDocument;
    return this;
  }

  /** A full site of this trial takes waitlist entries. */
  public TrialBuilder withWaitlist() {
    this.waitlist = true;
    return this;
  }

  public TrialBuilder published() {
    this.published = true;
    return this;
  }

  /** A site of this trial (built with the trial's NCT number by {@link #sites()}). */
  public TrialBuilder withSite(SiteBuilder site) {
    sites.add(site);
    return this;
  }

  public NctNumber nct() {
    return nct;
  }

  public Trial build() {
    Trial trial = new Trial(nct, title, StudyType.INTERVENTIONAL, status, sponsor);
    trial.classify(phases, conditions, List.of());
    if (waitlist) {
      trial.offer(SupportLevel.VARIES, SupportLevel.VARIES, true, false);
    }
    if (criteria != null) {
      trial.structureCriteria(criteria);
    }
    if (published) {
      trial.publish();
    }
    return trial;
  }

  /** The sites given with {@link #withSite}, each belonging to this trial. */
  public List<Site> sites() {
    return sites.stream().map(s -> s.forTrial(nct).build()).toList();
  }
}
