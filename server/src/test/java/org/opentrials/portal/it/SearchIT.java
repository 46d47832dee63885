package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A visitor searches for a trial near them. */
class SearchIT extends PortalIT {

  @Test
  void lupusWithinFiftyMilesOfACharlestonZipFindsTheTrial() {
    open("/");
    browser().findElement(By.id("q")).sendKeys("lupus");
    browser().findElement(By.id("near")).sendKeys("29401");
    new Select(browser().findElement(By.id("radius"))).selectByValue("50");
    submitAndWait(By.cssSelector("form.search button[type=submit]"));
    assertThat(browser().getCurrentUrl())
        .contains("q=lupus")
        .contains("near=29401")
        .contains("radius=50");
    List<WebElement> results = browser().findElements(By.cssSelector(".result"));
    assertThat(results).isNotEmpty();
    assertThat(results.get(0).getText())
        .contains("Mesenchymal Stem Cells for Lupus")
        .contains("Medical University of South Carolina")
        .contains("mi");
    results.get(0).findElement(By.tagName("a")).click();
    assertThat(browser().getCurrentUrl()).contains("/trials/NCT02633163?near=29401");
    assertThat(browser().findElements(By.cssSelector(".site")).get(0).getText())
        .contains("Medical University of South Carolina");
  }

  @Test
  void theQueryInTheUrlGivesTheSameListAndBadFieldsAreExplained() {
    open("/trials?q=lupus&near=Atlantis&age=200&radius=7");
    assertThat(browser().findElement(By.id("near")).getAttribute("value")).isEqualTo("Atlantis");
    assertThat(browser().findElement(By.cssSelector("#near-error")).getText())
        .contains("We could not find this place");
    assertThat(
            browser()
                .findElement(
                    By.xpath(
                        "//input[@id='age']/following-sibling::div[contains(@class,'field-error')]"))
                .getText())
        .contains("from 0 to 120");
    assertThat(
            browser()
                .findElement(
                    By.xpath(
                        "//select[@id='radius']/following-sibling::div[contains(@class,'field-error')]"))
                .getText())
        .contains("from the list");

    open("/trials?q=lupus&age=70");
    assertThat(browser().findElements(By.cssSelector(".result"))).isEmpty();
    assertThat(browser().findElement(By.cssSelector(".none")).getText())
        .contains("No trials match");
    open("/trials?q=lupus&age=40&sex=FEMALE&phase=PHASE2");
    assertThat(
            browser().findElements(By.cssSelector(".result h3")).stream().map(WebElement::getText))
        .contains("Mesenchymal Stem Cells for Lupus");
  }

  @Test
  void farAwayThereIsNothingRecruitingNearby() {
    open("/trials?q=lupus&near=99501&radius=100");
    assertThat(browser().findElements(By.cssSelector(".result"))).isEmpty();
  }
}
