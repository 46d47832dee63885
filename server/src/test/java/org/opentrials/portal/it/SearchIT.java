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

  private static List<String> resultTitles(String path) {
    var page = get(path);
    assertThat(page.statusCode()).as(path).isEqualTo(200);
    var m =
        java.util.regex.Pattern.compile("<h3><a href=\"[^\"]*\">([^<]*)</a></h3>")
            .matcher(page.body());
    List<String> titles = new java.util.ArrayList<>();
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  @Test
  void aSiteClosedInTheAdministrationLeavesTheSearchByZipOnTheNextRequestAndComesBack() {
    String nearCedars = "/trials?q=lupus&near=90048&radius=10";
    assertThat(resultTitles(nearCedars)).contains("Mesenchymal Stem Cells for Lupus");
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    try {
      var saved =
          CedarsSite.save(
              investigator,
              java.util.Map.of("status", "ACTIVE_NOT_RECRUITING", "reason", "SearchIT: paused"));
      assertThat(saved.statusCode()).isLessThan(400);
      assertThat(resultTitles(nearCedars)).doesNotContain("Mesenchymal Stem Cells for Lupus");
      assertThat(get(nearCedars).body()).contains("No trials within 10 miles of");
      // Closed sites still count for "All, also closed".
      assertThat(resultTitles(nearCedars + "&status=any"))
          .contains("Mesenchymal Stem Cells for Lupus");
    } finally {
      CedarsSite.restore(server, "Restored by SearchIT");
    }
    assertThat(resultTitles(nearCedars)).contains("Mesenchymal Stem Cells for Lupus");
    assertThat(get(nearCedars).body()).contains("1 trial within 10 miles of");
  }

  @Test
  void importedRegistryTrialsWhoseSitesHaveNoStatusOfTheirOwnAreFoundByZip() {
    // NCT03418623: completed, one site in Charleston without a status of its own.
    assertThat(resultTitles("/trials?near=29425&radius=10&status=any"))
        .anySatisfy(t -> assertThat(t).startsWith("Effect of GET73"));
    assertThat(resultTitles("/trials?near=29425&radius=10"))
        .noneSatisfy(t -> assertThat(t).startsWith("Effect of GET73"));
  }

  @Test
  void synonymsTyposAndOddInputGiveOrdinaryPages() {
    assertThat(resultTitles("/trials?q=SLE")).contains("Mesenchymal Stem Cells for Lupus");
    assertThat(resultTitles("/trials?q=c%C3%A9lulas%20madre"))
        .contains("Mesenchymal Stem Cells for Lupus");
    var typo = get("/trials?q=lupis");
    assertThat(typo.body()).contains("Showing trials for “lupus”");
    assertThat(resultTitles("/trials?q=lupis")).contains("Mesenchymal Stem Cells for Lupus");
    for (String odd :
        List.of(
            "%22",
            "*",
            "%3A",
            "(",
            "~",
            "%5C",
            "title%3Alupus%20AND%20(",
            "%F0%9F%98%80",
            "x".repeat(1000),
            "lupus&phase=PHASE9&type=NONE&sex=X&status=nope&page=-4")) {
      var page = get("/trials?q=" + odd);
      assertThat(page.statusCode()).as(odd).isEqualTo(200);
      assertThat(page.body()).as(odd).doesNotContain("Exception").doesNotContain("Lucene");
    }
    // A NUL character is refused everywhere before it reaches a database (PostgreSQL rejects it):
    // the ordinary "bad request" page.
    var nul = get("/trials?q=%00");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.body()).doesNotContain("Exception").contains("<main");
    assertThat(get("/trials?q=lupus&type=NONE").body()).contains("Choose a kind of study");
  }

  @Test
  void countsReadInTheVisitorsLanguageWithPluralForms() {
    assertThat(get("/trials?q=misle").body()).contains("1 trial<").contains("6 locations");
    assertThat(get("/trials?q=zzzzqqq").body()).contains("No trials");
    var spanish =
        send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/trials?q=misle"))
                .header("Accept-Language", "es")
                .GET()
                .build());
    assertThat(spanish.body()).contains("1 ensayo<").contains("6 centros");
  }
}
