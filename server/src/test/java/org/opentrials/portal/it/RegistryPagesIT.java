package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Real ClinicalTrials.gov records of several shapes (registry/src/test/resources/ctgov, README
 * there), uploaded by an administrator as a new user would: what a patient then reads on the public
 * pages. Downloads in the wrong format come first, while none of their studies exists yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryPagesIT extends PortalIT {
  static final Path RECORDS = Path.of("../registry/src/test/resources/ctgov");

  /** A completed Phase 3 study with results, a study director, 25 sites in four countries. */
  static final String COMPLETED = "NCT02552212";

  /** A withdrawn study without eligibility or arms modules, from a search page. */
  static final String WITHDRAWN = "NCT00695604";

  /** A device study whose status is unknown; one US site with its ZIP code. */
  static final String DEVICE = "NCT04207047";

  private static boolean imported;
  private static String wrongFormatsSkipped;
  private static String wrongFormatsReasons;

  /** Both uploads, once for the class, by the administrator in the browser. */
  private void importOnce() throws IOException {
    if (imported) {
      return;
    }
    signInAs("admin");
    uploadOnImportPage(
        zip("wrong-formats", "search-page-fields-filtered.json", "NCT04207047-classic.xml"));
    wrongFormatsSkipped = text("#skipped");
    wrongFormatsReasons = text("#skipped-studies");
    uploadOnImportPage(
        zip(
            "real-records",
            "NCT02552212-shortened.json",
            "NCT04207047.json",
            "NCT00695604-search-page.json"));
    assertThat(text("#created")).isEqualTo("3");
    imported = true;
  }

  @Test
  @Order(1)
  void aFieldsFilteredPageAndAClassicXmlRecordAreSkippedWithWhatToDownloadInstead()
      throws IOException {
    importOnce();
    assertThat(wrongFormatsSkipped).isEqualTo("4");
    assertThat(wrongFormatsReasons)
        .contains(
            "wrong-formats.zip!/search-page-fields-filtered.json $.studies[0]",
            "NCT02552212",
            "the record has only some modules (identificationModule, statusModule;",
            "it looks like a search page downloaded with a fields= filter",
            "Download it again without fields=",
            "wrong-formats.zip!/NCT04207047-classic.xml",
            "classic ClinicalTrials.gov XML (study NCT04207047), which this import does not read:"
                + " download the study as API v2 JSON from"
                + " https://clinicaltrials.gov/api/v2/studies/NCT04207047")
        .doesNotContain("no usable study type", "Unexpected char", "not a .json file");
  }

  @Test
  @Order(2)
  void aCompletedStudySaysSoAtTheTopAndShowsTheRegistrysDetails() throws IOException {
    importOnce();
    String html = get("/trials/" + COMPLETED).body();
    String page = PageText.of(html);
    assertThat(page)
        .contains(
            "This study does not take participants",
            "ClinicalTrials.gov lists it as \"Completed\". You cannot check here whether you may"
                + " qualify or ask to be contacted.",
            "What you can do instead: Find studies for Axial Spondyloarthritis that are recruiting"
                + " near you",
            // The registry's summary under its heading, not an empty heading.
            "Trial summary Patients with active Axial Spondyloarthritis without x-ray evidence",
            "Summary from the registry",
            // Every official with the role; dates at the registry's precision.
            "Study officials UCB Cares, Study director (1-844-599-2273 (UCB))",
            "Start September 2015",
            "Primary completion May 2018",
            "Completion May 2020",
            "Enrollment 317 participants (final count)",
            "Allocation Randomized",
            "Masking Quadruple blind",
            "Other study identifiers 2015-001894-41 (EudraCT number)",
            "Percentage of Subjects With Ankylosing Spondylitis Disease Activity Score Major"
                + " Improvement (ASDAS-MI) Response Criteria Response at Week 52 Measured: Week 52",
            "Results are posted on ClinicalTrials.gov.",
            "Treatments studied Certolizumab Pegol (Biological) Also known as: Cimzia, CDP870",
            // 25 sites read by place.
            "25 sites",
            "Alabama, United States (1)",
            "Bulgaria (2)",
            "Plovdiv, Bulgaria")
        .doesNotContain(
            "Check if I may qualify",
            "Waitlist available",
            "Prior safety data",
            "Overseen by",
            "September 1, 2015",
            "0 treatment groups");
    assertThat(html)
        .contains(
            "href=\"/trials?q=Axial+Spondyloarthritis\"",
            "href=\"https://clinicaltrials.gov/study/" + COMPLETED + "\"")
        .doesNotContain("/trials/" + COMPLETED + "/check");

    JsonObject api = json(get("/api/trials/" + COMPLETED));
    assertThat(api.getString("registryUrl"))
        .isEqualTo("https://clinicaltrials.gov/study/" + COMPLETED);
    assertThat(api.isNull("waitlistAvailable")).isTrue();
    assertThat(api.isNull("priorSafetyData")).isTrue();
    assertThat(api.getBoolean("takesParticipants")).isFalse();
    assertThat(api.getJsonObject("eligibility").getBoolean("prescreeningAvailable")).isFalse();
    assertThat(api.getJsonObject("dates").getJsonObject("start").getString("date"))
        .isEqualTo("2015-09");
    assertThat(api.getJsonObject("dates").getJsonObject("start").getString("precision"))
        .isEqualTo("MONTH");
    assertThat(api.getJsonArray("officials").getJsonObject(0).getString("role"))
        .isEqualTo("STUDY_DIRECTOR");
    assertThat(api.getJsonObject("design").getString("masking")).isEqualTo("QUADRUPLE");
    JsonObject fhir = json(get("/api/trials/" + COMPLETED + "/fhir"));
    assertThat(fhir.containsKey("principalInvestigator")).isFalse();
  }

  @Test
  @Order(3)
  void aStudyThatDoesNotRecruitOffersNoPreScreeningOnThePageOrInTheApi() throws IOException {
    importOnce();
    HttpResponse<String> check = get("/trials/" + COMPLETED + "/check");
    assertThat(check.statusCode()).isBetween(300, 399);
    assertThat(check.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/trials/" + COMPLETED));
    HttpResponse<String> prescreen =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/trials/" + COMPLETED + "/prescreen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"age\": 30}}"))
                .build());
    assertThat(prescreen.statusCode()).isEqualTo(404);
    assertThat(json(prescreen).getString("error"))
        .isEqualTo(
            "Trial "
                + COMPLETED
                + " does not take participants (status COMPLETED): it offers no pre-screening and"
                + " no contact.");
    assertThat(get("/api/trials/" + COMPLETED + "/questionnaire").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void freeTextCriteriaAreForTheStudyTeamSoAThirtyYearOldNeedsReviewNotLikelyEligible() {
    // The demo's real NOT_YET_RECRUITING record: an age limit and the registry's criteria text.
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/trials/NCT06171568/prescreen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"age\": 30}}"))
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject answer = json(r);
    assertThat(answer.getString("verdict")).isEqualTo("NEEDS_REVIEW");
    assertThat(r.body())
        .contains("\"status\":\"UNKNOWN\"", "the portal asks no question about this criterion.");
  }

  @Test
  @Order(5)
  void aWithdrawnStudyWithoutEligibilityShowsUnknownAsUnknown() throws IOException {
    importOnce();
    String page = PageText.of(get("/trials/" + WITHDRAWN + "?near=60637").body());
    assertThat(page)
        .contains(
            "This study does not take participants",
            "ClinicalTrials.gov lists it as \"Withdrawn\".",
            "Reason given: Study was not able to be completed, no results analyzed.",
            "Find studies for Asthma that are recruiting near Chicago",
            "Age Not stated in the registry",
            "Sex Not stated in the registry",
            "The registry lists no eligibility criteria for this study.",
            "Start May 2008",
            "Completion September 2011")
        .doesNotContain(
            "Any age", "Treatment groups", "You cannot join if", "Sex Any", "Where the trial runs");
  }

  @Test
  @Order(6)
  void aDeviceStudyListsItsTreatmentsAndItsSiteSitsAtItsZipCode() throws IOException {
    importOnce();
    String page = PageText.of(get("/trials/" + DEVICE + "?near=01821").body());
    assertThat(page)
        .contains(
            "ClinicalTrials.gov lists it as \"Unknown\".",
            "Treatments studied Genius (Device)",
            "The Infini Radiofrequency System (K121481) is the predicate device.",
            "Start October 2, 2018",
            "Completion March 31, 2020 (estimated)",
            "Allocation Not randomized",
            "Billerica, Massachusetts",
            "0 mi (0 km)",
            "signing the informed consent.")
        .doesNotContain("informed consent. -", "consent. -");
    JsonObject api = json(get("/api/trials/" + DEVICE + "?near=01821"));
    JsonObject site = api.getJsonArray("sites").getJsonObject(0);
    assertThat(site.getString("locationSource")).isEqualTo("ZIP");
    assertThat(site.getJsonNumber("distanceMiles").doubleValue()).isZero();
  }

  @Test
  @Order(8)
  void theRegistrysBrandNamesAndCodesFindTheStudy() throws IOException {
    importOnce();
    // C-AXSPAND lists certolizumab pegol with its other names Cimzia and CDP870; a patient who
    // knows the brand searches by it.
    for (String word : List.of("Cimzia", "CDP870", "cimzia")) {
      String page = PageText.of(get("/trials?q=" + word + "&status=any").body());
      assertThat(page).as(word).contains("C-AXSPAND");
    }
    assertThat(PageText.of(get("/trials?q=Dupixent&status=any").body()))
        .doesNotContain("C-AXSPAND");
  }

  @Test
  @Order(7)
  void aSitePageHasNoEmptyHeadings() throws IOException {
    importOnce();
    String html = get("/trials/" + DEVICE).body();
    String slug = html.replaceAll("(?s).*href=\"/trials/" + DEVICE + "/sites/([^\"]+)\".*", "$1");
    String page = PageText.of(get("/trials/" + DEVICE + "/sites/" + slug).body());
    assertThat(page)
        .contains("William LoVerme, MD", "Summary Enrollment of up to 25 subjects")
        .doesNotContain("Key inclusion criteria", "Key exclusion criteria");
    assertThat(get("/trials/" + DEVICE + "/sites/" + slug).body())
        .doesNotContain("<dt>Status</dt><dd></dd>");
  }

  @Test
  @Order(8)
  void theRealRecordsPagesAreValidHtmlAndPassAxe() throws Exception {
    importOnce();
    for (String path :
        List.of(
            "/trials/" + COMPLETED, "/trials/" + WITHDRAWN + "?near=60637", "/trials/" + DEVICE)) {
      HtmlValidityIT.assertValid(path, get(path));
      open(path);
      AccessibilityIT.assertNoViolations(browser(), path);
    }
  }

  @Test
  @Order(9)
  void aPregnantVisitorIsRuledOutByTheRegistrysOwnSentenceAndTheRestStaysWithTheStudyTeam()
      throws IOException {
    importOnce();
    // The device study's record as published, but recruiting (neither real record at hand
    // recruits, and only a recruiting study offers the pre-screener); its criteria text is as is.
    String published = Files.readString(RECORDS.resolve("NCT04207047.json"));
    String recruiting =
        published.replace("\"overallStatus\": \"UNKNOWN\"", "\"overallStatus\": \"RECRUITING\"");
    assertThat(recruiting).isNotEqualTo(published);
    String sentence =
        "Subjects who are pregnant, nursing, or anticipate a pregnancy during the length of the"
            + " trial.";
    try {
      signInAs("admin");
      uploadOnImportPage(zipOf("recruiting-device", "NCT04207047.json", recruiting));
      assertThat(text("#updated")).isEqualTo("1");
      browser().manage().deleteAllCookies();

      open("/trials/" + DEVICE + "/check");
      Prescreener.walk(browser(), Map.of("age", "30", "pregnancy", "yes"), this::submitAndWait);
      assertThat(text(".result h2")).isEqualTo("This trial is not a match for you");
      WebElement pregnancy = criterion(sentence);
      assertThat(pregnancy.getAttribute("class")).contains("status-not-met");
      assertThat(pregnancy.getText())
          .contains("This rules you out", "You said you are pregnant or breastfeeding.");
      List<WebElement> results = browser().findElements(By.cssSelector(".criterion-result"));
      // The age limit, then the registry's 9 inclusion and 19 exclusion criteria in its words.
      assertThat(results).hasSize(1 + 9 + 19);
      assertThat(results)
          .filteredOn(r -> r.getAttribute("class").contains("status-unknown"))
          .hasSize(9 + 18)
          .allSatisfy(
              r ->
                  assertThat(r.getText())
                      .contains(
                          "A coordinator must check this",
                          "the portal asks no question about this criterion."));

      open("/trials/" + DEVICE + "/check");
      Prescreener.walk(browser(), Map.of("age", "30", "pregnancy", "no"), this::submitAndWait);
      // "No" answers what the portal asked; the planned pregnancy is for the study team, like
      // every criterion it has not structured: never "You may qualify".
      assertThat(text(".result h2")).isEqualTo("A coordinator must check some answers");
      assertThat(criterion(sentence).getAttribute("class")).contains("status-unknown");
      assertThat(criterion(sentence).getText())
          .contains("the portal does not ask whether you plan to become pregnant.");
    } finally {
      signInAs("admin");
      uploadOnImportPage(zip("published-device", "NCT04207047.json"));
    }
    assertThat(PageText.of(get("/trials/" + DEVICE).body()))
        .contains("ClinicalTrials.gov lists it as \"Unknown\".");
  }

  /** The result for the criterion in these words. */
  private WebElement criterion(String wording) {
    return browser().findElements(By.cssSelector(".criterion-result")).stream()
        .filter(r -> r.findElement(By.cssSelector(".criterion-text")).getText().equals(wording))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no result for \"" + wording + "\": " + text("main")));
  }

  private static Path zipOf(String name, String entry, String content) throws IOException {
    Path zip = Files.createTempFile(name + "-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(entry));
      z.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Path named = zip.resolveSibling(name + ".zip");
    return Files.move(zip, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path zip(String name, String... files) throws IOException {
    Path zip = Files.createTempFile(name + "-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (String file : List.of(files)) {
        z.putNextEntry(new ZipEntry(file));
        z.write(Files.readAllBytes(RECORDS.resolve(file)));
        z.closeEntry();
      }
    }
    Path named = zip.resolveSibling(name + ".zip");
    return Files.move(zip, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  /** What a person reads: the page's text without markup, blanks collapsed. */
  static final class PageText {
    private PageText() {}

    static String of(String html) {
      return FacesForm.unescape(
              html.replaceAll("(?s)<head>.*?</head>", " ")
                  .replaceAll("(?s)<script.*?</script>", " ")
                  .replaceAll("<[^>]+>", " "))
          .replace("&nbsp;", " ")
          .replaceAll("\\s+", " ")
          .replace(" ,", ",")
          .replace(" .", ".")
          .strip();
    }
  }
}
