package org.opentrials.portal.services.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChangeFollowerTest {
  /** The log as committed so far. */
  final TreeMap<Long, Change> log = new TreeMap<>();

  final ChangeFollower.Source source =
      new ChangeFollower.Source() {
        @Override
        public long lastId() {
          return log.isEmpty() ? 0 : log.lastKey();
        }

        @Override
        public List<Change> after(long after, int limit) {
          return log.tailMap(after, false).values().stream().limit(limit).toList();
        }

        @Override
        public List<Change> withIds(Collection<Long> ids) {
          return ids.stream().filter(log::containsKey).map(log::get).toList();
        }
      };

  /** A view that records what it was given. */
  static final class Recorder implements ChangeListener {
    long position;
    boolean stale;
    final List<String> applied = new ArrayList<>();
    long rebuiltAt = -1;

    @Override
    public long appliedUpTo() {
      return position;
    }

    @Override
    public void apply(List<Change> changes, long upTo) {
      changes.forEach(c -> applied.add(c.key()));
      position = upTo;
    }

    @Override
    public boolean rebuildInstead(long pending) {
      return stale || pending > 3;
    }

    @Override
    public void rebuild(long upTo) {
      rebuiltAt = upTo;
      position = upTo;
    }
  }

  void commit(long id, String key) {
    log.put(id, new Change(id, ChangeLog.TRIAL, key, "UPDATED", Instant.EPOCH));
  }

  final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void appliesWhatCameAfterItsPositionAndNothingTwice() {
    Recorder view = new Recorder();
    commit(1, "NCT00000001");
    view.position = 1;
    ChangeFollower follower = new ChangeFollower(source, List.of(view), clock);
    follower.catchUp();
    assertThat(view.applied)
        .as("a start reads the last positions again")
        .containsExactly("NCT00000001");
    view.applied.clear();
    commit(2, "NCT00000002");
    commit(3, "NCT00000003/site");
    follower.catchUp();
    follower.catchUp();
    assertThat(view.applied).containsExactly("NCT00000002", "NCT00000003/site");
    assertThat(view.position).isEqualTo(3);
    assertThat(ChangeFollower.trials(log.values().stream().toList()))
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003");
  }

  @Test
  void aLateCommitBehindANewerOneIsStillApplied() {
    Recorder view = new Recorder();
    ChangeFollower follower = new ChangeFollower(source, List.of(view), clock);
    follower.catchUp();
    commit(2, "NCT00000002"); // id 1 taken by a transaction that has not committed yet
    follower.catchUp();
    assertThat(view.applied).containsExactly("NCT00000002");
    assertThat(view.position).as("stays before the open gap").isZero();
    commit(1, "NCT00000001");
    follower.catchUp();
    assertThat(view.applied).containsExactly("NCT00000002", "NCT00000001");
    assertThat(view.position).isEqualTo(2);
  }

  @Test
  void aTransactionThatCommitsAfterTheViewsPositionAtStartIsAwaited() {
    commit(2, "NCT00000002");
    commit(3, "NCT00000003");
    Recorder view = new Recorder();
    view.position = 3; // rebuilt at 3 while id 1 was taken but not committed
    ChangeFollower follower = new ChangeFollower(source, List.of(view), clock);
    follower.catchUp();
    assertThat(view.position).isZero();
    commit(1, "NCT00000001");
    follower.catchUp();
    assertThat(view.applied).endsWith("NCT00000001");
    assertThat(view.position).isEqualTo(3);
  }

  @Test
  void aViewFarBehindOrOfAnOldFormatIsRebuiltInstead() {
    for (long id = 1; id <= 10; id++) {
      commit(id, "NCT0000000" + (id % 10));
    }
    Recorder behind = new Recorder();
    new ChangeFollower(source, List.of(behind), clock).catchUp();
    assertThat(behind.rebuiltAt).isEqualTo(10);

    Recorder stale = new Recorder();
    stale.position = 10;
    stale.stale = true;
    new ChangeFollower(source, List.of(stale), clock).catchUp();
    assertThat(stale.rebuiltAt).isEqualTo(10);
  }
}
