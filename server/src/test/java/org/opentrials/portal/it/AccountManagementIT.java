package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator creates an investigator in the browser, assigns the Cedars site from the picker,
 * and the new investigator signs in and finds it; the audit trail has every step and no password.
 * Disabling ends the account's sign-ins; nobody but an administrator reaches any of it.
 */
class AccountManagementIT extends PortalIT {

  @Test
  void anAdministratorCreatesAnInvestigatorWhoThenSeesTheAssignedSite() {
    String username = "new.investigator." + System.nanoTime() % 1_000_000;
    signInInBrowser("admin");
    open("/admin/accounts.xhtml");

    // Each field's problem on the field; a typed password is never written back into the page.
    type("username", "x");
    type("displayName", "Dr. Nina Newcomer");
    type("password", "too short");
    submitAndWait(By.cssSelector("input[id$=':createAccount']"));
    assertThat(fieldError("username"))
        .isEqualTo("A username has 3 to 80 letters, digits or . _ @ -.");
    assertThat(fieldError("role")).contains("please fill this in");
    assertThat(fieldError("password")).startsWith("A password needs at least 12 characters");
    assertThat(
            browser().findElement(By.cssSelector("input[id$=':password']")).getAttribute("value"))
        .isEmpty();
    assertThat(browser().getPageSource()).doesNotContain("too short");

    // A taken username is refused on the field too, by the service.
    clearAndType("username", "investigator.cedars");
    new Select(browser().findElement(By.cssSelector("select[id$=':role']")))
        .selectByVisibleText("Investigator");
    submitAndWait(By.cssSelector("input[id$=':createAccount']"));
    assertThat(fieldError("username")).isEqualTo("This username is taken. Please choose another.");

    // Password left empty: generated and shown once.
    clearAndType("username", username);
    new Select(browser().findElement(By.cssSelector("select[id$=':role']")))
        .selectByVisibleText("Investigator");
    submitAndWait(By.cssSelector("input[id$=':createAccount']"));
    String password = browser().findElement(By.cssSelector(".issued-password")).getText();
    assertThat(password).matches("[A-Za-z2-9]{20}");
    assertThat(
            browser().findElement(By.cssSelector("tr[data-username='" + username + "']")).getText())
        .contains("Dr. Nina Newcomer", "Investigator", "Active");
    open("/admin/accounts.xhtml");
    assertThat(browser().getPageSource()).as("shown only once").doesNotContain(password);

    // Assign the Cedars site from the picker.
    browser()
        .findElement(By.cssSelector("tr[data-username='" + username + "'] a.account-link"))
        .click();
    WebElement cedars =
        browser()
            .findElement(By.cssSelector("input[type=checkbox][value='" + CedarsSite.KEY + "']"));
    cedars.click();
    submitAndWait(By.cssSelector("input[id$=':saveAssignments']"));
    assertThat(browser().findElement(By.cssSelector(".form-info")).getText())
        .startsWith("Assignments saved.");
    assertThat(
            browser()
                .findElement(By.cssSelector("input[type=checkbox][value='" + CedarsSite.KEY + "']"))
                .isSelected())
        .isTrue();

    // The new investigator signs in and sees exactly that site.
    StaffSession newcomer = new StaffSession(server.baseUrl());
    assertThat(newcomer.signIn(username, password).statusCode()).isEqualTo(302);
    String sites = newcomer.get("/admin/sites/index.xhtml").body();
    assertThat(sites)
        .contains("Cedars-Sinai Medical Center")
        .doesNotContain("Medical University of South Carolina");
    assertThat(newcomer.get(CedarsSite.EDIT).statusCode()).isEqualTo(200);
    assertThat(newcomer.get("/admin/accounts.xhtml").statusCode())
        .as("not an administrator")
        .isEqualTo(404);

    // Every step in the audit trail, never the password.
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String audit = admin.get("/admin/audit/index.xhtml?actor=admin&entity=" + username).body();
    assertThat(audit)
        .contains(
            "<td class=\"field\">role</td>",
            "<td class=\"new\">INVESTIGATOR</td>",
            "<td class=\"field\">sites</td>",
            "<td class=\"new\">" + CedarsSite.KEY + "</td>",
            "initial password generated and shown once")
        .doesNotContain(password, "argon2");

    // Disabled: the open session ends at its next page, and signing in is refused like a wrong
    // password.
    submitAndWait(By.cssSelector("input[id$=':disable']"));
    assertThat(browser().findElement(By.cssSelector(".form-info")).getText())
        .isEqualTo("The account is disabled.");
    HttpResponse<String> ended = newcomer.get(CedarsSite.EDIT);
    assertThat(ended.statusCode()).isEqualTo(302);
    assertThat(ended.headers().firstValue("Location")).contains("/admin/login.xhtml");
    assertThat(new StaffSession(server.baseUrl()).signIn(username, password).body())
        .contains("The username or password is not correct.");
  }

  @Test
  void aSecondAdministratorWithAnOldPageIsRefusedAndTheAccountUnchanged() {
    String username = "conflict.test." + System.nanoTime() % 1_000_000;
    StaffSession first = CedarsSite.signedIn(server, "admin");
    HttpResponse<String> created =
        first.submit(
            "/admin/accounts.xhtml",
            "create",
            Map.of(
                "username",
                username,
                "displayName",
                "Conflict Test",
                "role",
                "SPONSOR_STAFF",
                "password",
                ""),
            "createAccount");
    assertThat(created.body()).contains("Account " + username + " created.");

    StaffSession second = CedarsSite.signedIn(server, "admin");
    String page = "/admin/accounts/edit.xhtml?user=" + username;
    FacesForm early = second.form(page, "actions");
    HttpResponse<String> reset =
        first.submit(first.form(page, "actions"), Map.of(), "resetPassword");
    assertThat(reset.body()).contains("The password was reset.");
    String newPassword =
        reset.body().replaceAll("(?s).*<code class=\"issued-password\">([^<]+)</code>.*", "$1");

    HttpResponse<String> late = second.submit(early, Map.of(), "disable");
    assertThat(late.body())
        .contains("Someone changed this account after you opened it, so nothing was changed.")
        .doesNotContain("The account is disabled.");
    assertThat(new StaffSession(server.baseUrl()).signIn(username, newPassword).statusCode())
        .as("still enabled, with the new password")
        .isEqualTo(302);
  }

  @Test
  void nobodyButAnAdministratorReachesTheAccountPages() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    assertThat(investigator.get("/admin/accounts.xhtml").statusCode()).isEqualTo(404);
    assertThat(investigator.get("/admin/accounts/edit.xhtml?user=admin").statusCode())
        .isEqualTo(404);
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    assertThat(admin.get("/admin/accounts/edit.xhtml?user=no.such.account").statusCode())
        .isEqualTo(404);
  }

  private void signInInBrowser(String username) {
    open("/admin/login.xhtml");
    type("username", username);
    type("password", server.demoPassword(username));
    submitAndWait(By.cssSelector("input[id$=':submit']"));
  }

  private void type(String id, String text) {
    browser().findElement(By.cssSelector("input[id$=':" + id + "']")).sendKeys(text);
  }

  private void clearAndType(String id, String text) {
    WebElement input = browser().findElement(By.cssSelector("input[id$=':" + id + "']"));
    input.clear();
    input.sendKeys(text);
  }

  private String fieldError(String id) {
    return browser().findElement(By.cssSelector("[id$=':" + id + "-message']")).getText();
  }
}
