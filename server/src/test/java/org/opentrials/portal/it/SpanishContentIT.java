package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Trial content by language (issue 14): sponsor staff write a Spanish summary, publish it, and a
 * visitor reading Spanish sees it as Spanish, while a text without a translation shows in English
 * marked {@code lang="en"}. {@code ?lang=} works on every page and stays in the links; the page
 * cache never hands one language's page to a reader of the other; nobody gets a session for it.
 */
class SpanishContentIT extends PortalIT {
  private static final String CONTENT = "/admin/trials/content.xhtml?trial=NCT02633163";
  private static final String TRIAL = "/trials/NCT02633163";
  private static final String SPANISH_SUMMARY =
      "Resumen de prueba de SpanishContentIT: probamos si las células de donantes ayudan.";

  private String demoSummary;

  @AfterEach
  void putTheDemoSummaryBack() {
    if (demoSummary == null) {
      return;
    }
    signInAs("sponsor");
    open(CONTENT);
    if (!browser().findElements(By.id("content:discard")).isEmpty()) {
      submitAndWait(By.id("content:discard"));
    }
    if (SPANISH_SUMMARY.equals(value("content:plainSummaryEs"))) {
      replace("content:plainSummaryEs", demoSummary);
      replace("content:reason", "Restored by SpanishContentIT");
      submitAndWait(By.id("content:publish"));
      assertThat(text("#messages")).startsWith("Published");
    }
  }

  @Test
  void aPublishedSpanishSummaryIsReadAsSpanishAndAnUntranslatedTextIsMarkedEnglish() {
    signInAs("sponsor");
    open(CONTENT);
    demoSummary = value("content:plainSummaryEs");
    replace("content:plainSummaryEs", SPANISH_SUMMARY);
    replace("content:reason", "Spanish summary from SpanishContentIT");
    submitAndWait(By.id("content:publish"));
    assertThat(text("#messages")).startsWith("Published");

    open(TRIAL + "?lang=es");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    WebElement summary = browser().findElement(By.cssSelector("p.plain-summary"));
    assertThat(summary.getText()).isEqualTo(SPANISH_SUMMARY);
    assertThat(languageOf(summary)).isEqualTo("es");
    assertThat(languageOf(browser().findElement(By.id("trial-title")))).isEqualTo("es");
    assertThat(text("#trial-title")).isEqualTo("Células madre mesenquimales para el lupus");

    WebElement eligibility = browser().findElement(By.cssSelector("p.eligibility-summary"));
    assertThat(eligibility.getText()).startsWith("Adults aged 18-65");
    assertThat(eligibility.getAttribute("lang")).isEqualTo("en");
    assertThat(browser().findElements(By.cssSelector("details.faq")))
        .isNotEmpty()
        .allSatisfy(faq -> assertThat(faq.getAttribute("lang")).isEqualTo("en"));
    WebElement criterion = browser().findElement(By.cssSelector("ul.inclusion li"));
    assertThat(languageOf(criterion)).as("the pre-screener's Spanish criteria").isEqualTo("es");
    assertThat(criterion.getText()).doesNotContain("years old");

    open(TRIAL + "?lang=en");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(text("p.plain-summary")).startsWith("The purpose of this study");
    assertThat(
            browser().findElement(By.cssSelector("p.eligibility-summary")).getDomAttribute("lang"))
        .as("nothing to mark on an English page")
        .isNull();
  }

  @Test
  void followingLinksKeepsTheLanguageAskedForInTheAddress() {
    open("/?lang=es");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    WebElement result =
        browser().findElements(By.cssSelector("ol.results li.result h3 a")).stream()
            .filter(a -> a.getAttribute("href").contains("NCT02633163"))
            .findFirst()
            .orElseThrow();
    assertThat(result.getText()).isEqualTo("Células madre mesenquimales para el lupus");
    result.click();
    assertThat(browser().getCurrentUrl()).contains("NCT02633163").contains("lang=es");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");

    browser().findElement(By.cssSelector("a.site-name")).click();
    assertThat(browser().getCurrentUrl()).contains("/sites/").contains("lang=es");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(browser().findElement(By.cssSelector("p.full-name")).getAttribute("lang"))
        .isEqualTo("en");

    browser().findElement(By.cssSelector("article.site-page p a")).click();
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    browser().findElement(By.cssSelector(".check a.button")).click();
    assertThat(browser().getCurrentUrl()).contains("/check").contains("lang=es");
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    submitAndWait(By.id("screen:next"));
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang"))
        .as("the pre-screener's form posts back to its address, language included")
        .isEqualTo("es");

    // The switch drops the address's language, so the one chosen there applies.
    browser().findElement(By.cssSelector("a.lang")).click();
    assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser().getCurrentUrl()).doesNotContain("lang=");
  }

  @Test
  void theCacheKeepsEachLanguagesPageApartAndNobodyGetsASession() {
    for (int round = 0; round < 2; round++) {
      HttpResponse<String> english = page(TRIAL, "en", null);
      HttpResponse<String> spanish = page(TRIAL, "es", null);
      HttpResponse<String> chosen = page(TRIAL, "en", "lang=es");
      HttpResponse<String> asked = page(TRIAL + "?lang=es", "en", null);
      assertThat(english.body())
          .containsPattern("<html[^>]*\\slang=\"en\"")
          .contains("Mesenchymal Stem Cells for Lupus</h1>")
          .doesNotContain("Células madre mesenquimales para el lupus</h1>");
      for (HttpResponse<String> r : java.util.List.of(spanish, chosen, asked)) {
        assertThat(r.body())
            .containsPattern("<html[^>]*\\slang=\"es\"")
            .contains("Células madre mesenquimales para el lupus</h1>")
            .doesNotContain("Mesenchymal Stem Cells for Lupus</h1>");
      }
      assertThat(english.headers().firstValue("ETag"))
          .isNotEqualTo(spanish.headers().firstValue("ETag"));
      for (HttpResponse<String> r : java.util.List.of(english, spanish, chosen, asked)) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie"))
            .as("F9: reading a page in either language makes no session")
            .noneMatch(c -> c.startsWith("JSESSIONID"));
      }
    }
    HttpResponse<String> check = page(TRIAL + "/check?lang=es", "en", null);
    assertThat(check.body()).containsPattern("<html[^>]*\\slang=\"es\"");
    assertThat(check.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  private static HttpResponse<String> page(String path, String acceptLanguage, String cookie) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Accept-Language", acceptLanguage)
            .GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return send(b.build());
  }

  /** The language an element is read in: its own lang, else its nearest ancestor's. */
  private String languageOf(WebElement element) {
    return (String)
        ((JavascriptExecutor) browser())
            .executeScript("return arguments[0].closest('[lang]').getAttribute('lang');", element);
  }
}
