package org.opentrials.portal.services.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The log's end as the page cache asks for it before every page: callers arriving together share
 * one query, and none is answered by a query that started before it arrived.
 */
class ChangeLogEndTest {
  final AtomicLong committed = new AtomicLong();
  final AtomicInteger queries = new AtomicInteger();
  final CountDownLatch firstQueryRead = new CountDownLatch(1);
  final CountDownLatch releaseFirstQuery = new CountDownLatch(1);
  final ExecutorService callers = Executors.newCachedThreadPool();

  /** A database whose first max(id) query reads, then stalls until released. */
  final ChangeFollower.Source source =
      new ChangeFollower.Source() {
        @Override
        public long lastId() {
          long read = committed.get();
          if (queries.incrementAndGet() == 1) {
            firstQueryRead.countDown();
            await(releaseFirstQuery);
          }
          return read;
        }

        @Override
        public List<Change> after(long after, int limit) {
          return List.of();
        }

        @Override
        public List<Change> withIds(Collection<Long> ids) {
          return List.of();
        }
      };

  final ChangeFollower follower = new ChangeFollower(source, List.of(), Clock.systemUTC());

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void aChangeCommittedBeforeACallerArrivesIsNeverHiddenByAnEarlierQuery() throws Exception {
    Future<Long> early = callers.submit(follower::logEnd);
    await(firstQueryRead);
    committed.set(7); // a staff save commits while the first query is under way
    Future<Long> late = callers.submit(follower::logEnd);
    waitUntilBlocked(1);

    releaseFirstQuery.countDown();

    assertThat(early.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(late.get(5, TimeUnit.SECONDS)).isEqualTo(7);
    assertThat(queries).hasValue(2);
  }

  @Test
  void callersArrivingDuringAQueryShareTheNextOne() throws Exception {
    Future<Long> early = callers.submit(follower::logEnd);
    await(firstQueryRead);
    committed.set(3);
    List<Future<Long>> waiting =
        List.of(
            callers.submit(follower::logEnd),
            callers.submit(follower::logEnd),
            callers.submit(follower::logEnd),
            callers.submit(follower::logEnd));
    waitUntilBlocked(4);

    releaseFirstQuery.countDown();

    early.get(5, TimeUnit.SECONDS);
    for (Future<Long> f : waiting) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(3);
    }
    assertThat(queries).as("one query for the four callers that waited").hasValue(2);
  }

  /** Waits until {@code n} callers wait for the query under way. */
  private static void waitUntilBlocked(int n) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      long blocked =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getState() == Thread.State.BLOCKED)
              .filter(
                  t ->
                      java.util.Arrays.stream(t.getStackTrace())
                          .anyMatch(e -> e.getMethodName().equals("logEnd")))
              .count();
      if (blocked >= n) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(n + " callers never waited");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
