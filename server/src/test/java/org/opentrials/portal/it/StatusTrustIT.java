package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * What patients and staff found on the running portal (issue 14): a places estimate whose date has
 * passed shown as current, a site's confirmation invisible to visitors, a thin site page, FAQ
 * answers that do not point to the research, and "+N more" counts unlike the listing's.
 */
class StatusTrustIT extends PortalIT {

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by StatusTrustIT");
  }

  @Test
  void aPlacesEstimateWhoseDateHasPassedIsSaidToBeOutOfDateInBothLanguages() {
    // The demo trial: "4 places left by August 2025", read long after August 2025.
    open(CedarsSite.PUBLIC_TRIAL);
    String places = text(".trial-head .places");
    assertThat(places)
        .contains("the estimate (4 by August 2025) is out of date", "Ask a site")
        .doesNotContain("4 places left by");
    assertThat(browser().findElements(By.cssSelector(".trial-head .places strong")))
        .as("nothing out of date in bold")
        .isEmpty();
    open(CedarsSite.PUBLIC_SITE);
    assertThat(text(".site-page .places")).contains("(4 by August 2025) is out of date");

    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(text(".site-page .places")).contains("(4 hasta agosto 2025) no está actualizada");
    open(CedarsSite.PUBLIC_TRIAL);
    assertThat(text(".trial-head .places"))
        .contains("la estimación (4 hasta agosto 2025) no está actualizada");
  }

  @Test
  void whenTheSiteConfirmsItsStatusTheNextVisitorReadsWhoConfirmedItAndWhen() {
    // Both pages read (and cached) before the confirmation.
    open(CedarsSite.PUBLIC_SITE);
    open(CedarsSite.PUBLIC_TRIAL);

    signInAs("investigator.cedars");
    open(CedarsSite.EDIT);
    submitAndWait(By.id("confirm:confirmStatus"));
    assertThat(text("#messages")).contains("confirmed as of today");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String en =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.ENGLISH)
            .format(today);
    String es =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag("es"))
            .format(today);

    open(CedarsSite.PUBLIC_SITE);
    assertThat(text(".status-confirmation")).isEqualTo("Confirmed by the site on " + en + ".");
    open(CedarsSite.PUBLIC_TRIAL);
    assertThat(text(".trial-head .status"))
        .contains("Recruiting", "Confirmed by Cedars-Sinai Medical Center on " + en + ".")
        .doesNotContain("Nobody has confirmed");
    assertThat(browser().findElements(By.cssSelector(".trial-head .notice")))
        .as("no 'may be out of date' warning beside a confirmation made today")
        .isEmpty();
    assertThat(cedarsOnTheTrialPage()).contains("Confirmed by the site on " + en);

    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(text(".trial-head .status"))
        .contains("Confirmado por Cedars-Sinai Medical Center el " + es + ".");
    assertThat(cedarsOnTheTrialPage()).contains("Confirmado por el centro el " + es);
    open(CedarsSite.PUBLIC_SITE);
    assertThat(text(".status-confirmation")).isEqualTo("Confirmado por el centro el " + es + ".");
  }

  @Test
  void theSitePageNamesTheSiteAndSaysWhatAVisitorCanDoNext() throws IOException {
    open(CedarsSite.PUBLIC_SITE);
    assertThat(text("h1")).isEqualTo("MiSLE at Cedars-Sinai Medical Center");
    WebElement check = browser().findElement(By.cssSelector("a.check-link"));
    assertThat(check.getText()).isEqualTo("Check if I may qualify");
    assertThat(check.getAttribute("href")).endsWith("/trials/NCT02633163/check?site=cedars-sinai");
    assertThat(text("a.ask-link")).isEqualTo("Ask to be contacted");
    shoot("site");

    // A site that has published no contact offers no "Ask to be contacted".
    open("/trials/NCT02633163/sites/palo-alto");
    assertThat(text("h1")).isEqualTo("MiSLE at Study site in Palo Alto");
    assertThat(browser().findElements(By.cssSelector("a.ask-link"))).isEmpty();
    assertThat(text(".contact")).contains("has not published a contact");

    open(CedarsSite.PUBLIC_SITE);
    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(text("h1")).isEqualTo("MiSLE en Cedars-Sinai Medical Center");
    assertThat(text("a.check-link")).isEqualTo("Comprobar si podría participar");
    assertThat(text("a.ask-link")).isEqualTo("Pedir que le contacten");
  }

  @Test
  void faqAnswersPointToTheResearchAndTheCriteriaCountsMatchTheListing() throws IOException {
    open(CedarsSite.PUBLIC_TRIAL);
    WebElement safety =
        browser().findElements(By.cssSelector("details.faq")).stream()
            .filter(d -> d.getText().contains("What safety data is available"))
            .findFirst()
            .orElseThrow();
    safety.findElement(By.tagName("summary")).click();
    assertThat(safety.findElement(By.cssSelector(".faq-refs")).getText())
        .isEqualTo("Research this answer rests on: [1] [4] [5] [6] [7]");
    assertThat(safety.findElement(By.cssSelector("p.prose")).getText()).doesNotContain("[");
    safety.findElement(By.linkText("[6]")).click();
    assertThat(browser().getCurrentUrl()).endsWith("#ref-6");
    assertThat(text("#ref-6 .ref-title")).startsWith("Long-term safety of umbilical cord");

    WebElement registry = browser().findElement(By.cssSelector("a.registry-link"));
    assertThat(registry.getText()).isEqualTo("This study on ClinicalTrials.gov");
    assertThat(registry.getAttribute("href"))
        .isEqualTo("https://clinicaltrials.gov/study/NCT02633163");

    List<String> more =
        browser().findElements(By.cssSelector("#eligibility details.more > summary")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(more).as("the listing: +3 more inclusion").first().isEqualTo("+3 more");
    assertThat(texts("#eligibility ul.inclusion li")).hasSize(6);
    assertThat(texts("#eligibility ul.exclusion li")).hasSize(15);
    assertThat(texts(".site-name")).contains("Study site in Palo Alto");
    shoot("trial");

    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(texts(".site-name")).contains("Centro del estudio en Palo Alto");
    // The Spanish page lists the pre-screener's criteria, which are written in Spanish (issue 14,
    // item 7), not the English listing's: its own count, in Spanish.
    assertThat(text("#eligibility details.more > summary")).matches("\\+\\d+ más");
    assertThat(
            browser()
                .findElement(By.cssSelector("#eligibility ul.inclusion li"))
                .getAttribute("lang"))
        .isNotEqualTo("en");
  }

  private List<String> texts(String css) {
    return browser().findElements(By.cssSelector(css)).stream()
        .map(e -> e.getAttribute("textContent").strip())
        .toList();
  }

  private String cedarsOnTheTrialPage() {
    return browser().findElements(By.cssSelector("li.site")).stream()
        .map(WebElement::getText)
        .filter(t -> t.contains("Cedars-Sinai Medical Center"))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Saves the page at desktop and phone width where -Dit.shots names a directory (the reviewer's
   * record of the change; nothing is asserted on the pictures).
   */
  private void shoot(String name) throws IOException {
    String dir = System.getProperty("it.shots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    Dimension before = browser().manage().window().getSize();
    ((org.openqa.selenium.JavascriptExecutor) browser())
        .executeScript("window.location.hash = ''; window.scrollTo(0, 0);");
    for (int width : new int[] {1280, 390}) {
      browser().manage().window().setSize(new Dimension(width, 1000));
      long height =
          (Long)
              ((org.openqa.selenium.JavascriptExecutor) browser())
                  .executeScript("return document.documentElement.scrollHeight");
      browser().manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
      Path png = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          png,
          Path.of(dir, "h23-" + name + "-" + width + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    browser().manage().window().setSize(before);
  }
}
