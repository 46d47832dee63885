package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The staff pages of issue 5 (sites list, site form with and without errors, audit trail) are valid
 * HTML (Nu Html Checker, in-process) and have no WCAG 2.1 A/AA violation axe-core can find.
 */
// What the browser shows does not depend on the database: run on the H2 pass only (.ci/run).
@Tag("database-independent")
class AdminPagesQualityIT extends PortalIT {
  private static final String CONTENT = "/admin/trials/content.xhtml?trial=NCT02633163";
  private static final String REQUESTS =
      "/admin/sites/requests.xhtml?trial=NCT02633163&site=cedars-sinai";

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by AdminPagesQualityIT");
  }

  @Test
  void theInvestigatorsPagesAreValidHtml() throws Exception {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    assertValid("/admin/sites/index.xhtml", investigator.get("/admin/sites/index.xhtml").body());
    assertValid(CedarsSite.EDIT, investigator.get(CedarsSite.EDIT).body());
    String withErrors =
        CedarsSite.save(investigator, Map.of("placesLeft", "-1", "contactEmail", "nope")).body();
    assertThat(withErrors).contains("Please give 0 or more.");
    assertValid(CedarsSite.EDIT + " (field errors)", withErrors);
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String verified =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify").body();
    assertThat(verified).contains("The chain is intact");
    assertValid("/admin/audit/index.xhtml (verified)", verified);
    for (String page :
        List.of(
            "/admin/accounts.xhtml",
            "/admin/accounts/edit.xhtml?user=investigator.cedars",
            "/admin/accounts/edit.xhtml?user=sponsor",
            REQUESTS,
            "/admin/trials/index.xhtml",
            CONTENT)) {
      assertValid(page, admin.get(page).body());
    }
    String refused =
        admin
            .submit(
                "/admin/accounts.xhtml",
                "create",
                Map.of("username", "x", "displayName", "", "password", "short"),
                "createAccount")
            .body();
    assertThat(refused).contains("A password needs at least 12 characters");
    assertValid("/admin/accounts.xhtml (field errors)", refused);
  }

  @Test
  void theInvestigatorsPagesPassAxe() {
    signInAs("admin");
    for (String page :
        List.of(
            "/admin/sites/index.xhtml",
            CedarsSite.EDIT,
            "/admin/audit/index.xhtml",
            "/admin/accounts.xhtml",
            "/admin/accounts/edit.xhtml?user=investigator.cedars",
            REQUESTS,
            "/admin/trials/index.xhtml",
            CONTENT,
            "/admin/trials/criteria.xhtml?trial=NCT02633163")) {
      open(page);
      assertNoViolations(page);
    }
    // The content page with a new, empty reference refused field by field.
    open(CONTENT);
    submitAndWait(By.id("content:addReference"));
    submitAndWait(By.id("content:save"));
    assertThat(browser().findElement(By.id("messages")).getText()).contains("nothing was saved");
    assertNoViolations(CONTENT + " (field errors)");
    open(CedarsSite.EDIT);
    browser().findElement(By.id("edit:placesLeft")).clear();
    browser().findElement(By.id("edit:placesLeft")).sendKeys("-2");
    submitAndWait(By.id("edit:save"));
    assertNoViolations(CedarsSite.EDIT + " (field errors)");
  }

  private void assertNoViolations(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser());
    assertThat(results.isErrored()).as("axe failed on %s", page).isFalse();
    String report =
        results.getViolations().stream()
            .map(
                r ->
                    "- "
                        + r.getId()
                        + ": "
                        + r.getHelp()
                        + " at "
                        + r.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"));
    assertThat(results.getViolations()).as("axe violations on %s:%n%s", page, report).isEmpty();
  }

  private static void assertValid(String page, String html) throws Exception {
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    String json =
        validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    List<JsonObject> messages;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      messages = reader.readObject().getJsonArray("messages").getValuesAs(JsonObject.class);
    }
    String errors =
        messages.stream()
            .filter(m -> !"info".equals(m.getString("type", "")))
            .map(
                m ->
                    "- line "
                        + m.getInt("lastLine", 0)
                        + ": "
                        + m.getString("message", "")
                        + " ["
                        + m.getString("extract", "").replace("\n", "↩")
                        + "]")
            .collect(Collectors.joining("\n"));
    assertThat(errors).as("Nu Html Checker errors on %s", page).isEmpty();
  }
}
