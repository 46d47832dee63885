package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An investigator changes their site's status in the browser; visitors see it at once. */
class SiteStatusIT extends PortalIT {

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by SiteStatusIT");
  }

  @Test
  void anInvestigatorSetsTheirSiteActiveNotRecruitingAndThePublicPagesSayItAtOnce() {
    // Both public pages read once before the change, so a stale copy would be there to show.
    assertThat(get(CedarsSite.PUBLIC_TRIAL).body()).contains("Cedars-Sinai");
    assertThat(get(CedarsSite.PUBLIC_SITE).statusCode()).isEqualTo(200);
    signInAs("investigator.cedars");
    open("/admin/sites/index.xhtml");
    assertThat(browser().findElements(By.cssSelector("tr.site-row")))
        .extracting(WebElement::getText)
        .singleElement()
        .asString()
        .contains("Cedars-Sinai Medical Center", "Recruiting");
    browser().findElement(By.linkText("Cedars-Sinai Medical Center")).click();
    new WebDriverWait(browser(), Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("edit:status")));

    setStatus("ACTIVE_NOT_RECRUITING", "Enrolment paused while the infusion unit moves");
    assertThat(text("#messages")).startsWith("Saved.");
    assertThat(
            new Select(browser().findElement(By.id("edit:status")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Active, not recruiting");

    open(CedarsSite.PUBLIC_TRIAL);
    assertThat(cedarsOnTheTrialPage()).contains("Active, not recruiting");
    open(CedarsSite.PUBLIC_SITE);
    assertThat(text(".fact-list")).contains("Active, not recruiting");

    open(CedarsSite.EDIT);
    setStatus("RECRUITING", "Infusion unit open again");
    assertThat(text("#messages")).startsWith("Saved.");
    open(CedarsSite.PUBLIC_TRIAL);
    assertThat(cedarsOnTheTrialPage())
        .contains("Recruiting")
        .doesNotContain("Active, not recruiting");
  }

  @Test
  void badInputIsExplainedOnEachFieldAndKeptAsTyped() {
    signInAs("investigator.cedars");
    open(CedarsSite.EDIT);
    replace("edit:placesLeft", "-3");
    replace("edit:contactPhone", "call the front desk");
    replace("edit:contactEmail", "bonnie at cshs");
    replace("edit:reason", "typo test");
    submitAndWait(By.id("edit:save"));

    assertThat(text("#edit\\:placesLeft-message")).isEqualTo("Please give 0 or more.");
    assertThat(text("#edit\\:contactPhone-message")).startsWith("Please give a phone number");
    assertThat(text("#edit\\:contactEmail-message")).startsWith("Please give an email address");
    assertThat(value("edit:placesLeft")).isEqualTo("-3");
    assertThat(value("edit:contactPhone")).isEqualTo("call the front desk");
    assertThat(value("edit:contactEmail")).isEqualTo("bonnie at cshs");
    assertThat(value("edit:reason")).isEqualTo("typo test");
    assertThat(browser().findElement(By.id("edit:contactPhone")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(get(CedarsSite.PUBLIC_SITE).body())
        .contains("310-423-2422")
        .doesNotContain("call the front desk");
  }

  @Test
  void confirmingTheStatusChangesNothingElse() {
    signInAs("investigator.cedars");
    open(CedarsSite.EDIT);
    String statusBefore =
        new Select(browser().findElement(By.id("edit:status"))).getFirstSelectedOption().getText();
    submitAndWait(By.id("confirm:confirmStatus"));
    assertThat(text("#messages")).contains("confirmed as of today");
    assertThat(text(".last-confirmed")).startsWith("Status last confirmed on ");
    assertThat(
            new Select(browser().findElement(By.id("edit:status")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo(statusBefore);
  }

  private void setStatus(String status, String reason) {
    new Select(browser().findElement(By.id("edit:status"))).selectByValue(status);
    replace("edit:reason", reason);
    submitAndWait(By.id("edit:save"));
  }

  private String cedarsOnTheTrialPage() {
    return browser().findElements(By.cssSelector("li.site")).stream()
        .map(WebElement::getText)
        .filter(t -> t.contains("Cedars-Sinai Medical Center"))
        .findFirst()
        .orElseThrow();
  }
}
