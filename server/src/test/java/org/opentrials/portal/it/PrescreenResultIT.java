package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * Issue 14, items 1, 4, 5 and 6, as the visitor sees them: a ruled-out result says which rule,
 * until when, and what to do next; exclusions she does not have read as not applying to her;
 * pregnancy and contraception as a coordinator reads them; "Which trials might fit me?" only for
 * her condition, with her answers kept when she opens one trial's explanation.
 *
 * <p>With {@code -Dit.shots=DIR} the results are also saved as screenshots, 1280 and 390 px wide.
 */
// What the browser shows does not depend on the database: run on the H2 pass only (.ci/run).
@Tag("database-independent")
class PrescreenResultIT extends PortalIT {
  private static final String CHECK = "/trials/NCT02633163/check";

  @Test
  void recentBelimumabSaysUntilWhenWhatToDoAndKeepsAnswersForOtherTrials() {
    LocalDate taken = LocalDate.now().minusWeeks(6);
    LocalDate until = taken.plusMonths(2);
    Map<String, String> answers = PrescreenIT.eligibleVisitor();
    answers.put("medication.belimumab.last-taken", taken.toString());
    open(CHECK);
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("This trial is not a match for you");
    // The first lines: which rule, in plain words, and the day it stops applying.
    assertThat(text(".result h3")).isEqualTo("What rules you out");
    String english = date(until, Locale.ENGLISH);
    assertThat(text(".ruled-out"))
        .contains("I received belimumab in the last 2 months")
        .contains("This applies to you until " + english + ".");
    assertThat(text(".qualify-after")).startsWith("You may qualify after " + english);
    assertThat(text(".medication-note"))
        .isEqualTo(
            "Do not stop or change a medicine to join a trial without talking to your doctor first.");
    // What she can do next: other trials, or ask a site anyway.
    assertThat(text(".next-steps button.other-trials"))
        .isEqualTo("See other trials for Systemic Lupus Erythematosus");
    assertThat(text(".ask-anyway")).contains("You can still ask a site");
    assertThat(text(".contact-form h2")).isEqualTo("Ask a site to contact you anyway");
    shots("ruled-out");
    AccessibilityIT.assertNoViolations(browser(), "ruled-out result");

    // Other trials: her answers go with her, so the ranking shows at once and agrees.
    submitAndWait(By.cssSelector(".next-steps button.other-trials"));
    assertThat(browser().getCurrentUrl()).endsWith("/match");
    WebElement misle = browser().findElement(By.cssSelector(".match[data-nct='NCT02633163']"));
    assertThat(misle.getText()).contains("This trial is not a match for you");
    assertNoSession();

    // The same in Spanish.
    open("/language?to=es&return=" + CHECK);
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("Este ensayo no es adecuado para usted");
    assertThat(text(".result h3")).isEqualTo("Qué le excluye");
    String spanish = date(until, Locale.forLanguageTag("es"));
    assertThat(text(".ruled-out")).contains("Esto se aplica a usted hasta el " + spanish);
    assertThat(text(".qualify-after"))
        .startsWith("Podría cumplir los requisitos después del " + spanish);
    assertThat(text(".medication-note")).startsWith("No deje ni cambie un medicamento");
    assertThat(text(".contact-form h2"))
        .isEqualTo("Pedir de todos modos que un centro le contacte");
  }

  @Test
  void anExclusionSheDoesNotHaveDoesNotApplyToHer() {
    open(CHECK);
    walk(PrescreenIT.eligibleVisitor());
    WebElement tb = criterion("I have tuberculosis (TB).");
    assertThat(tb.findElement(By.cssSelector(".criterion-status")).getText())
        .isEqualTo("This does not apply to you");
    assertThat(tb.findElement(By.cssSelector(".criterion-kind")).getText())
        .isEqualTo("You cannot join if");
    assertThat(tb.getText()).doesNotContain("You meet this");
    assertThat(criterion("I have had cancer in the last 5 years").getText())
        .contains("This does not apply to you");

    open("/language?to=es&return=" + CHECK);
    walk(PrescreenIT.eligibleVisitor());
    WebElement tbEs = criterion("Tengo tuberculosis (TB).");
    assertThat(tbEs.findElement(By.cssSelector(".criterion-status")).getText())
        .isEqualTo("Esto no se aplica a usted");
    assertThat(tbEs.findElement(By.cssSelector(".criterion-kind")).getText())
        .isEqualTo("No puede participar si");

    // The trial page lists what rules a person out, worded as what rules out.
    open("/language?to=en&return=/trials/NCT02633163");
    String exclusions = text("main");
    assertThat(exclusions)
        .contains("I have had cancer in the last 5 years")
        .doesNotContain("I haven't had cancer");
  }

  @Test
  void pregnantUsingContraceptionIsRuledOutAndContraceptionCountsOnlyForPregnancyRisk() {
    Map<String, String> pregnant = PrescreenIT.eligibleVisitor();
    pregnant.put("pregnancy", "yes");
    pregnant.put("self-report.could-become-pregnant", "yes");
    pregnant.put("self-report.using-contraception", "yes");
    open(CHECK);
    walk(pregnant);
    assertThat(text(".result h2")).isEqualTo("This trial is not a match for you");
    assertThat(text(".ruled-out")).contains("I am pregnant or breastfeeding.");
    assertThat(text(".ruled-out")).doesNotContain("contraception");

    Map<String, String> noContraception = PrescreenIT.eligibleVisitor();
    noContraception.put("self-report.could-become-pregnant", "yes");
    noContraception.put("self-report.using-contraception", "no");
    open(CHECK);
    walk(noContraception);
    assertThat(text(".ruled-out"))
        .contains("I could become pregnant and I am not using contraception.");

    Map<String, String> protectedVisitor = PrescreenIT.eligibleVisitor();
    protectedVisitor.put("self-report.could-become-pregnant", "yes");
    protectedVisitor.put("self-report.using-contraception", "yes");
    open(CHECK);
    walk(protectedVisitor);
    assertThat(text(".result h2")).isEqualTo("You may qualify");
  }

  @Test
  void anUnknownAnswerSaysWhatTheTeamMustCheckFirst() {
    Map<String, String> answers = PrescreenIT.eligibleVisitor();
    answers.put("infection.hiv", "dont-know");
    open(CHECK);
    walk(answers);
    assertThat(text(".result h2")).isEqualTo("A coordinator must check some answers");
    assertThat(text(".result h3")).isEqualTo("What the study team must check");
    assertThat(text(".to-check")).contains("I have HIV, hepatitis B or hepatitis C.");
    assertThat(browser().findElements(By.cssSelector(".ruled-out"))).isEmpty();
    assertThat(text(".ask-anyway")).contains("the study team can check these answers with you");
    assertThat(text(".contact-form h2")).isEqualTo("Ask a site to contact you");
    shots("needs-review");
    AccessibilityIT.assertNoViolations(browser(), "needs-review result");
  }

  @Test
  void matchingIsForHerConditionNearHerAndKeepsHerAnswersForOneTrialsExplanation() {
    open("/match");
    assertThat(browser().findElement(By.id("match-q")).getAttribute("value")).isEqualTo("lupus");
    walk(PrescreenIT.eligibleVisitor());
    List<String> titles =
        browser().findElements(By.cssSelector(".match h3")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles).isNotEmpty().allMatch(t -> t.toLowerCase(Locale.ROOT).contains("lupus"));
    assertThat(String.join(" ", titles)).doesNotContainIgnoringCase("stent");
    assertThat(text(".match-for")).isEqualTo("Trials for “lupus”");
    shots("match");
    AccessibilityIT.assertNoViolations(browser(), "match results");

    // "See why": her answers go along, the result shows at once and agrees with the ranking.
    submitAndWait(By.cssSelector(".match[data-nct='NCT02633163'] button.explain"));
    assertThat(browser().getCurrentUrl()).endsWith("/trials/NCT02633163/check");
    assertThat(text(".result h2")).isEqualTo("You may qualify");
    assertThat(browser().findElements(By.cssSelector(".criterion-status"))).hasSize(16);
    assertNoSession();

    // A condition no recruiting trial studies: said plainly, nothing to rank; far away: nothing.
    open("/match?q=coronary+artery+disease");
    assertThat(text(".match-none")).contains("No recruiting trial with a pre-screener");
    assertThat(browser().findElements(By.cssSelector("fieldset[data-question]"))).isEmpty();
    open("/match?q=lupus&near=99501&radius=25");
    assertThat(text(".match-none")).contains("near you");
    open("/match?q=lupus&near=29401&radius=100");
    assertThat(text(".match-for")).startsWith("Trials for “lupus” within 100 miles of");
  }

  private void assertNoSession() {
    assertThat(browser().manage().getCookies())
        .as("an anonymous visitor gets no session (finding F9)")
        .noneMatch(c -> c.getName().equalsIgnoreCase("JSESSIONID"));
  }

  private WebElement criterion(String startsWith) {
    return browser()
        .findElement(
            By.xpath(
                "//li[contains(@class,'criterion-result')][.//p[@class='criterion-text'][starts-with(.,'"
                    + startsWith
                    + "')]]"));
  }

  private static String date(LocalDate d, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
  }

  private void walk(Map<String, String> answers) {
    Prescreener.walk(browser(), answers, this::submitAndWait);
  }

  /** Full-page screenshots at desktop and phone width, when -Dit.shots names a directory. */
  private void shots(String name) {
    String dir = System.getProperty("it.shots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    try {
      Files.createDirectories(Path.of(dir));
      for (int width : new int[] {1280, 390}) {
        browser().manage().window().setSize(new Dimension(width, 1000));
        long height =
            (Long)
                ((org.openqa.selenium.JavascriptExecutor) browser())
                    .executeScript("return document.documentElement.scrollHeight");
        browser().manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
        byte[] png = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES);
        Files.write(
            Path.of(dir, "h21-" + name + "-" + (width == 1280 ? "desktop" : "phone") + ".png"),
            png);
      }
      browser().manage().window().setSize(new Dimension(1280, 1000));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
