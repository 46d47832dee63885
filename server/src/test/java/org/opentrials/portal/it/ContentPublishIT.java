package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Sponsor staff keep the demo trial's content current in the browser: a new reference is a draft
 * (the public page does not change), the preview shows it, publishing puts it on the public page
 * with its abstract, and an administrator finds the publication in the audit trail. The content
 * check stops claims the FDA advises against until someone acknowledges them.
 */
class ContentPublishIT extends PortalIT {
  private static final String CONTENT = "/admin/trials/content.xhtml?trial=NCT02633163";
  private static final String TITLE =
      "Mesenchymal stem cells in lupus: a test reference from ContentPublishIT";
  private static final String CITATION = "Test A, Example B. Lupus Sci Med. 2024;11:e001234.";
  private static final String ABSTRACT =
      "Forty patients received one infusion; this abstract is what visitors unfold.";

  @AfterEach
  void putTheDemoContentBack() {
    signInAs("sponsor");
    open(CONTENT);
    if (!browser().findElements(By.id("content:discard")).isEmpty()) {
      submitAndWait(By.id("content:discard"));
    }
    List<WebElement> titles =
        browser().findElements(By.cssSelector("input[id$=':title'][id^='content:references:']"));
    for (int i = titles.size() - 1; i >= 0; i--) {
      if (TITLE.equals(titles.get(i).getAttribute("value"))) {
        submitAndWait(By.id("content:references:" + i + ":remove"));
        replace("content:reason", "Restored by ContentPublishIT");
        submitAndWait(By.id("content:publish"));
        assertThat(text("#messages")).startsWith("Published");
        break;
      }
    }
  }

  @Test
  void sponsorAddsAReferencePreviewsItPublishesItAndTheAdministratorSeesItInTheAuditTrail() {
    signInAs("sponsor");
    open("/admin/trials/index.xhtml");
    browser().findElement(By.cssSelector("tr[data-trial='NCT02633163'] a.trial-name")).click();
    int before =
        browser()
            .findElements(By.cssSelector("input[id$=':title'][id^='content:references:']"))
            .size();

    submitAndWait(By.id("content:addReference"));
    String at = "content:references:" + before + ":";
    replace(at + "title", TITLE);
    replace(at + "year", "2024");
    replace(at + "pmid", "38000001");
    replace(at + "citation", CITATION);
    replace(at + "abstract", ABSTRACT);
    replace("content:reason", "New publication from the MiSLE investigators");
    submitAndWait(By.id("content:preview"));
    assertThat(text("#content\\:messages, #messages")).doesNotContain("attention");
    String previewPath = browser().findElement(By.id("previewLink")).getAttribute("href");
    assertThat(text(".draft-state"))
        .matches("Draft saved by sponsor at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(UTC\\): .*");

    assertThat(get("/trials/NCT02633163").body())
        .as("the public page before publishing")
        .doesNotContain(TITLE);
    browser().get(previewPath);
    assertThat(text(".preview-banner")).startsWith("Preview of unpublished changes");
    assertThat(text("#references")).contains(TITLE);

    open(CONTENT);
    submitAndWait(By.id("content:publish"));
    assertThat(text("#messages")).startsWith("Published:");

    open("/trials/NCT02633163");
    WebElement added =
        browser().findElements(By.cssSelector("#references li.reference")).stream()
            .filter(li -> li.getText().contains(TITLE))
            .findFirst()
            .orElseThrow();
    assertThat(added.findElement(By.cssSelector(".ref-citation")).getText()).isEqualTo(CITATION);
    WebElement pubmed = added.findElement(By.cssSelector("a.pubmed"));
    assertThat(pubmed.getText()).isEqualTo("PubMed 38000001");
    assertThat(pubmed.getAttribute("href")).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/38000001/");
    added.findElement(By.cssSelector("details.abstract summary")).click();
    assertThat(added.findElement(By.cssSelector("details.abstract p")).getText())
        .isEqualTo(ABSTRACT);
    assertThat(get(previewPath.substring(previewPath.indexOf("/trials/"))).statusCode())
        .as("the preview link dies with the draft")
        .isEqualTo(404);

    signInAs("admin");
    open("/admin/audit/index.xhtml?action=PUBLISH&entity=NCT02633163");
    String audit = text("table.audit");
    assertThat(audit)
        .contains(
            "sponsor",
            "references[" + (before + 1) + "].title",
            TITLE,
            "references[" + (before + 1) + "].abstract",
            ABSTRACT);
    open("/admin/audit/index.xhtml?action=UPDATE&entity=NCT02633163");
    assertThat(text("table.audit"))
        .as("the draft's save, with the reason given")
        .contains("TRIAL_DRAFT", TITLE, "New publication from the MiSLE investigators");
  }

  @Test
  void badFieldsAreExplainedWhereTheyAreAndNothingTypedIsLost() {
    signInAs("sponsor");
    open(CONTENT);
    int before =
        browser()
            .findElements(By.cssSelector("input[id$=':title'][id^='content:references:']"))
            .size();
    submitAndWait(By.id("content:addReference"));
    String at = "content:references:" + before + ":";
    replace(at + "pmid", "PMC12x");
    replace(at + "abstract", "An abstract without a title");
    submitAndWait(By.id("content:save"));

    assertThat(text("#" + (at + "title-message").replace(":", "\\:")))
        .isEqualTo("Please fill this in.");
    assertThat(text("#" + (at + "pmid-message").replace(":", "\\:")))
        .startsWith("A PubMed ID is a number");
    assertThat(value(at + "pmid")).isEqualTo("PMC12x");
    assertThat(value(at + "abstract")).isEqualTo("An abstract without a title");
    assertThat(text("#messages")).contains("nothing was saved");
    assertThat(browser().findElements(By.id("content:discard"))).as("no draft was made").isEmpty();
  }

  @Test
  void claimsTheFdaAdvisesAgainstStopPublishingUntilAcknowledged() {
    signInAs("sponsor");
    open(CONTENT);
    String summary = value("content:plainSummary");
    replace("content:plainSummary", summary + " Join now for free treatment!");
    submitAndWait(By.id("content:publish"));

    assertThat(text("#messages")).startsWith("Nothing was published");
    assertThat(text("#warnings"))
        .contains("Plain-language summary: “free treatment”", "Do not promise free treatment");
    assertThat(get("/trials/NCT02633163").body()).doesNotContain("free treatment");
    assertThat(browser().findElement(By.id("content:acknowledged")).isSelected()).isFalse();
    // The draft is kept; @AfterEach discards it.
    assertThat(browser().findElements(By.id("content:discard"))).isNotEmpty();
  }

  @Test
  void sponsorStaffCannotOpenATrialTheyAreNotAssignedToAndTheAttemptIsAudited() {
    signInAs("sponsor");
    open("/admin/trials/content.xhtml?trial=NCT03475563");
    assertThat(text("h1")).isEqualTo("Page not found");
    open("/admin/trials/index.xhtml");
    assertThat(browser().findElements(By.cssSelector("tr.trial-row")))
        .extracting(e -> e.getAttribute("data-trial"))
        .containsExactly("NCT02633163");

    signInAs("investigator.cedars");
    open(CONTENT);
    assertThat(text("h1")).isEqualTo("Page not found");

    signInAs("admin");
    open("/admin/audit/index.xhtml?action=ACCESS_DENIED&actor=sponsor&entity=NCT03475563");
    assertThat(text("table.audit"))
        .contains("sponsor", "NCT03475563", "tried to open the trial's content");
  }
}
