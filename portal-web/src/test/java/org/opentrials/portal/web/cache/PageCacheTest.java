package org.opentrials.portal.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCacheTest {
  private static final String HTML = "text/html;charset=UTF-8";
  private final PageCache cache = new PageCache();

  private static byte[] page(String text) {
    return ("<!DOCTYPE html><title>" + text + "</title>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStoredPageIsFoundWithItsEtag() {
    var stored = cache.store("en /trials/NCT02633163", "NCT02633163", HTML, page("MiSLE"), 0);
    var found = cache.find("en /trials/NCT02633163").orElseThrow();
    assertThat(found.body()).isEqualTo(page("MiSLE"));
    assertThat(found.etag()).isEqualTo(stored.etag()).startsWith("\"").endsWith("\"");
    assertThat(cache.find("es /trials/NCT02633163")).isEmpty();
  }

  @Test
  void aChangedTrialLosesItsPagesAndEverySearchPageButNotOtherTrials() {
    cache.store("en /trials/NCT02633163", "NCT02633163", HTML, page("a"), 0);
    cache.store("en /trials/NCT02633163/sites/cedars", "NCT02633163", HTML, page("b"), 0);
    cache.store("en /trials/NCT03475563", "NCT03475563", HTML, page("c"), 0);
    cache.store("en /trials?q=lupus", PageCache.SEARCH_TAG, HTML, page("d"), 0);

    cache.trialChanged("NCT02633163");

    assertThat(cache.find("en /trials/NCT02633163")).isEmpty();
    assertThat(cache.find("en /trials/NCT02633163/sites/cedars")).isEmpty();
    assertThat(cache.find("en /trials?q=lupus")).isEmpty();
    assertThat(cache.find("en /trials/NCT03475563")).isPresent();
  }

  @Test
  void aRenderThatStartedBeforeAChangeIsNotKept() {
    long started = cache.generation();
    cache.trialChanged("NCT02633163");
    cache.store("en /trials/NCT02633163", "NCT02633163", HTML, page("old"), started);
    assertThat(cache.find("en /trials/NCT02633163")).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedPagesGoFirstBeyondTheBound() {
    for (int i = 0; i <= PageCache.MAX_ENTRIES; i++) {
      cache.store("en /trials?q=" + i, PageCache.SEARCH_TAG, HTML, page("p" + i), 0);
      if (i == 10) {
        cache.find("en /trials?q=0"); // used again: stays
      }
    }
    assertThat(cache.size()).isEqualTo(PageCache.MAX_ENTRIES);
    assertThat(cache.find("en /trials?q=0")).isPresent();
    assertThat(cache.find("en /trials?q=1")).isEmpty();
  }

  @Test
  void conditionalRequestsAreReadAsHttpSaysSo() {
    String etag = "\"abc\"";
    assertThat(PageCacheFilter.matches("\"abc\"", etag)).isTrue();
    assertThat(PageCacheFilter.matches("\"x\", W/\"abc\"", etag)).isTrue();
    assertThat(PageCacheFilter.matches("*", etag)).isTrue();
    assertThat(PageCacheFilter.matches("\"abd\"", etag)).isFalse();
    assertThat(PageCacheFilter.matches(null, etag)).isFalse();
  }
}
