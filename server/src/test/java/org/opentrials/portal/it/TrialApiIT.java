package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.services.interop.R4Validator;

/**
 * GET /api/trials/{nct} and /api/trials/{nct}/fhir over HTTP against the real server and its demo
 * content.
 */
class TrialApiIT extends PortalIT {
  private static final String DEMO = "/api/trials/NCT02633163";

  /** Every trial the demo server publishes: MiSLE and the three imported registry records. */
  private static final List<String> PUBLISHED =
      List.of("NCT02633163", "NCT03475563", "NCT06171568", "NCT03418623");

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by TrialApiIT");
  }

  private static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static HttpResponse<String> get(String path, String header, String value) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header(header, value)
            .GET()
            .build());
  }

  private static JsonObject site(JsonObject trial, String slug) {
    return trial.getJsonArray("sites").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("slug").equals(slug))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDemoTrialSaysWhatItsSeedPagesSay() {
    HttpResponse<String> r = get(DEMO);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            t ->
                assertThat(t.replace(" ", "").toLowerCase())
                    .isEqualTo("application/json;charset=utf-8"));
    assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    JsonObject t = json(r);
    assertThat(t.getString("nct")).isEqualTo("NCT02633163");
    assertThat(t.getString("pageUrl")).isEqualTo(server.baseUrl() + "/trials/NCT02633163");
    assertThat(t.getString("briefTitle")).isEqualTo("Mesenchymal Stem Cells for Lupus");
    assertThat(t.getString("acronym")).isEqualTo("MiSLE");
    assertThat(t.getJsonArray("phases").getString(0)).isEqualTo("PHASE2");
    assertThat(t.getJsonArray("conditions").getString(0)).isEqualTo("Systemic Lupus Erythematosus");
    assertThat(t.getString("overallStatus")).isEqualTo("RECRUITING");
    assertThat(t.get("statusVerifiedOn")).isEqualTo(JsonValue.NULL); // neither seed page dates it
    assertThat(t.getBoolean("statusMayBeOutdated")).isTrue();
    assertThat(t.getInt("placesLeft")).isEqualTo(4);
    assertThat(t.getString("placesLeftUntil")).isEqualTo("2025-08-31");
    assertThat(t.getString("leadSponsor")).isEqualTo("Medical University of South Carolina");
    assertThat(t.getString("overseenBy")).isEqualTo("Gary S. Gilkeson, MD");
    assertThat(t.getString("travelSupport")).isEqualTo("MAY_BE_COVERED");
    assertThat(t.getString("timeReimbursement")).isEqualTo("VARIES");
    JsonObject eligibility = t.getJsonObject("eligibility");
    assertThat(eligibility.getInt("minimumAgeYears")).isEqualTo(18);
    assertThat(eligibility.getInt("maximumAgeYears")).isEqualTo(65);
    assertThat(eligibility.getBoolean("prescreeningAvailable")).isTrue();
    assertThat(eligibility.getJsonArray("exclusion").toString()).contains("major organ transplant");
    assertThat(t.getJsonArray("groups"))
        .extracting(g -> g.asJsonObject().getString("label"))
        .containsExactly(
            "Group I: Low Dose Mesenchymal Stem Cells (MSCs)",
            "Group II: High Dose Mesenchymal Stem Cells (MSCs)",
            "Group III: Plasma Lyte A Solution");
    JsonObject lowDose =
        t.getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("interventions")
            .getJsonObject(0)
            .getJsonObject("dose");
    assertThat(lowDose.getJsonNumber("amount").intValue())
        .isEqualTo(1_000_000); // "1 × 10⁶ cells/kg"
    assertThat(lowDose.getString("unit")).isEqualTo("cells");
    assertThat(lowDose.getBoolean("perKilogram")).isTrue();
    assertThat(t.getJsonArray("references").toString())
        .contains("good safety profile of allogeneic UC MSCs");
    assertThat(t.getJsonArray("sites"))
        .extracting(s -> s.asJsonObject().getString("name"))
        .containsExactly(
            "Palo Alto",
            "Medical University of South Carolina",
            "University of California - San Diego",
            "Northwestern University",
            "The Feinstein Institute for Medical Research",
            "Cedars-Sinai Medical Center");
    JsonObject cedars = site(t, "cedars-sinai");
    assertThat(cedars.getString("status")).isEqualTo("RECRUITING");
    assertThat(cedars.getBoolean("recruiting")).isTrue();
    assertThat(cedars.getString("principalInvestigator")).isEqualTo("Mariko Ishimori, MD");
    assertThat(cedars.getJsonObject("contact"))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("name", "Bonnie Paul")
                .add("phone", "310-423-2422")
                .add("email", "bonnie.paul@cshs.org")
                .build());
    assertThat(cedars.getString("displayTitle")).contains("IRB no. 39875");
    assertThat(cedars.getString("pageUrl"))
        .isEqualTo(server.baseUrl() + "/trials/NCT02633163/sites/cedars-sinai");
    assertThat(cedars.getJsonObject("location").getJsonNumber("latitude").doubleValue())
        .isBetween(33.9, 34.2);
  }

  @Test
  void clientsMayKeepACopyButMustAskEachTime() {
    HttpResponse<String> first = get(DEMO);
    assertThat(first.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-cache").doesNotContain("max-age"));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get(DEMO, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aPlaceSortsTheSitesByDistanceAndIsNotStoredAnywhere() {
    HttpResponse<String> r = get(DEMO + "?near=94301");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    JsonObject t = json(r);
    assertThat(t.getJsonObject("near").getString("label")).isEqualTo("Palo Alto, CA 94301");
    JsonArray sites = t.getJsonArray("sites");
    assertThat(sites.getJsonObject(0).getString("name")).isEqualTo("Palo Alto");
    assertThat(sites.getJsonObject(0).getJsonNumber("distanceMiles").doubleValue()).isLessThan(10);
    assertThat(sites.getJsonObject(1).getString("name")).isEqualTo("Cedars-Sinai Medical Center");
    assertThat(sites.getJsonObject(1).getJsonNumber("distanceMiles").doubleValue())
        .isBetween(300.0, 340.0);
    assertThat(sites.getJsonObject(sites.size() - 1).getString("city")).isEqualTo("Manhasset");

    assertThat(
            json(get(DEMO + "?near=Los%20Angeles,%20CA"))
                .getJsonArray("sites")
                .getJsonObject(0)
                .getString("name"))
        .isEqualTo("Cedars-Sinai Medical Center");

    HttpResponse<String> unknown = get(DEMO + "?near=Atlantis");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).getString("field")).isEqualTo("near");
    assertThat(json(unknown).getString("error")).contains("We could not find this place");
  }

  @Test
  void anInvestigatorsStatusChangeShowsAtOnceInJsonAndFhir() {
    HttpResponse<String> before = get(DEMO);
    String etag = before.headers().firstValue("ETag").orElseThrow();
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    HttpResponse<String> saved =
        CedarsSite.save(
            investigator,
            Map.of(
                "status",
                "ACTIVE_NOT_RECRUITING",
                "placesLeft",
                "2",
                "reason",
                "Infusion unit closed for a month"));
    assertThat(saved.body()).contains("Saved.");

    HttpResponse<String> after = get(DEMO, "If-None-Match", etag);
    assertThat(after.statusCode()).isEqualTo(200);
    JsonObject cedars = site(json(after), "cedars-sinai");
    assertThat(cedars.getString("status")).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(cedars.getBoolean("recruiting")).isFalse();
    assertThat(cedars.getInt("placesLeft")).isEqualTo(2);
    assertThat(cedars.getBoolean("statusMayBeOutdated")).isFalse();
    assertThat(cedars.getString("statusVerifiedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(
            location(json(get(DEMO + "/fhir")), "Cedars-Sinai Medical Center")
                .getString("description"))
        .endsWith("ACTIVE_NOT_RECRUITING");
  }

  @Test
  void everyPublishedTrialIsAValidR4ResearchStudy() {
    R4Validator validator = new R4Validator();
    for (String nct : PUBLISHED) {
      HttpResponse<String> r = get("/api/trials/" + nct + "/fhir");
      assertThat(r.statusCode()).as(nct).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(
              t ->
                  assertThat(t.replace(" ", "").toLowerCase())
                      .isEqualTo("application/fhir+json;charset=utf-8"));
      assertThat(validator.errors(r.body())).as("R4 errors in %s:%n%s", nct, r.body()).isEmpty();
      assertThat(json(r).getJsonArray("identifier").getJsonObject(0).getString("value"))
          .isEqualTo(nct);
    }
    JsonObject misle = json(get(DEMO + "/fhir"));
    assertThat(misle.getString("status")).isEqualTo("active");
    assertThat(misle.getJsonArray("identifier").getJsonObject(0).getString("system"))
        .isEqualTo("https://clinicaltrials.gov");
    JsonObject cedars = location(misle, "Cedars-Sinai Medical Center");
    assertThat(cedars.getJsonObject("address").getString("city")).isEqualTo("Los Angeles");
    assertThat(cedars.getJsonObject("position").getJsonNumber("longitude").doubleValue())
        .isBetween(-118.5, -118.2);
    assertThat(cedars.getJsonArray("telecom").toString())
        .contains("310-423-2422", "bonnie.paul@cshs.org");
  }

  @Test
  void unknownOrMalformedTrialsAreNotFound() {
    HttpResponse<String> unknown = get("/api/trials/NCT99999999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(unknown).getString("error")).isEqualTo("No published trial NCT99999999.");
    HttpResponse<String> malformed = get("/api/trials/NCT123'%3Cscript%3E");
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(json(malformed).getString("error"))
        .startsWith("Not an NCT number")
        .doesNotContain("script");
    HttpResponse<String> fhir = get("/api/trials/NCT99999999/fhir");
    assertThat(fhir.statusCode()).isEqualTo(404);
    assertThat(fhir.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
    assertThat(json(fhir).getString("resourceType")).isEqualTo("OperationOutcome");
    assertThat(json(fhir).getJsonArray("issue").getJsonObject(0).getString("code"))
        .isEqualTo("not-found");
  }

  private static JsonObject location(JsonObject study, String name) {
    String reference =
        study.getJsonArray("site").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> name.equals(s.getString("display")))
            .findFirst()
            .orElseThrow()
            .getString("reference");
    return study.getJsonArray("contained").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> reference.equals("#" + c.getString("id")))
        .findFirst()
        .orElseThrow();
  }
}
