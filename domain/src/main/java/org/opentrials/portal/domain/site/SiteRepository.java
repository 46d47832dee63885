package org.opentrials.portal.domain.site;

import java.util.List;
import java.util.Optional;
import org.opentrials.portal.domain.trial.NctNumber;

/** Where sites are kept. Implemented with JPA in the services module. */
public interface SiteRepository {
  List<Site> findByTrial(NctNumber nct);

  List<Site> findByTrials(java.util.Collection<NctNumber> ncts);

  Optional<Site> findBySlug(NctNumber nct, String slug);

  /** Every site, by trial and then in the order they were added. */
  List<Site> findAll();

  /**
   * The sites with these ids (those that exist), by trial and then in the order they were added.
   */
  List<Site> findByIds(java.util.Collection<Long> ids);

  void add(Site site);
}
