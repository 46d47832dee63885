package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Staff sign in with the demo accounts printed at first start. */
class AdminSignInIT extends PortalIT {

  @Test
  void anAdministratorSignsInAndOut() {
    open("/admin/");
    assertThat(browser().getCurrentUrl()).endsWith("/admin/login.xhtml");
    browser().findElement(By.id("login:username")).sendKeys("admin");
    browser().findElement(By.id("login:password")).sendKeys(server.demoPassword("admin"));
    submitAndWait(By.id("login:submit"));
    assertThat(browser().findElement(By.tagName("header")).getText())
        .contains("Signed in as admin (Administrator)");
    submitAndWait(By.cssSelector("#signout input[type=submit]"));
    assertThat(browser().getCurrentUrl()).contains("/admin/login.xhtml");
    open("/admin/");
    assertThat(browser().getCurrentUrl()).endsWith("/admin/login.xhtml");
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    HttpResponse<String> wrongPassword =
        new StaffSession(server.baseUrl()).signIn("admin", "not-the-password-at-all");
    HttpResponse<String> unknownUser =
        new StaffSession(server.baseUrl()).signIn("nobody.here", "not-the-password-at-all");
    assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode()).isEqualTo(200);
    assertThat(wrongPassword.body()).contains("The username or password is not correct.");
    assertThat(unknownUser.body()).contains("The username or password is not correct.");
  }

  @Test
  void signingInGivesANewSessionId() {
    StaffSession staff = new StaffSession(server.baseUrl());
    staff.get("/admin/login.xhtml");
    String before = staff.sessionCookie();
    HttpResponse<String> r =
        staff.signIn("investigator.cedars", server.demoPassword("investigator.cedars"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(staff.sessionCookie()).isNotNull().isNotEqualTo(before);
    assertThat(staff.get("/admin/").body())
        .contains("Signed in as investigator.cedars (Investigator)");
  }

  @Test
  void aPageForAnotherRoleLooksLikeItDoesNotExist() {
    StaffSession investigator = new StaffSession(server.baseUrl());
    investigator.signIn("investigator.musc", server.demoPassword("investigator.musc"));
    HttpResponse<String> r = investigator.get("/admin/accounts.xhtml");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Page not found");
    StaffSession admin = new StaffSession(server.baseUrl());
    admin.signIn("admin", server.demoPassword("admin"));
    assertThat(admin.get("/admin/accounts.xhtml").body()).contains("investigator.musc", "sponsor");
  }
}
