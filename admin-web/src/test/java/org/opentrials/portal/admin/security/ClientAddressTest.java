package org.opentrials.portal.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which address a sign-in counts against, directly and behind the front. */
class ClientAddressTest {
  private static final Set<String> FRONT = Set.of("10.0.0.2");

  @Test
  void withoutATrustedFrontTheConnectionCountsAndTheHeaderIsIgnored() {
    assertThat(ClientAddress.resolve("203.0.113.5", "198.51.100.1", Set.of()))
        .isEqualTo("203.0.113.5");
    assertThat(ClientAddress.resolve("203.0.113.5", "198.51.100.1", FRONT))
        .as("a client that is not the front cannot choose its address")
        .isEqualTo("203.0.113.5");
  }

  @Test
  void behindTheFrontTheAddressTheFrontSawCounts() {
    assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.1", FRONT)).isEqualTo("198.51.100.1");
    assertThat(ClientAddress.resolve("10.0.0.2", "1.2.3.4, 198.51.100.1", FRONT))
        .as("what the client wrote to the left proves nothing")
        .isEqualTo("198.51.100.1");
    assertThat(ClientAddress.resolve("10.0.0.2", null, FRONT)).isEqualTo("10.0.0.2");
    assertThat(ClientAddress.resolve("10.0.0.2", "10.0.0.2", FRONT)).isEqualTo("10.0.0.2");
  }
}
