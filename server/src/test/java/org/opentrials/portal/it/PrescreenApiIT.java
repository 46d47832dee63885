package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JSON API a partner site uses to embed the pre-screener. */
class PrescreenApiIT extends PortalIT {

  private static HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static String answers(Map<String, String> answers) {
    return "{\"answers\": {"
        + answers.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining(", "))
        + "}}";
  }

  @Test
  void theQuestionnaireListsStepsAndQuestionsInTheAskedLanguage() {
    HttpResponse<String> r = get("/api/trials/NCT02633163/questionnaire");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonObject q = json(r);
    assertThat(q.getString("trial")).isEqualTo("NCT02633163");
    assertThat(q.getJsonArray("steps")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(r.body()).contains("\"id\":\"age\"", "How old are you?", "belimumab");
    assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(get("/api/trials/NCT02633163/questionnaire?lang=es").body()).contains("¿");
  }

  @Test
  void anEligibleAnswerSetIsLikelyEligibleCriterionByCriterion() {
    HttpResponse<String> r =
        post("/api/trials/NCT02633163/prescreen", answers(PrescreenIT.eligibleVisitor()));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject result = json(r);
    assertThat(result.getString("verdict")).isEqualTo("LIKELY_ELIGIBLE");
    assertThat(result.getJsonArray("criteria"))
        .hasSize(16)
        .allSatisfy(c -> assertThat(c.asJsonObject().getString("status")).isEqualTo("MET"));
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
  }

  @Test
  void missingAnswersNeverMakeAnyoneEligible() {
    HttpResponse<String> r =
        post("/api/trials/NCT02633163/prescreen", "{\"answers\": {\"age\": 30}}");
    assertThat(json(r).getString("verdict")).isEqualTo("NEEDS_REVIEW");
    var ageOnly = post("/api/trials/NCT02633163/prescreen", "{\"answers\": {\"age\": 70}}");
    assertThat(json(ageOnly).getString("verdict")).isEqualTo("NOT_ELIGIBLE");
  }

  @Test
  void badRequestsGetAClearMessage() {
    HttpResponse<String> invalid =
        post("/api/trials/NCT02633163/prescreen", "{\"answers\": {\"age\": 30,,}}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).getString("error")).contains("Invalid JSON at line 1");

    HttpResponse<String> badValue =
        post("/api/trials/NCT02633163/prescreen", "{\"answers\": {\"age\": \"very old\"}}");
    assertThat(badValue.statusCode()).isEqualTo(400);
    assertThat(json(badValue).getJsonArray("errors").getJsonObject(0).getString("question"))
        .isEqualTo("age");

    HttpResponse<String> noAnswers = post("/api/trials/NCT02633163/prescreen", "[1, 2]");
    assertThat(noAnswers.statusCode()).isEqualTo(400);
    assertThat(noAnswers.body()).doesNotContain("Exception");

    HttpResponse<String> unknown = get("/api/trials/NCT99999999/questionnaire");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).getString("error")).contains("NCT99999999");
  }

  /** Finding F6: hostile JSON is a 400 with a message, never a 500, and nothing may trail. */
  @Test
  void hostileJsonIsRefusedWithAMessage() {
    String deep = "{\"answers\": {\"age\": " + "[".repeat(999) + "]".repeat(999) + "}}";
    String longNumber = "{\"answers\": {\"age\": " + "9".repeat(1101) + "}}";
    String exponent = "{\"answers\": {\"age\": 1e999999999}}";
    String trailing = "{\"answers\": {}} garbage";
    String twoObjects = "{\"answers\": {}} {\"answers\": {}}";
    for (String body : new String[] {deep, longNumber, exponent, trailing, twoObjects}) {
      HttpResponse<String> r = post("/api/trials/NCT02633163/prescreen", body);
      String shown = body.substring(0, Math.min(40, body.length()));
      assertThat(r.statusCode()).as(shown).isEqualTo(400);
      assertThat(json(r).getString("error")).as(shown).isNotBlank().doesNotContain("Exception");
    }
  }
}
