package org.opentrials.portal.services.changes;

import java.util.List;

/**
 * A view derived from the database that follows the change log (the search index; later a page
 * cache). Every instance keeps its own; the {@link ChangeFollower} of the instance feeds it.
 */
public interface ChangeListener {
  /**
   * The log position up to which this view has durably applied changes (0: none). After a restart
   * the follower starts from here, so changes made while the instance was down are not lost.
   */
  long appliedUpTo();

  /**
   * Applies changes, in log order, and remembers {@code upTo} as its position. Changes may repeat
   * ones already applied (a view rereads the entity, so applying twice is harmless).
   *
   * @param upTo the position to remember: at least every id in {@code changes}
   */
  void apply(List<Change> changes, long upTo);

  /**
   * Whether so many changes are pending that rebuilding from the database is cheaper than applying
   * them one by one (say after a bulk import on the command line while the server was down).
   */
  default boolean rebuildInstead(long pending) {
    return false;
  }

  /** Rebuilds the view from the database; afterwards {@link #appliedUpTo()} is {@code upTo}. */
  default void rebuild(long upTo) {}
}
