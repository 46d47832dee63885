package org.opentrials.portal.services.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the change log for the derived views of one instance: remembers the last position it
 * applied, and feeds every later change to each {@link ChangeListener}. The instance polls it
 * (about once a second) and calls {@link #catchUp()} before answering a request that reads a view,
 * so a change committed anywhere is in the view by the next request after the commit.
 *
 * <p>Ids come from a sequence and are taken before commit, so a transaction that took id 7 may
 * commit after one that took id 8. An id skipped over is remembered as a gap and looked for again
 * for {@link #GAP_PATIENCE} (a rolled-back transaction leaves a gap forever); the position the
 * views store stays before the oldest open gap, and a start reads the last {@link #LOOK_BACK}
 * positions again (applying a change twice is harmless), so a restart looks again too.
 */
public final class ChangeFollower {
  private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());

  /** How long an id skipped over is awaited. */
  public static final Duration GAP_PATIENCE = Duration.ofSeconds(120);

  /**
   * At start the follower reads again this many positions before the views' own: a transaction that
   * took its id before the views' position but commits later (the demo load, whose trial commits
   * after the imports it starts) is then seen as a gap and awaited.
   */
  static final long LOOK_BACK = 200;

  private static final int BATCH = 2_000;
  private static final int MAX_GAPS = 10_000;

  /** Where the follower reads the log; each call its own short transaction. */
  public interface Source {
    long lastId();

    List<Change> after(long after, int limit);

    List<Change> withIds(Collection<Long> ids);
  }

  private final Source source;
  private final List<ChangeListener> listeners;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object endLock = new Object();
  private long endReadStartedAt = Long.MIN_VALUE;
  private long endRead;
  private final TreeMap<Long, Instant> gaps = new TreeMap<>();
  private volatile long position = -1;

  public ChangeFollower(Source source, List<ChangeListener> listeners, Clock clock) {
    this.source = source;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** The last position read (applied to every listener); -1 before the first start. */
  public long position() {
    return position;
  }

  /**
   * Brings every listener up to the log's end: the first call starts each from its own position
   * (rebuilding it instead when it says so); later calls apply what was added since. Blocks while
   * another thread does the same.
   */
  public void catchUp() {
    long last = logEnd();
    if (position >= 0 && last <= position && gaps.isEmpty()) {
      return; // nothing new: one indexed query
    }
    lock.lock();
    try {
      follow(last);
    } finally {
      lock.unlock();
    }
  }

  /** As {@link #catchUp()}, but gives up after {@code wait} when another thread is at it. */
  public boolean tryCatchUp(Duration wait) {
    long last = logEnd();
    if (position >= 0 && last <= position && gaps.isEmpty()) {
      return true;
    }
    try {
      if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      follow(last);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The log's last id as read by a query that started after this call did, so every change
   * committed before the call is counted. Callers that arrive while a read is under way share the
   * next one: under load the page cache asks the database once per query's duration, not once per
   * request, and no caller ever gets an answer older than its own arrival.
   */
  long logEnd() {
    long arrived = System.nanoTime();
    synchronized (endLock) {
      if (endReadStartedAt != Long.MIN_VALUE && endReadStartedAt - arrived >= 0) {
        return endRead;
      }
      long started = System.nanoTime();
      long end = source.lastId();
      endReadStartedAt = started;
      endRead = end;
      return end;
    }
  }

  private void follow(long last) {
    if (position < 0) {
      start(last);
    }
    while (true) {
      List<Change> batch = new ArrayList<>(source.after(position, BATCH));
      List<Change> late = awaitedGaps();
      if (batch.isEmpty() && late.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      long expected = position + 1;
      for (Change c : batch) {
        for (long id = expected; id < c.id() && gaps.size() < MAX_GAPS; id++) {
          gaps.putIfAbsent(id, now);
        }
        expected = c.id() + 1;
      }
      long next = batch.isEmpty() ? position : batch.get(batch.size() - 1).id();
      List<Change> all = new ArrayList<>(late);
      all.addAll(batch);
      long durable = gaps.isEmpty() ? next : Math.min(next, gaps.firstKey() - 1);
      for (ChangeListener l : listeners) {
        try {
          l.apply(all, durable);
        } catch (RuntimeException e) {
          // Not past these changes: the next poll applies them again.
          late.forEach(c -> gaps.put(c.id(), now));
          LOG.log(Level.WARNING, "a view could not apply changes up to " + next, e);
          return;
        }
      }
      position = next;
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  /** The awaited ids that have committed meanwhile; forgets those awaited too long. */
  private List<Change> awaitedGaps() {
    if (gaps.isEmpty()) {
      return List.of();
    }
    List<Change> found = source.withIds(gaps.keySet());
    found.forEach(c -> gaps.remove(c.id()));
    Instant cutoff = clock.instant().minus(GAP_PATIENCE);
    gaps.values().removeIf(t -> t.isBefore(cutoff));
    return found;
  }

  private void start(long last) {
    long from = Long.MAX_VALUE;
    for (ChangeListener l : listeners) {
      long at = Math.min(l.appliedUpTo(), last);
      if (l.rebuildInstead(last - at)) {
        LOG.info(() -> "rebuilding a view from the database (log position " + last + ")");
        l.rebuild(last);
        at = last;
      }
      from = Math.min(from, at);
    }
    position = listeners.isEmpty() ? last : Math.max(0, from - LOOK_BACK);
  }

  /** The NCT numbers touched by {@code changes}, in first-seen order. */
  public static Set<String> trials(List<Change> changes) {
    Set<String> ncts = new java.util.LinkedHashSet<>();
    changes.forEach(c -> ncts.add(c.nct()));
    return ncts;
  }
}
