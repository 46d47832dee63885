package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A visitor walks the MiSLE pre-screener in a real browser to each of the three verdicts. */
// The visitor's flow through the pages; contact storage on PostgreSQL is ContactRequestsIT's and
// CrashIT's. Run on the H2 pass only (.ci/run).
@Tag("database-independent")
class PrescreenIT extends PortalIT {

  /** Answers of an adult with active lupus and nothing that rules her out. */
  static Map<String, String> eligibleVisitor() {
    Map<String, String> a = new HashMap<>();
    a.put("age", "34");
    a.put("pregnancy", "no");
    a.put("self-report.could-become-pregnant", "no");
    a.put("diagnosis.sle", "yes");
    a.put("classification.acr-1997-sle.count", "5");
    a.put("activity.sle", "yes");
    a.put("diagnosis.lupus-nephritis", "no");
    a.put("self-report.active-cns-lupus", "no");
    a.put("medication.belimumab.last-taken", "never");
    a.put("medication.rituximab.last-taken", "never");
    a.put("medication.other-biologic.last-taken", "never");
    a.put("medication.prednisone.last-taken", "never");
    a.put("medication.immunosuppressant.last-changed", "never");
    a.put("dialysis", "no");
    a.put("condition.cancer.last", "never");
    for (String q :
        List.of(
            "infection.hiv",
            "infection.hepatitis-b",
            "infection.hepatitis-c",
            "infection.tuberculosis",
            "organ-transplant",
            "self-report.unstable-condition")) {
      a.put(q, "no");
    }
    return a;
  }

  @Test
  void anEligibleVisitorMayQualifyAndAsksASiteToCall() {
    open("/trials/NCT02633163");
    browser().findElement(By.linkText("Check if I may qualify")).click();
    assertThat(browser().getCurrentUrl()).endsWith("/trials/NCT02633163/check");
    walk(eligibleVisitor());
    assertThat(text(".result h2")).as(() -> text("main")).isEqualTo("You may qualify");
    // Inclusions she meets; exclusions that do not apply to her (never "you meet: I have TB").
    assertThat(texts(".criterion-status"))
        .hasSize(16)
        .containsOnly("You meet this", "This does not apply to you");

    // Without consent nothing is sent, and what was typed stays.
    Select site = new Select(browser().findElement(By.cssSelector("select[id$=':site']")));
    site.selectByVisibleText("Cedars-Sinai Medical Center (Los Angeles, CA)");
    browser().findElement(By.cssSelector("input[id$=':name']")).sendKeys("Ana Test");
    browser().findElement(By.cssSelector("input[id$=':phone']")).sendKeys("555-010-0199");
    submitAndWait(By.cssSelector("input[id$=':send']"));
    assertThat(text(".consent .field-error"))
        .contains("only store your request with your agreement");
    assertThat(browser().findElement(By.cssSelector("input[id$=':name']")).getAttribute("value"))
        .isEqualTo("Ana Test");

    browser().findElement(By.cssSelector("input[id$=':consent']")).click();
    submitAndWait(By.cssSelector("input[id$=':send']"));
    assertThat(text(".receipt h2")).isEqualTo("Your request has been sent");
    assertThat(text(".receipt"))
        .as("the receipt does not pretend the withdraw link is sent")
        .contains("we do not send it to you", "Bookmark or copy it");
    String reference = text(".receipt .reference");
    assertThat(reference).matches("[A-Z2-9]{10}");
    String withdraw = browser().findElement(By.cssSelector("a.withdraw-link")).getAttribute("href");

    browser().get(withdraw);
    assertThat(text("main")).contains("Withdraw request " + reference);
    submitAndWait(By.cssSelector("main button[type=submit]"));
    assertThat(text(".withdrawn")).contains("withdrawn and your details erased");
    browser().get(withdraw);
    submitAndWait(By.cssSelector("main button[type=submit]"));
    assertThat(text("main .field-error")).contains("could not find a request");
  }

  @Test
  void aSeventeenYearOldIsToldWhichCriterionRulesHerOut() {
    Map<String, String> answers = eligibleVisitor();
    answers.put("age", "17");
    open("/trials/NCT02633163/check");
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("This trial is not a match for you");
    WebElement age =
        browser()
            .findElement(
                By.xpath(
                    "//li[contains(@class,'criterion-result')][.//p[contains(.,'between 18 and"
                        + " 65')]]"));
    assertThat(age.getText()).contains("This rules you out").contains("17");
    // The first lines say what rules her out; she may still ask a site (issue 14, item 4).
    assertThat(text(".ruled-out")).contains("I am between 18 and 65 years old.").contains("17");
    assertThat(text(".contact-form h2")).isEqualTo("Ask a site to contact you anyway");
  }

  @Test
  void anUnknownAnswerNeedsACoordinatorAndRecentBelimumabIsExplained() {
    Map<String, String> answers = eligibleVisitor();
    answers.put("infection.hiv", "dont-know");
    open("/trials/NCT02633163/check");
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("A coordinator must check some answers");
    assertThat(texts(".criterion-status"))
        .contains("A coordinator must check this")
        .doesNotContain("This rules you out");

    answers = eligibleVisitor();
    answers.put("medication.belimumab.last-taken", LocalDate.now().minusWeeks(6).toString());
    open("/trials/NCT02633163/check");
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("This trial is not a match for you");
    assertThat(text("main")).contains("belimumab");
  }

  @Test
  void badInputIsMarkedOnTheFieldAndBackKeepsAnswers() {
    open("/trials/NCT02633163/check");
    field("age").findElement(By.cssSelector("input[type=text]")).sendKeys("forty");
    field("pregnancy").findElement(By.cssSelector("input[value='no']")).click();
    submitAndWait(By.cssSelector("input[id$=':next']"));
    assertThat(field("age").getAttribute("class")).contains("invalid");
    assertThat(field("age").findElement(By.cssSelector(".field-error")).getText()).isNotBlank();
    assertThat(field("age").findElement(By.cssSelector("input[type=text]")).getAttribute("value"))
        .isEqualTo("forty");
    assertThat(field("pregnancy").findElement(By.cssSelector("input[value='no']")).isSelected())
        .isTrue();

    WebElement age = field("age").findElement(By.cssSelector("input[type=text]"));
    age.clear();
    age.sendKeys("40");
    submitAndWait(By.cssSelector("input[id$=':next']"));
    assertThat(text(".step-title")).contains("Your diagnosis");
    submitAndWait(By.cssSelector("input[id$=':back']"));
    assertThat(field("age").findElement(By.cssSelector("input[type=text]")).getAttribute("value"))
        .isEqualTo("40");
    String query = java.net.URI.create(browser().getCurrentUrl()).getRawQuery();
    assertThat(query == null ? "" : query)
        .as("answers never travel in the URL")
        .doesNotContain("40", "age", "pregnancy");
  }

  @Test
  void whichTrialsMightFitMeRanksEveryTrialForOneSetOfAnswers() {
    open("/trials?q=&near=29401&radius=500");
    browser().findElement(By.linkText("Which trials might fit me?")).click();
    assertThat(browser().getCurrentUrl()).contains("/match?near=29401");
    // No condition in the search: the portal's own (the demo's lupus) is filled in.
    assertThat(browser().findElement(By.id("match-q")).getAttribute("value")).isEqualTo("lupus");
    walk(eligibleVisitor());
    List<WebElement> matches = browser().findElements(By.cssSelector(".match"));
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).getText())
        .contains("Mesenchymal Stem Cells for Lupus")
        .contains("You may qualify")
        .contains("mi");
  }

  @Test
  void fromASitePageTheContactFormOffersOnlySitesWithAContactAndPreselectsThatSite() {
    open("/trials/NCT02633163/sites/cedars-sinai");
    browser().findElement(By.cssSelector("a.check-link")).click();
    assertThat(browser().getCurrentUrl()).endsWith("/check?site=cedars-sinai");
    walk(eligibleVisitor());
    Select site = new Select(browser().findElement(By.cssSelector("select[id$=':site']")));
    assertThat(site.getFirstSelectedOption().getText())
        .isEqualTo("Cedars-Sinai Medical Center (Los Angeles, CA)");
    assertThat(site.getOptions())
        .extracting(WebElement::getText)
        .as("no site that has published no contact, so no request goes to nobody")
        .doesNotContain("Palo Alto (Palo Alto)")
        .noneMatch(o -> o.startsWith("Medical University of South Carolina"))
        .contains("Choose a site");
  }

  /** Answers every question shown, step by step, until the result appears. */
  private void walk(Map<String, String> answers) {
    Prescreener.walk(browser(), answers, this::submitAndWait);
  }

  private WebElement field(String questionId) {
    return browser().findElement(By.cssSelector("fieldset[data-question='" + questionId + "']"));
  }

  private List<String> texts(String css) {
    return browser().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }
}
