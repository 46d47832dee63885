package org.opentrials.portal.services.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on anonymous contact requests that a person never meets and a script does (issue 15, F9):
 * at most {@code trials.contact.limit.per-address} requests from one client address and {@code
 * trials.contact.limit.per-site} to one site within {@code trials.contact.limit.window-minutes}.
 * Counted in memory per instance (a restart or a second instance starts its own count); only
 * requests that passed validation count, so a visitor correcting a typo is never refused.
 */
@ApplicationScoped
public class ContactRateLimits {
  /** Beyond this many tracked keys, keys whose window has passed are dropped at once. */
  private static final int PRUNE_ABOVE = 10_000;

  private Clock clock;
  private int perAddress;
  private int perSite;
  private Duration window;
  private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
  private final Map<String, Deque<Instant>> bySite = new HashMap<>();

  /** For the container's proxy only. */
  protected ContactRateLimits() {}

  @Inject
  public ContactRateLimits(
      Clock clock,
      @ConfigProperty(name = "trials.contact.limit.per-address", defaultValue = "5") int perAddress,
      @ConfigProperty(name = "trials.contact.limit.per-site", defaultValue = "60") int perSite,
      @ConfigProperty(name = "trials.contact.limit.window-minutes", defaultValue = "60")
          int windowMinutes) {
    this.clock = clock;
    this.perAddress = perAddress;
    this.perSite = perSite;
    this.window = Duration.ofMinutes(windowMinutes);
  }

  /**
   * Whether one more request from this address to this site is allowed now; if so it is counted.
   *
   * @param address the client address of the connection (never a header the client sets)
   * @param site the site's key, e.g. "NCT02633163/cedars-sinai"
   */
  public synchronized boolean tryAcquire(String address, String site) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    Deque<Instant> fromAddress = recent(byAddress, String.valueOf(address), since);
    Deque<Instant> toSite = recent(bySite, site, since);
    if (fromAddress.size() >= perAddress || toSite.size() >= perSite) {
      return false;
    }
    fromAddress.addLast(now);
    toSite.addLast(now);
    return true;
  }

  private Deque<Instant> recent(Map<String, Deque<Instant>> counts, String key, Instant since) {
    if (counts.size() > PRUNE_ABOVE) {
      counts.values().forEach(d -> dropBefore(d, since));
      counts.values().removeIf(Deque::isEmpty);
    }
    Deque<Instant> d = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
    dropBefore(d, since);
    return d;
  }

  private static void dropBefore(Deque<Instant> d, Instant since) {
    while (!d.isEmpty() && !d.peekFirst().isAfter(since)) {
      d.removeFirst();
    }
  }
}
