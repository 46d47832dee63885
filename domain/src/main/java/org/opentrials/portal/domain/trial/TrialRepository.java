package org.opentrials.portal.domain.trial;

import java.util.List;
import java.util.Optional;

/** Where trials are kept. Implemented with JPA in the services module. */
public interface TrialRepository {
  Optional<Trial> findByNct(NctNumber nct);

  /** Published trials only, for the public side. */
  Optional<Trial> findPublishedByNct(NctNumber nct);

  List<Trial> findAllPublished();

  long count();

  /**
   * Published trials whose conditions, keywords, titles or acronym contain {@code text} (ignoring
   * case; all when blank) and, when given, that have {@code phase}.
   */
  List<Trial> search(String text, Phase phase);

  void add(Trial trial);
}
