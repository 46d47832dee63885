package org.opentrials.portal.services.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentrials.portal.domain.site.Site;
import org.opentrials.portal.services.demo.MisleDemoTrial;
import org.opentrials.portal.services.geo.Gazetteer;
import org.opentrials.portal.services.geo.Place;
import org.opentrials.portal.services.persistence.JpaSiteRepository;
import org.opentrials.portal.services.persistence.JpaTrialRepository;
import org.opentrials.portal.services.persistence.TestDatabase;
import org.opentrials.portal.services.trials.TestTrialPages;

/**
 * The portal JSON of the demo trial: every field present, nulls explicit, ISO dates, nearest site
 * first.
 */
class TrialJsonTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
  static TestDatabase db;

  @BeforeAll
  static void loadDemoTrial() {
    db = new TestDatabase();
    db.inTransaction(
        em -> {
          new JpaTrialRepository(em).add(MisleDemoTrial.trial());
          for (Site site : MisleDemoTrial.sites()) {
            Gazetteer.shared()
                .findByCity(site.city(), site.state())
                .ifPresent(p -> site.locateAt(p.point()));
            new JpaSiteRepository(em).add(site);
          }
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static JsonObject json(Place near) {
    AtomicReference<JsonObject> json = new AtomicReference<>();
    db.inTransaction(
        em ->
            json.set(
                TrialJson.of(
                    TestTrialPages.over(em, CLOCK)
                        .findTrialPage(
                            MisleDemoTrial.NCT, Optional.ofNullable(near).map(Place::point))
                        .orElseThrow(),
                    near,
                    near == null ? null : "94301",
                    "https://portal.example")));
    return json.get();
  }

  @Test
  void theDemoTrialAsItsPageShowsIt() {
    JsonObject t = json(null);
    assertThat(t.getString("nct")).isEqualTo("NCT02633163");
    assertThat(t.getString("pageUrl")).isEqualTo("https://portal.example/trials/NCT02633163");
    assertThat(t.getString("briefTitle")).isEqualTo("Mesenchymal Stem Cells for Lupus");
    assertThat(t.getString("acronym")).isEqualTo("MiSLE");
    assertThat(t.getJsonArray("phases")).containsExactly(jakarta.json.Json.createValue("PHASE2"));
    assertThat(t.getString("overallStatus")).isEqualTo("RECRUITING");
    assertThat(t.get("statusVerifiedOn")).isEqualTo(JsonValue.NULL);
    assertThat(t.getBoolean("statusMayBeOutdated")).isTrue();
    assertThat(t.getInt("placesLeft")).isEqualTo(4);
    assertThat(t.getString("placesLeftUntil")).isEqualTo("2025-08-31");
    assertThat(t.getString("overseenBy")).isEqualTo("Gary S. Gilkeson, MD");
    assertThat(t.getJsonObject("eligibility").getInt("minimumAgeYears")).isEqualTo(18);
    assertThat(t.getJsonObject("eligibility").getInt("maximumAgeYears")).isEqualTo(65);
    assertThat(t.get("near")).isEqualTo(JsonValue.NULL);
    JsonObject cedars = t.getJsonArray("sites").getJsonObject(5);
    assertThat(cedars.getString("slug")).isEqualTo("cedars-sinai");
    assertThat(cedars.getString("pageUrl"))
        .isEqualTo("https://portal.example/trials/NCT02633163/sites/cedars-sinai");
    assertThat(cedars.getString("status")).isEqualTo("RECRUITING");
    assertThat(cedars.getJsonObject("contact").getString("phone")).isEqualTo("310-423-2422");
    assertThat(cedars.get("placesLeft")).isEqualTo(JsonValue.NULL);
    assertThat(cedars.get("distanceMiles")).isEqualTo(JsonValue.NULL);
    JsonObject paloAlto = t.getJsonArray("sites").getJsonObject(0);
    assertThat(paloAlto.get("contact")).isEqualTo(JsonValue.NULL);
    assertThat(paloAlto.get("facility")).isEqualTo(JsonValue.NULL);
    assertThat(paloAlto.getJsonObject("location").getJsonNumber("latitude").doubleValue())
        .isBetween(37.3, 37.5);
    // The same keys on every site, whatever it has.
    assertThat(t.getJsonArray("sites"))
        .extracting(s -> s.asJsonObject().keySet())
        .allMatch(cedars.keySet()::equals);
  }

  @Test
  void aVisitorsPlaceSortsTheSitesNearestFirst() {
    Place paloAlto = Gazetteer.shared().findByZip("94301").orElseThrow();
    JsonObject t = json(paloAlto);
    assertThat(t.getJsonObject("near").getString("label")).isEqualTo("Palo Alto, CA 94301");
    assertThat(t.getJsonObject("near").getString("query")).isEqualTo("94301");
    var sites = t.getJsonArray("sites");
    assertThat(sites.getJsonObject(0).getString("name")).isEqualTo("Palo Alto");
    assertThat(sites.getJsonObject(1).getString("name")).isEqualTo("Cedars-Sinai Medical Center");
    double cedarsMiles = sites.getJsonObject(1).getJsonNumber("distanceMiles").doubleValue();
    assertThat(cedarsMiles).isBetween(300.0, 340.0);
    assertThat(sites.getJsonObject(1).getJsonNumber("distanceKm").doubleValue())
        .isCloseTo(cedarsMiles * 1.609344, org.assertj.core.data.Offset.offset(0.1));
    assertThat(sites.getJsonObject(5).getString("city")).isEqualTo("Manhasset");
  }
}
