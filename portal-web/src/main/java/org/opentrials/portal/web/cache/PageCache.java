package org.opentrials.portal.web.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opentrials.portal.services.changes.Change;
import org.opentrials.portal.services.changes.ChangeListener;

/**
 * Rendered public pages, kept until the data behind them changes: a derived view of the database
 * like the search index, emptied by the change log (a trial's pages when it or one of its sites
 * changes, search pages on any change). Bounded by entry count and bytes, least recently used out
 * first. A render that started before a change is never stored after it (generation check).
 */
@ApplicationScoped
public class PageCache implements ChangeListener {
  /** Pages of no single trial (home, search): dropped on every change. */
  static final String SEARCH_TAG = "";

  static final int MAX_ENTRIES = 5_000;
  static final long MAX_BYTES = 96L * 1024 * 1024;

  /** Beyond this many pending changes, emptying the cache is cheaper than reading them. */
  static final long REBUILD_AFTER = 500;

  private final AtomicLong generation = new AtomicLong();
  private volatile long applied;
  private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  /** A stored page: its bytes, a strong ETag, and the trial it shows. */
  public record Page(String tag, String contentType, byte[] body, String etag) {
    long size() {
      return body.length + 200L;
    }
  }

  public synchronized Optional<Page> find(String key) {
    return Optional.ofNullable(pages.get(key));
  }

  /** The generation a render starts in; pass it to {@link #store}. */
  public long generation() {
    return generation.get();
  }

  /** Keeps a rendered page unless something changed since {@code startedIn}; returns it. */
  public Page store(String key, String tag, String contentType, byte[] body, long startedIn) {
    Page page = new Page(tag, contentType, body, etag(body));
    synchronized (this) {
      if (generation.get() == startedIn && page.size() < MAX_BYTES / 16) {
        Page old = pages.put(key, page);
        bytes += page.size() - (old == null ? 0 : old.size());
        evict();
      }
    }
    return page;
  }

  /** A trial or one of its sites changed: its pages and every search page go. */
  public synchronized void trialChanged(String nct) {
    generation.incrementAndGet();
    for (Iterator<Map.Entry<String, Page>> it = pages.entrySet().iterator(); it.hasNext(); ) {
      Page page = it.next().getValue();
      if (page.tag().equals(nct) || page.tag().equals(SEARCH_TAG)) {
        bytes -= page.size();
        it.remove();
      }
    }
  }

  /** Anything may have changed (a rebuild, an unknown kind of change): every page goes. */
  public synchronized void clear() {
    generation.incrementAndGet();
    pages.clear();
    bytes = 0;
  }

  @Override
  public long appliedUpTo() {
    return applied;
  }

  @Override
  public void apply(List<Change> changes, long upTo) {
    for (Change change : changes) {
      trialChanged(change.nct());
    }
    applied = upTo;
  }

  /** Kept in memory only: at start, and after a long gap, the cache simply starts empty. */
  @Override
  public boolean rebuildInstead(long pending) {
    return applied == 0 || pending > REBUILD_AFTER;
  }

  @Override
  public void rebuild(long upTo) {
    clear();
    applied = upTo;
  }

  public synchronized int size() {
    return pages.size();
  }

  private void evict() {
    for (Iterator<Page> it = pages.values().iterator();
        it.hasNext() && (pages.size() > MAX_ENTRIES || bytes > MAX_BYTES); ) {
      bytes -= it.next().size();
      it.remove();
    }
  }

  static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
