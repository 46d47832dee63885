package org.opentrials.portal.domain.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding F13: a contact email is an address mail systems write, nothing that carries markup. */
class SiteContactTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "research@cshs.org",
        "lupus.trials@musc.edu",
        "o'brien+sle@example.co.uk",
        "a_b-c@sub-domain.example.org",
        "x@xn--bcher-kva.example"
      })
  void acceptsRealAddresses(String email) {
    assertThat(SiteContact.isEmail(email)).isTrue();
    assertThat(new SiteContact(null, null, email).email()).isEqualTo(email);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"><img/src=x/onerror=alert(1)>@x.com",
        "<script>@x.com",
        "a b@example.org",
        "a@b",
        "a@-example.org",
        "a@example.c",
        "a..b@example.org",
        ".a@example.org",
        "a@example.org\u0000",
        "a@exa_mple.org",
        "\"quoted\"@example.org",
        "a@[127.0.0.1]",
        "a(comment)@example.org",
        "a@example.org>",
        "ä@example.org"
      })
  void refusesAnythingElse(String email) {
    assertThat(SiteContact.isEmail(email)).as(email).isFalse();
    assertThatThrownBy(() -> new SiteContact(null, null, email))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void refusesOverlongParts() {
    assertThat(SiteContact.isEmail("a".repeat(65) + "@example.org")).isFalse();
    assertThat(SiteContact.isEmail("a@" + "b".repeat(250) + ".org")).isFalse();
  }
}
