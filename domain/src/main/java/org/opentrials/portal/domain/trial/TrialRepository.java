package org.opentrials.portal.domain.trial;

import java.util.List;
import java.util.Optional;

/** Where trials are kept. Implemented with JPA in the services module. */
public interface TrialRepository {
  Optional<Trial> findByNct(NctNumber nct);

  /** The trials with these NCT numbers (those that exist), in no particular order. */
  List<Trial> findByNcts(java.util.Collection<NctNumber> ncts);

  /** Published trials only, for the public side. */
  Optional<Trial> findPublishedByNct(NctNumber nct);

  List<Trial> findAllPublished();

  long count();

  /** Every trial, published or not, by NCT number (the staff's lists). */
  List<Trial> findAll();

  boolean exists(NctNumber nct);

  /** How many trials are published. */
  long countPublished();

  /**
   * NCT numbers of published trials in order, at most {@code limit}: after {@code after} when
   * given, else from the {@code offset}-th.
   */
  List<String> publishedNcts(String after, long offset, int limit);

  /**
   * The Spanish titles sponsor staff gave to these published trials, by NCT number; trials without
   * one are not in the map.
   */
  java.util.Map<String, String> spanishTitles(java.util.Collection<NctNumber> ncts);

  void add(Trial trial);

  /** Adds several trials at once (one write to the database instead of one per trial). */
  void addAll(java.util.Collection<Trial> trials);
}
