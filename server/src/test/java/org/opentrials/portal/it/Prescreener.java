package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A visitor's way through the pre-screener in a browser: the questions answered step by step. */
final class Prescreener {
  private Prescreener() {}

  /** Answers every question shown, step by step, until the result appears. */
  static void walk(WebDriver browser, Map<String, String> answers, Consumer<By> submitAndWait) {
    for (int guard = 0;
        guard < 30 && browser.findElements(By.cssSelector(".result, .matches")).isEmpty();
        guard++) {
      for (WebElement fieldset : browser.findElements(By.cssSelector("fieldset[data-question]"))) {
        String id = fieldset.getAttribute("data-question");
        String value = answers.get(id);
        if (value != null) {
          answer(browser, fieldset, value);
        }
      }
      submitAndWait.accept(By.cssSelector("input[id$=':next']"));
      if (Boolean.getBoolean("it.debug")) {
        System.out.println(
            "=== after next: "
                + browser.findElement(By.tagName("main")).getText().replace('\n', '|'));
      }
    }
    assertThat(browser.findElements(By.cssSelector(".result, .matches")))
        .as("the result page")
        .isNotEmpty();
  }

  private static void answer(WebDriver browser, WebElement fieldset, String value) {
    List<WebElement> radios = fieldset.findElements(By.cssSelector("input[type=radio]"));
    List<WebElement> dateInputs = fieldset.findElements(By.cssSelector("input[type=date]"));
    if (!dateInputs.isEmpty()) {
      if (value.equals("never") || value.equals("dont-know")) {
        click(fieldset.findElement(By.cssSelector("input[type=radio][value='" + value + "']")));
      } else {
        click(fieldset.findElement(By.cssSelector("input[type=radio][value='date']")));
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("arguments[0].value = arguments[1];", dateInputs.get(0), value);
      }
    } else if (!radios.isEmpty()) {
      click(fieldset.findElement(By.cssSelector("input[type=radio][value='" + value + "']")));
    } else {
      WebElement input = fieldset.findElement(By.cssSelector("input[type=text]"));
      if (input.getAttribute("value").isEmpty()) {
        input.sendKeys(value);
      }
    }
  }

  private static void click(WebElement radio) {
    if (!radio.isSelected()) {
      radio.click();
    }
  }
}
