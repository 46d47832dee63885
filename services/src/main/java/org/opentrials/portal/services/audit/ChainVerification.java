package org.opentrials.portal.services.audit;

import java.io.Serializable;

/**
 * The result of walking the audit chain from its first entry to its head.
 *
 * @param problem NONE when every entry is intact and linked, else the first problem found
 * @param firstBrokenEntryId the id of the first entry that is changed, unlinked or missing; null if
 *     intact
 * @param entriesChecked how many entries were walked
 * @param headHash the hash at the head of the chain (worth keeping outside the database)
 */
public record ChainVerification(
    Problem problem, Long firstBrokenEntryId, long entriesChecked, String headHash)
    implements Serializable {

  /** What can be wrong with the chain. */
  public enum Problem {
    /** Every entry matches its hash and follows the one before. */
    NONE,
    /** An entry's content no longer matches its hash: a recorded value was changed. */
    CONTENT_CHANGED,
    /**
     * An entry does not follow the one before (its "previous hash" differs): an entry was changed
     * and rehashed, or replaced.
     */
    LINK_BROKEN,
    /**
     * An id is missing from the sequence 1, 2, 3, ..., or the chain ends before its head: an entry
     * was removed.
     */
    ENTRY_MISSING,
    /** The last entry's hash differs from the one the head recorded. */
    HEAD_MISMATCH
  }

  public boolean intact() {
    return problem == Problem.NONE;
  }

  static ChainVerification ok(long checked, String headHash) {
    return new ChainVerification(Problem.NONE, null, checked, headHash);
  }

  static ChainVerification broken(Problem problem, long entryId, long checked, String headHash) {
    return new ChainVerification(problem, entryId, checked, headHash);
  }
}
