package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Guessing a password gets nowhere and says nothing; signing out really ends the session. (The
 * 15-minute idle timeout is in admin-web's web.xml, checked by its WebDescriptorTest rather than by
 * waiting here.)
 */
class SignInProtectionIT extends PortalIT {
  private static final String REFUSED = "The username or password is not correct.";

  @Test
  void
      fiveWrongPasswordsLockTheAccountAndTheRightOneGetsTheSameAnswerUntilAnAdministratorUnlocksIt() {
    // The sponsor account: no other test signs in with it while this one waits for the lock to
    // pass.
    String username = "sponsor";
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> wrong =
          new StaffSession(server.baseUrl()).signIn(username, "not-the-password-" + i);
      assertThat(wrong.statusCode()).isEqualTo(200);
      assertThat(wrong.body()).contains(REFUSED);
    }
    HttpResponse<String> right =
        new StaffSession(server.baseUrl()).signIn(username, server.demoPassword(username));
    assertThat(right.statusCode()).as("locked: the right password is refused too").isEqualTo(200);
    assertThat(right.body()).contains(REFUSED);

    // The lock lasts a minute (StaffSignInThrottleTest proves the times on a clock); an
    // administrator can lift it at once, and then the right password works (and resets the count).
    StaffSession admin = new StaffSession(server.baseUrl());
    admin.signIn("admin", server.demoPassword("admin"));
    HttpResponse<String> unlocked =
        admin.submit(
            admin.form("/admin/accounts/edit.xhtml?user=" + username, "actions"),
            java.util.Map.of(),
            "unlock");
    assertThat(unlocked.body()).contains("The account is unlocked.");
    assertThat(
            new StaffSession(server.baseUrl())
                .signIn(username, server.demoPassword(username))
                .statusCode())
        .isEqualTo(302);

    String audit = admin.get("/admin/audit/index.xhtml?actor=sponsor&action=SIGN_IN_FAILED").body();
    assertThat(audit)
        .contains(
            "wrong password; 5 failures in a row; account locked until",
            "right password, but the account is locked until")
        .doesNotContain("not-the-password-");
  }

  @Test
  void signingOutEndsTheSession() {
    StaffSession staff = new StaffSession(server.baseUrl());
    assertThat(
            staff
                .signIn("investigator.cedars", server.demoPassword("investigator.cedars"))
                .statusCode())
        .isEqualTo(302);
    String cookie = staff.sessionCookie();
    assertThat(withCookie(cookie, "/admin/").statusCode()).isEqualTo(200);

    HttpResponse<String> out = staff.signOut("/admin/");
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/admin/login.xhtml"));

    HttpResponse<String> replayed = withCookie(cookie, "/admin/sites/index.xhtml");
    assertThat(replayed.statusCode())
        .as("the old session cookie no longer reaches the administration")
        .isEqualTo(302);
    assertThat(replayed.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/admin/login.xhtml"));
  }

  @Test
  void staffPagesAreNeverCached() {
    StaffSession staff = new StaffSession(server.baseUrl());
    staff.signIn("investigator.cedars", server.demoPassword("investigator.cedars"));
    assertThat(staff.get("/admin/sites/index.xhtml").headers().firstValue("Cache-Control"))
        .contains("no-store");
  }

  private static HttpResponse<String> withCookie(String sessionId, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Cookie", "JSESSIONID=" + sessionId)
            .GET()
            .build());
  }
}
