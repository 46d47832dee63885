package org.opentrials.portal.web.trial;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.opentrials.portal.services.trials.SiteView;
import org.opentrials.portal.services.trials.TrialPageView;

/** schema.org MedicalTrial for a trial page, so that search engines can show it to patients. */
final class TrialStructuredData {
  private static final Map<String, String> STATUS =
      Map.of(
          "RECRUITING", "https://schema.org/Recruiting",
          "NOT_YET_RECRUITING", "https://schema.org/NotYetRecruiting",
          "ACTIVE_NOT_RECRUITING", "https://schema.org/ActiveNotRecruiting",
          "ENROLLING_BY_INVITATION", "https://schema.org/EnrollingByInvitation",
          "COMPLETED", "https://schema.org/Completed",
          "SUSPENDED", "https://schema.org/Suspended",
          "TERMINATED", "https://schema.org/Terminated",
          "WITHDRAWN", "https://schema.org/Withdrawn");

  private TrialStructuredData() {}

  static String of(TrialPageView t, String canonicalUrl) {
    JsonObjectBuilder trial =
        Json.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "MedicalTrial")
            .add("@id", canonicalUrl)
            .add("url", canonicalUrl)
            .add("name", t.briefTitle())
            .add("identifier", t.nct());
    if (t.acronym() != null) {
      trial.add("alternateName", t.acronym());
    }
    if (t.officialTitle() != null) {
      trial.add("alternateName", t.officialTitle());
    }
    String description = t.plainSummary() != null ? t.plainSummary() : t.briefSummary();
    if (description != null) {
      trial.add("description", description);
    }
    JsonArrayBuilder conditions = Json.createArrayBuilder();
    t.conditions()
        .forEach(
            c ->
                conditions.add(
                    Json.createObjectBuilder().add("@type", "MedicalCondition").add("name", c)));
    trial.add("healthCondition", conditions);
    if (!t.phases().isEmpty()) {
      trial.add(
          "phase",
          t.phases().get(0).replace("PHASE", "Phase ").replace("EARLY_Phase ", "Early Phase "));
    }
    if (STATUS.containsKey(t.overallStatus())) {
      trial.add("status", STATUS.get(t.overallStatus()));
    }
    trial.add(
        "sponsor",
        Json.createObjectBuilder().add("@type", "Organization").add("name", t.leadSponsor()));
    JsonArrayBuilder locations = Json.createArrayBuilder();
    for (SiteView s : t.sites()) {
      JsonObjectBuilder address =
          Json.createObjectBuilder().add("@type", "PostalAddress").add("addressLocality", s.city());
      if (s.state() != null) {
        address.add("addressRegion", s.state());
      }
      if (s.postalCode() != null) {
        address.add("postalCode", s.postalCode());
      }
      if (s.country() != null) {
        address.add("addressCountry", s.country());
      }
      JsonObjectBuilder place =
          Json.createObjectBuilder()
              .add("@type", "Place")
              .add("name", s.name())
              .add("address", address);
      if (s.latitude() != null) {
        place.add(
            "geo",
            Json.createObjectBuilder()
                .add("@type", "GeoCoordinates")
                .add("latitude", s.latitude())
                .add("longitude", s.longitude()));
      }
      locations.add(place);
    }
    trial.add("studyLocation", locations);
    return trial.build().toString();
  }
}
