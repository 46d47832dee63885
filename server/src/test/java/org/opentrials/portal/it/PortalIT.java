package org.opentrials.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one base class of the integration tests: the shared running server, an HTTP client that
 * follows nothing by itself, and a headless Chromium (Debian's, driven through its own chromedriver
 * so that nothing is downloaded) for what a visitor or staff member does.
 */
public abstract class PortalIT {
  protected static final PortalServer server = PortalServer.get();
  protected static final HttpClient http =
      HttpClient.newBuilder()
          // As browsers speak to a server without TLS (they never upgrade to cleartext HTTP/2).
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private WebDriver browser;

  protected static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build());
  }

  protected static HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh headless browser for this test, closed after it. */
  protected WebDriver browser() {
    if (browser == null) {
      browser = newBrowser();
    }
    return browser;
  }

  protected void open(String path) {
    browser().get(server.baseUrl() + path);
  }

  /** After a full-page form submission, waits until the new page has replaced the old one. */
  protected void submitAndWait(By button) {
    var old = browser().findElement(By.tagName("html"));
    browser().findElement(button).click();
    new WebDriverWait(browser(), Duration.ofSeconds(60))
        .until(
            d -> {
              try {
                old.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException e) {
                // Stale, or (Chromium's other wording while it swaps documents) no longer in the
                // document.
                return true;
              }
            });
    new WebDriverWait(browser(), Duration.ofSeconds(60))
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  /**
   * Signs in to the administration as a demo account, afresh: the session cookie's path is /admin,
   * so it is deleted from an /admin page.
   */
  protected void signInAs(String username) {
    open("/admin/login.xhtml");
    browser().manage().deleteAllCookies();
    open("/admin/login.xhtml");
    browser().findElement(By.id("login:username")).sendKeys(username);
    browser().findElement(By.id("login:password")).sendKeys(server.demoPassword(username));
    submitAndWait(By.id("login:submit"));
  }

  /**
   * Uploads a file on the administration's import page (signed in as an administrator) and waits
   * until the report shows (the page polls, then reloads).
   */
  protected void uploadOnImportPage(Path file) {
    open("/admin/imports/index.xhtml");
    browser()
        .findElement(By.id("upload:file"))
        .sendKeys(file.toAbsolutePath().normalize().toString());
    submitAndWait(By.id("upload:start"));
    new WebDriverWait(browser(), Duration.ofSeconds(60))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.id("report")));
  }

  /** Types {@code text} into the field with this id, replacing what it held. */
  protected void replace(String id, String text) {
    var field = browser().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** The value a form field holds now. */
  protected String value(String id) {
    return browser().findElement(By.id(id)).getAttribute("value");
  }

  /** The visible text of the first element matching the CSS selector. */
  protected String text(String css) {
    return browser().findElement(By.cssSelector(css)).getText();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  private static WebDriver newBrowser() {
    try {
      Path profile = Files.createTempDirectory("chromium-profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic",
          "--window-size=1280,1000",
          "--lang=en-US",
          "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File("/usr/bin/chromedriver"))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return driver;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
