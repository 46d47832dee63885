package org.opentrials.portal.services.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ContactRateLimitsTest {
  private Instant now = Instant.parse("2026-12-03T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void aPersonSendingAFewRequestsIsNeverRefused() {
    ContactRateLimits limits = new ContactRateLimits(clock, 5, 60, 60);
    assertThat(limits.tryAcquire("10.0.0.1", "NCT1/a")).isTrue();
    assertThat(limits.tryAcquire("10.0.0.1", "NCT1/b")).isTrue();
    assertThat(limits.tryAcquire("10.0.0.1", "NCT2/c")).isTrue();
  }

  @Test
  void aScriptIsRefusedPerAddressUntilTheWindowPasses() {
    ContactRateLimits limits = new ContactRateLimits(clock, 5, 60, 60);
    int accepted = 0;
    for (int i = 0; i < 14; i++) {
      if (limits.tryAcquire("10.0.0.1", "NCT1/a")) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(5);
    assertThat(limits.tryAcquire("10.0.0.2", "NCT1/a")).as("another address").isTrue();
    now = now.plus(Duration.ofMinutes(61));
    assertThat(limits.tryAcquire("10.0.0.1", "NCT1/a")).isTrue();
  }

  @Test
  void aSiteTakesAtMostItsLimitFromManyAddresses() {
    ContactRateLimits limits = new ContactRateLimits(clock, 5, 60, 60);
    int accepted = 0;
    for (int i = 0; i < 200; i++) {
      if (limits.tryAcquire("10.0." + i / 250 + "." + i % 250, "NCT1/a")) {
        accepted++;
      }
    }
    assertThat(accepted).isEqualTo(60);
    assertThat(limits.tryAcquire("10.9.9.9", "NCT1/b")).as("another site").isTrue();
  }
}
