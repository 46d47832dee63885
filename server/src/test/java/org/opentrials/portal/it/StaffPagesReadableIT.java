package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Staff pages as staff read them (issue 14, item 10): doses as typed, times to the minute, audit
 * words whole, no preview link to a discarded draft.
 */
// What the browser shows does not depend on the database: run on the H2 pass only (.ci/run).
@Tag("database-independent")
class StaffPagesReadableIT extends PortalIT {
  private static final String CONTENT = "/admin/trials/content.xhtml?trial=NCT02633163";

  @Test
  void theContentFormShowsDosesAsTypedAndForgetsThePreviewOfADiscardedDraft() {
    signInAs("sponsor");
    open(CONTENT);
    assertThat(value("content:groups:0:interventions:0:doseAmount")).isEqualTo("1000000");
    assertThat(value("content:groups:1:interventions:0:doseAmount")).isEqualTo("5000000");

    replace("content:groupsSummary", value("content:groupsSummary") + " A draft to throw away.");
    replace("content:reason", "StaffPagesReadableIT draft");
    submitAndWait(By.id("content:preview"));
    assertThat(browser().findElements(By.id("previewLink"))).isNotEmpty();
    submitAndWait(By.id("content:discard"));
    assertThat(text("#messages")).contains("The draft was discarded");
    assertThat(browser().findElements(By.id("previewLink")))
        .as("no link to a preview that died with the draft")
        .isEmpty();
  }

  @Test
  void theAuditTrailShowsTimesToTheMinuteAndKeepsWordsWhole() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    CedarsSite.save(
        investigator, Map.of("contactName", "Bonnie Paul", "reason", "StaffPagesReadableIT"));
    signInAs("admin");
    open("/admin/audit/index.xhtml");
    List<WebElement> when = browser().findElements(By.cssSelector("table.audit td.when"));
    assertThat(when)
        .isNotEmpty()
        .allSatisfy(w -> assertThat(w.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"));
    assertRolesOnOneLine();
    // On a phone the table scrolls sideways rather than cutting "(ADMINISTRATOR)" in two.
    browser().manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
    open("/admin/audit/index.xhtml");
    assertRolesOnOneLine();
  }

  private void assertRolesOnOneLine() {
    List<WebElement> roles = browser().findElements(By.cssSelector("table.audit .role"));
    assertThat(roles).isNotEmpty();
    for (WebElement role : roles) {
      Object lines =
          ((JavascriptExecutor) browser())
              .executeScript("return arguments[0].getClientRects().length;", role);
      assertThat(((Number) lines).intValue()).as("%s on one line", role.getText()).isEqualTo(1);
    }
  }
}
