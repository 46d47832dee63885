package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A visitor reads the demo trial in a real browser. */
class TrialPageIT extends PortalIT {

  @Test
  void theTrialPageShowsWhatAVisitorNeedsToDecide() {
    open("/trials/NCT02633163");
    assertThat(browser().getTitle()).startsWith("Mesenchymal Stem Cells for Lupus");
    assertThat(text("h1")).isEqualTo("Mesenchymal Stem Cells for Lupus");
    String facts = text(".facts");
    assertThat(facts)
        .contains(
            "Medical University of South Carolina",
            "Phase 2",
            "18 to 65 years",
            "Gary S. Gilkeson, MD",
            "May be covered",
            "Varies");
    // "4 places left by August 2025", read after August 2025: said to be out of date.
    assertThat(text(".places")).contains("(4 by August 2025) is out of date");
    List<String> groups = texts(".group h3");
    assertThat(groups)
        .containsExactly(
            "Group I: Low Dose Mesenchymal Stem Cells (MSCs)",
            "Group II: High Dose Mesenchymal Stem Cells (MSCs)",
            "Group III: Plasma Lyte A Solution");
    assertThat(texts(".group .dose")).contains("1 × 10⁶ cells/kg", "5 × 10⁶ cells/kg");
    assertThat(texts(".site-name"))
        .contains(
            "Medical University of South Carolina",
            "University of California - San Diego",
            "Northwestern University",
            "The Feinstein Institute for Medical Research",
            "Cedars-Sinai Medical Center",
            "Study site in Palo Alto");
    // Other tests on this server may have had a site confirm its status (StatusTrustIT checks
    // that case); until one has, the header says nobody has and warns.
    if (browser().findElements(By.cssSelector("li.site .confirmed")).isEmpty()) {
      assertThat(text(".status")).contains("Recruiting", "Nobody has confirmed this status yet");
      assertThat(text(".notice")).contains("may be out of date");
    } else {
      assertThat(text(".status")).contains("Recruiting", "Confirmed by ");
    }
  }

  @Test
  void aZipCodeSortsTheSitesByDistance() {
    open("/trials/NCT02633163");
    browser().findElement(By.id("near")).sendKeys("94301");
    submitAndWait(By.cssSelector(".locate button"));
    List<WebElement> sites = browser().findElements(By.cssSelector(".site"));
    assertThat(sites.get(0).getText()).contains("Palo Alto").contains("mi");
    assertThat(sites.get(1).getText()).contains("Cedars-Sinai Medical Center");
    assertThat(sites.get(sites.size() - 1).getText()).contains("Manhasset");
    assertThat(text(".nearest"))
        .contains("Recruiting in Palo Alto (")
        .contains("+ 5 other locations");
  }

  @Test
  void aPlaceWeCannotFindIsSaidOnTheFieldAndKept() {
    open("/trials/NCT02633163?near=Atlantis");
    assertThat(text(".field-error")).contains("We could not find this place");
    assertThat(browser().findElement(By.id("near")).getAttribute("value")).isEqualTo("Atlantis");
    assertThat(browser().findElement(By.id("near")).getAttribute("aria-invalid")).isEqualTo("true");
  }

  @Test
  void hiddenCriteriaAndAbstractsOpenWithoutScript() {
    open("/trials/NCT02633163");
    WebElement more =
        browser()
            .findElement(
                By.cssSelector(
                    "#eligibility .exclusion + details.more, #eligibility"
                        + " details.more:last-of-type"));
    assertThat(more.getText()).startsWith("+");
    assertThat(
            browser()
                .findElement(By.xpath("//li[contains(., 'major organ transplant')]"))
                .isDisplayed())
        .isFalse();
    List<WebElement> details =
        browser().findElements(By.cssSelector("#eligibility details.more summary"));
    details.forEach(WebElement::click);
    assertThat(
            browser()
                .findElement(By.xpath("//li[contains(., 'major organ transplant')]"))
                .isDisplayed())
        .isTrue();

    WebElement abstractSummary =
        browser().findElements(By.cssSelector(".reference details summary")).get(5);
    WebElement abstractText = browser().findElements(By.cssSelector(".reference details p")).get(5);
    assertThat(abstractText.isDisplayed()).isFalse();
    abstractSummary.click();
    assertThat(abstractText.getText()).contains("good safety profile of allogeneic UC MSCs");
  }

  @Test
  void theCedarsSinaiPageSaysWhomToCall() {
    open("/trials/NCT02633163");
    browser().findElement(By.linkText("Cedars-Sinai Medical Center")).click();
    assertThat(browser().getCurrentUrl()).endsWith("/trials/NCT02633163/sites/cedars-sinai");
    assertThat(text(".pi")).isEqualTo("Mariko Ishimori, MD");
    assertThat(text(".contact-name")).isEqualTo("Bonnie Paul");
    WebElement phone = browser().findElement(By.cssSelector("a.phone"));
    assertThat(phone.getText()).isEqualTo("310-423-2422");
    assertThat(phone.getAttribute("href")).isEqualTo("tel:3104232422");
    assertThat(browser().findElement(By.cssSelector("a.email")).getAttribute("href"))
        .isEqualTo("mailto:bonnie.paul@cshs.org");
    assertThat(text(".full-name")).contains("IRB no. 39875");
    assertThat(text(".site-page"))
        .contains("Active central nervous system lupus affecting mental status");
  }

  @Test
  void aVisitorSwitchesToSpanishAndReadsTheSponsorsSpanishTitle() {
    open("/trials/NCT02633163");
    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(browser().getCurrentUrl()).endsWith("/trials/NCT02633163");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(text("#eligibility-title")).isEqualTo("Quién puede participar");
    assertThat(text(".facts")).contains("De 18 a 65 años", "Fase 2");
    assertThat(text("h1")).isEqualTo("Células madre mesenquimales para el lupus");
    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(text("#eligibility-title")).isEqualTo("Who can join");
  }

  @Test
  void searchEnginesGetStructuredDataACanonicalUrlAndASitemap() throws Exception {
    var page = get("/trials/NCT02633163?near=94301");
    var canonical =
        java.util.regex.Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(canonical.find()).isTrue();
    assertThat(canonical.group(1)).endsWith("/trials/NCT02633163");
    var script =
        java.util.regex.Pattern.compile(
                "<script type=\"application/ld\\+json\">(.*?)</script>",
                java.util.regex.Pattern.DOTALL)
            .matcher(page.body());
    assertThat(script.find()).isTrue();
    String json = script.group(1);
    var ld = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
    assertThat(ld.getString("@type")).isEqualTo("MedicalTrial");
    assertThat(ld.getString("identifier")).isEqualTo("NCT02633163");
    assertThat(ld.getJsonObject("sponsor").getString("name"))
        .isEqualTo("Medical University of South Carolina");
    assertThat(ld.getJsonArray("studyLocation")).hasSize(6);
    var sitemap = get("/sitemap.xml");
    assertThat(sitemap.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("xml"));
    assertThat(sitemap.body()).contains("<sitemapindex").contains("/sitemaps/1.xml</loc>");
    var first = get("/sitemaps/1.xml");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("<urlset").contains("/trials/NCT02633163</loc>");
    assertThat(get("/sitemaps/2.xml").statusCode()).isEqualTo(404);
    assertThat(get("/sitemaps/x.xml").statusCode()).isEqualTo(404);
  }

  private List<String> texts(String css) {
    return browser().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }
}
