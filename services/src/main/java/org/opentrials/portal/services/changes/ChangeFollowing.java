package org.opentrials.portal.services.changes;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opentrials.portal.services.persistence.TrialsDatabase;

/**
 * This application's {@link ChangeFollower}: started with the application when it has views that
 * follow the log ({@link ChangeListener} beans; the public portal's search index), then polled
 * every {@code trials.changes.poll-millis} on the container's scheduled executor. A request that
 * reads a view calls {@link #catchUp()} first, so it sees every change committed before it.
 */
@ApplicationScoped
public class ChangeFollowing {
  private static final Logger LOG = Logger.getLogger(ChangeFollowing.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService executor;

  private ChangeReads reads;
  private TrialsDatabase database;
  private Instance<ChangeListener> listeners;
  private Clock clock;
  private long pollMillis;
  private volatile ChangeFollower follower;
  private ScheduledFuture<?> polling;
  private int failures;

  protected ChangeFollowing() {}

  @Inject
  public ChangeFollowing(
      ChangeReads reads,
      TrialsDatabase database,
      @Any Instance<ChangeListener> listeners,
      Clock clock,
      @ConfigProperty(name = "trials.changes.poll-millis", defaultValue = "1000") long pollMillis) {
    this.reads = reads;
    this.database = database;
    this.listeners = listeners;
    this.clock = clock;
    this.pollMillis = pollMillis;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    List<ChangeListener> views = listeners.stream().toList();
    if (views.isEmpty()) {
      return; // the administration keeps no derived views
    }
    ChangeFollower.Source source =
        new ChangeFollower.Source() {
          @Override
          public long lastId() {
            return reads.lastId();
          }

          @Override
          public List<Change> after(long after, int limit) {
            return reads.after(after, limit);
          }

          @Override
          public List<Change> withIds(java.util.Collection<Long> ids) {
            return reads.withIds(ids);
          }
        };
    follower = new ChangeFollower(source, views, clock);
    polling =
        executor.scheduleWithFixedDelay(
            this::poll, 0, Math.max(50, pollMillis), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      database.ready(); // the schema is migrated before the log is read
      follower.catchUp();
    } catch (RuntimeException e) {
      // At start the poll may come before the schema is migrated; a database may be briefly away.
      failures++;
      if (failures == 10 || failures % 600 == 0) {
        LOG.log(Level.WARNING, "following the change log fails; trying again", e);
      } else {
        LOG.fine(() -> "following the change log failed; trying again: " + e);
      }
      return;
    }
    failures = 0;
  }

  /**
   * Applies every change committed so far before the caller reads a view; returns at once while the
   * views are first built at start (they answer with what they hold meanwhile).
   */
  public void catchUp() {
    ChangeFollower f = follower;
    if (f != null && f.position() >= 0) {
      f.tryCatchUp(Duration.ofSeconds(10));
    }
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
