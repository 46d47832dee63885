package org.opentrials.portal.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.opentrials.portal.services.changes.Change;
import org.opentrials.portal.services.changes.ChangeFollower;
import org.opentrials.portal.services.changes.ChangeFollowing;
import org.opentrials.portal.services.changes.ChangeListener;

/**
 * Trial search for the public portal: the {@link TrialSearchIndex} in {@code
 * trials.search.index.dir} (default: {@code ${trials.data.dir}/search-index}), rebuilt from the
 * database when missing or of an older format, kept current by the change log. A search first
 * applies what the log holds beyond the index, so a change is found by the next request.
 */
@ApplicationScoped
public class TrialSearch implements ChangeListener {
  private static final Logger LOG = Logger.getLogger(TrialSearch.class.getName());

  /** Rebuilding beats applying changes one trial at a time beyond this many pending changes. */
  static final long REBUILD_BEYOND = 20_000;

  private static final int PAGE = 500;

  private TrialSource source;
  private ChangeFollowing following;
  private TrialSearchIndex index;

  protected TrialSearch() {}

  @Inject
  public TrialSearch(TrialSource source, ChangeFollowing following, Config config) {
    this.source = source;
    this.following = following;
    String dir =
        config
            .getOptionalValue("trials.search.index.dir", String.class)
            .orElseGet(
                () ->
                    config.getOptionalValue("trials.data.dir", String.class).orElse("./data")
                        + "/search-index");
    this.index = TrialSearchIndex.open(Path.of(dir));
  }

  /**
   * How many trials are published, from the index after every change committed so far: the
   * sitemap's size at the cost of one query whatever the catalogue's size (a SQL count reads them
   * all: 0.6 s at 100,000 studies on PostgreSQL).
   */
  public long publishedCount() {
    following.catchUp();
    return index.count();
  }

  /** One page of results, after applying every change committed so far. */
  public SearchPage search(SearchQuery query) {
    following.catchUp();
    return index.search(query);
  }

  /**
   * At most {@code limit} open trials with structured criteria for the visitor's words (or nearest,
   * or all), from the index: what "which trials might fit me" ranks.
   */
  public List<String> screenable(
      String words, org.opentrials.portal.domain.shared.GeoPoint near, int limit) {
    following.catchUp();
    return index.screenable(words, near, limit);
  }

  /**
   * For "Which trials might fit me?": open trials with criteria for the visitor's condition (named
   * in a trial's conditions or title), with a site taking participants within {@code radiusMiles}
   * of {@code near} when both are given, best first; at most {@code limit}.
   */
  public List<String> screenableForCondition(
      String condition,
      org.opentrials.portal.domain.shared.GeoPoint near,
      int radiusMiles,
      int limit) {
    following.catchUp();
    return index.screenable(condition, near, Math.max(1, radiusMiles), limit);
  }

  @Override
  public long appliedUpTo() {
    return index.position();
  }

  @Override
  public boolean rebuildInstead(long pending) {
    return index.needsRebuild() || pending > REBUILD_BEYOND;
  }

  @Override
  public void rebuild(long upTo) {
    long started = System.nanoTime();
    long[] after = {0};
    int count =
        index.rebuild(
            () -> {
              TrialSource.Page page = source.page(after[0], PAGE);
              after[0] = page.lastId();
              return page.trials();
            },
            upTo);
    LOG.info(
        () ->
            "search index rebuilt: "
                + count
                + " trials in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
  }

  @Override
  public void apply(List<Change> changes, long upTo) {
    Set<String> ncts = ChangeFollower.trials(changes);
    List<IndexedTrial> published = new ArrayList<>();
    List<String> nctList = new ArrayList<>(ncts);
    for (int i = 0; i < nctList.size(); i += PAGE) {
      published.addAll(source.published(nctList.subList(i, Math.min(nctList.size(), i + PAGE))));
    }
    Set<String> gone = new HashSet<>(ncts);
    published.forEach(t -> gone.remove(t.nct()));
    index.replace(published, gone, upTo);
  }

  @PreDestroy
  void close() {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "closing the search index", e);
    }
  }
}
