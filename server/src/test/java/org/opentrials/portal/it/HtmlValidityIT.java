package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3: the Nu Html Checker, run in-process (no network), finds no error in the pages that
 * {@link AccessibilityIT} checks, as the server sends them. Warnings are printed, not failed.
 */
// What the browser shows does not depend on the database: run on the H2 pass only (.ci/run).
@Tag("database-independent")
class HtmlValidityIT extends PortalIT {

  static java.util.stream.Stream<String> pages() {
    return AccessibilityIT.pages();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void isValidHtml(String path) throws Exception {
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).as(path).isIn(200, 404);
    assertValid(path, page);
  }

  @Test
  void theSpanishTrialPageIsValidHtml() throws Exception {
    HttpResponse<String> switched = get("/language?to=es&return=/trials/NCT02633163");
    String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    assertThat(cookie).isEqualTo("lang=es");
    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/trials/NCT02633163"))
                .header("Cookie", cookie)
                .GET()
                .build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("lang=\"es\"");
    assertValid("/trials/NCT02633163 (es)", page);
  }

  /**
   * The results the pre-screener shows for answers handed over in a POST body (issue 14): ruled out
   * for a time, the team must check, and the ranking of "Which trials might fit me?".
   */
  @Test
  void preScreeningResultsAreValidHtml() throws Exception {
    java.util.Map<String, String> ruledOut = new java.util.LinkedHashMap<>();
    PrescreenIT.eligibleVisitor().forEach((k, v) -> carry(ruledOut, k, v));
    carry(
        ruledOut,
        "medication.belimumab.last-taken",
        java.time.LocalDate.now().minusWeeks(6).toString());
    java.util.Map<String, String> toCheck = new java.util.LinkedHashMap<>();
    PrescreenIT.eligibleVisitor().forEach((k, v) -> carry(toCheck, k, v));
    toCheck.put("carry.infection.hiv", "dont-know");
    for (var c :
        java.util.List.of(
            java.util.Map.entry("/trials/NCT02633163/check", ruledOut),
            java.util.Map.entry("/trials/NCT02633163/check", toCheck),
            java.util.Map.entry("/match", ruledOut))) {
      HttpResponse<String> page = post(c.getKey(), c.getValue());
      assertThat(page.statusCode()).as(c.getKey()).isEqualTo(200);
      assertThat(page.body()).as(c.getKey()).containsAnyOf("class=\"result ", "class=\"matches\"");
      assertValid(c.getKey() + " (result)", page);
    }
  }

  /** A field as the pre-screener's page carries it: dates and "never" through their mode. */
  private static void carry(java.util.Map<String, String> form, String id, String value) {
    if (id.startsWith("medication.") || id.startsWith("condition.")) {
      boolean date = value.matches("\\d{4}-\\d{2}-\\d{2}");
      form.put("carry." + id + ".mode", date ? "date" : value);
      if (date) {
        form.put("carry." + id + ".date", value);
      }
    } else {
      form.put("carry." + id, value);
    }
  }

  private static HttpResponse<String> post(String path, java.util.Map<String, String> form) {
    StringBuilder body = new StringBuilder("q=lupus");
    form.forEach(
        (k, v) ->
            body.append('&')
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  static void assertValid(String path, HttpResponse<String> page) throws Exception {
    assertThat(page.headers().firstValue("Content-Type").orElse(""))
        .as(path)
        .startsWith("text/html");
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    String json =
        validator.validate(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
    List<JsonObject> messages;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      messages = reader.readObject().getJsonArray("messages").getValuesAs(JsonObject.class);
    }
    String[] lines = page.body().split("\n", -1);
    StringBuilder errors = new StringBuilder();
    StringBuilder warnings = new StringBuilder();
    Map<String, Integer> notes = new TreeMap<>();
    for (JsonObject m : messages) {
      if (!"info".equals(m.getString("type", ""))) {
        errors.append(describe(m, lines));
      } else if ("warning".equals(m.getString("subType", ""))) {
        warnings.append(describe(m, lines));
      } else {
        notes.merge(m.getString("message", ""), 1, Integer::sum);
      }
    }
    notes.forEach(
        (note, count) -> warnings.append(String.format("- info (%d×): %s%n", count, note)));
    if (!warnings.isEmpty()) {
      System.out.printf("Nu Html Checker warnings on %s:%n%s", path, warnings);
    }
    if (!errors.isEmpty()) {
      System.out.printf("Nu Html Checker errors on %s:%n%s", path, errors);
    }
    assertThat(errors.toString()).as("Nu Html Checker errors on %s", path).isEmpty();
  }

  private static String describe(JsonObject m, String[] lines) {
    String kind = m.getString("subType", m.getString("type", "?"));
    int line = m.getInt("lastLine", m.getInt("firstLine", 0));
    StringBuilder out =
        new StringBuilder(
            String.format("- %s line %d: %s%n", kind, line, m.getString("message", "")));
    if (m.containsKey("extract")) {
      out.append("    ").append(m.getString("extract").replace("\n", "↩")).append('\n');
    } else if (line > 0 && line <= lines.length) {
      out.append("    ").append(lines[line - 1].strip()).append('\n');
    }
    return out.toString();
  }
}
