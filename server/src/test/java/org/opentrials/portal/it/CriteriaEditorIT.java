package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Sponsor staff edit a trial's structured eligibility criteria with forms: the change lands in the
 * draft (the public pre-screener goes on using what is published), bad values are explained on
 * their field, and another sponsor's trial cannot even be opened.
 */
class CriteriaEditorIT extends PortalIT {
  private static final String MISLE = "/admin/trials/criteria.xhtml?trial=NCT02633163";

  /** The age criterion is the second of the demo document. */
  private static final String MAX_AGE = "edit:criteria:1:maxAge";

  private static final String MIN_AGE = "edit:criteria:1:minAge";
  private static final String AGE_WORDING = "edit:criteria:1:textEn";
  private static final String DEMO_WORDING = "I am between 18 and 65 years old.";

  private boolean changedTheDraft;

  @AfterEach
  void discardTheDraft() {
    if (!changedTheDraft) {
      return;
    }
    // The change is only a draft: discarding it on the content page puts everything back.
    open("/admin/trials/content.xhtml?trial=NCT02633163");
    if (!browser().findElements(By.id("content:discard")).isEmpty()) {
      submitAndWait(By.id("content:discard"));
      assertThat(text("#messages")).startsWith("The draft was discarded");
    }
  }

  @Test
  void theSponsorNarrowsTheAgeRangeAndTheDraftKeepsIt() {
    signInAsSponsor();
    open(MISLE);
    assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Eligibility criteria");
    assertThat(
            new Select(browser().findElement(By.id("edit:criteria:1:kind")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Age");
    assertThat(value(MIN_AGE)).isEqualTo("18");
    assertThat(value(MAX_AGE)).isEqualTo("65");
    assertThat(questions())
        .contains("How old are you?", "When did you last take belimumab (Benlysta)?");

    replace(MAX_AGE, "60");
    replace(AGE_WORDING, "I am between 18 and 60 years old.");
    replace("edit:reason", "Protocol amendment 3");
    changedTheDraft = true;
    submitAndWait(By.id("edit:save"));

    assertThat(text("#messages")).startsWith("Saved as a draft.");
    assertThat(text(".draft-state")).startsWith("You are editing the draft saved by sponsor");
    assertThat(value(MAX_AGE)).isEqualTo("60");

    open(MISLE);
    assertThat(value(MIN_AGE)).as("opened again: the draft").isEqualTo("18");
    assertThat(value(MAX_AGE)).isEqualTo("60");
    assertThat(value(AGE_WORDING)).isEqualTo("I am between 18 and 60 years old.");
    assertThat(value("edit:criteria:1:textEs"))
        .as("untouched")
        .isEqualTo("Tengo entre 18 y 65 años.");
    assertThat(browser().findElements(By.cssSelector("fieldset.criterion"))).hasSize(16);

    // Until it is published, visitors are screened with the published criteria: 62 is still in
    // range.
    HttpResponse<String> screened =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/trials/NCT02633163/prescreen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"age\": 62}}"))
                .build());
    assertThat(screened.statusCode()).isEqualTo(200);
    var age =
        Json.createReader(new StringReader(screened.body()))
            .readObject()
            .getJsonArray("criteria")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(c -> c.getString("id").equals("age"))
            .findFirst()
            .orElseThrow();
    assertThat(age.getString("status")).isEqualTo("MET");
  }

  @Test
  void aYoungestAgeAboveTheOldestIsExplainedOnTheFieldAndNothingIsSaved() {
    signInAsSponsor();
    open(MISLE);
    replace(MIN_AGE, "70");
    submitAndWait(By.id("edit:save"));

    assertThat(text("#edit\\:criteria\\:1\\:maxAge-message"))
        .isEqualTo("The oldest age must not be below the youngest age (70).");
    assertThat(browser().findElement(By.id(MAX_AGE)).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(value(MIN_AGE)).as("kept as typed").isEqualTo("70");
    assertThat(text("#messages")).contains("One field needs correcting").doesNotContain("Saved");

    open(MISLE);
    assertThat(value(MIN_AGE)).isEqualTo("18");
  }

  @Test
  void aNewCriterionGetsTheFieldsOfTheKindChosenAndItsQuestionInThePreview() {
    signInAsSponsor();
    open(MISLE);
    submitAndWait(By.id("edit:add"));
    String at = "edit:criteria:16:";
    assertThat(browser().findElements(By.id(at + "medicationEn"))).isEmpty();
    new Select(browser().findElement(By.id(at + "kind")))
        .selectByVisibleText("Medication taken within a period");
    submitAndWait(By.id(at + "showFields"));

    replace(at + "textEn", "I took anifrolumab in the last 3 months.");
    new Select(browser().findElement(By.id(at + "type"))).selectByValue("EXCLUSION");
    replace(at + "medicationEn", "anifrolumab (Saphnelo)");
    replace(at + "periodAmount", "3");
    submitAndWait(By.id("edit:check"));
    assertThat(text("#" + (at + "periodUnit-message").replace(":", "\\:")))
        .isEqualTo("Please choose days, weeks, months or years.");

    new Select(browser().findElement(By.id(at + "periodUnit"))).selectByVisibleText("months");
    submitAndWait(By.id("edit:check"));
    assertThat(text("#messages")).startsWith("The criteria are complete.");
    assertThat(questions()).contains("When did you last take anifrolumab (Saphnelo)?");
  }

  @Test
  void theEditorIsValidHtml() throws Exception {
    StaffSession sponsor = CedarsSite.signedIn(server, "sponsor");
    HtmlValidityIT.assertValid(MISLE, sponsor.get(MISLE));
  }

  @Test
  void anotherSponsorsTrialIsNotFound() {
    StaffSession sponsor = CedarsSite.signedIn(server, "sponsor");
    assertThat(sponsor.get(MISLE).statusCode()).as("their own trial").isEqualTo(200);
    HttpResponse<String> other = sponsor.get("/admin/trials/criteria.xhtml?trial=NCT03418623");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body())
        .contains("Page not found")
        .doesNotContain("AccessDenied", "Exception", "criteria:0");
    assertThat(sponsor.get("/admin/trials/criteria.xhtml?trial=NCT99999999").statusCode())
        .isEqualTo(404);
    assertThat(sponsor.get("/admin/trials/criteria.xhtml?trial=nonsense").statusCode())
        .isEqualTo(404);
    assertThat(sponsor.get("/admin/trials/criteria.xhtml").statusCode()).isEqualTo(404);

    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    assertThat(investigator.get(MISLE).statusCode())
        .as("investigators keep sites, not content")
        .isEqualTo(404);
  }

  private void signInAsSponsor() {
    signInAs("sponsor");
  }

  private List<String> questions() {
    return browser().findElements(By.cssSelector("#preview .question-text")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
