package org.opentrials.portal.services.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.persistence.JobLeaseRows;
import org.opentrials.portal.services.persistence.TestDatabase;

/** A job's lease in the database: one instance at a time takes it, another once it has expired. */
class ClusterJobsTest {
  private static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(54);
  private final TestDatabase db = new TestDatabase();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theFirstInstanceTakesTheLeaseAndTheOthersSkipUntilItExpires() {
    assertThat(take("instance-a", T0)).as("first run creates the row").isTrue();
    assertThat(take("instance-b", T0)).isFalse();
    assertThat(take("instance-b", T0.plusSeconds(30))).isFalse();
    assertThat(take("instance-a", T0.plusSeconds(53))).as("not even its holder").isFalse();
    assertThat(take("instance-b", T0.plusSeconds(54))).as("expired: B takes it").isTrue();
    assertThat(take("instance-a", T0.plusSeconds(60))).isFalse();
    Optional<Long> runs = db.call(em -> new JobLeaseRows(em).runs("sweep"));
    assertThat(runs).contains(2L);
    Object holder =
        db.call(
            em ->
                em.createNativeQuery("SELECT holder FROM job_lease WHERE job_name = 'sweep'")
                    .getSingleResult());
    assertThat(holder).isEqualTo("instance-b");
  }

  @Test
  void runOnceRunsTheWorkOnlyWhereTheLeaseWasTaken() {
    AtomicInteger ran = new AtomicInteger();
    // Four schedulers (two instances, two web applications each) fire in the same period.
    for (int scheduler = 0; scheduler < 4; scheduler++) {
      Instant at = T0.plusSeconds(scheduler);
      db.inTransaction(
          em ->
              new ClusterJobs(new LeaseStore(em), Clock.fixed(at, ZoneOffset.UTC))
                  .runOnce("sweep", LEASE, ran::incrementAndGet));
    }
    assertThat(ran).hasValue(1);
  }

  private boolean take(String holder, Instant now) {
    Boolean taken =
        db.call(
            em ->
                new ClusterJobs(new LeaseStore(em), Clock.fixed(now, ZoneOffset.UTC), holder)
                    .tryTake("sweep", LEASE));
    return taken;
  }
}
