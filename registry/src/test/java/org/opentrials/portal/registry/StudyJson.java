package org.opentrials.portal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds small API v2 study records for tests: a valid minimal study by default, with as many
 * locations as asked. Real records come from {@link Registry#record(String)}.
 */
final class StudyJson {
  private final String nct;
  private String status = "RECRUITING";
  private String criteria =
      "Inclusion Criteria:\\n\\n* Adults\\n\\nExclusion Criteria:\\n\\n* Pregnancy";
  private final List<String> locations = new ArrayList<>();

  private StudyJson(String nct) {
    this.nct = nct;
  }

  static StudyJson study(String nct) {
    return new StudyJson(nct);
  }

  /** NCT number of the n-th generated study: NCT10000000 + n. */
  static String nct(int n) {
    return String.format(Locale.ROOT, "NCT%08d", 10_000_000 + n);
  }

  StudyJson status(String status) {
    this.status = status;
    return this;
  }

  StudyJson criteria(String jsonEscapedText) {
    this.criteria = jsonEscapedText;
    return this;
  }

  /** A location; facility may repeat across locations, as "Research Site" does in real records. */
  StudyJson location(String facility, String city, String zip, String siteStatus) {
    locations.add(
        """
        {"facility": "%s", "status": "%s", "city": "%s", "zip": "%s", "country": "United States",
         "contacts": [{"name": "Coordinator %d", "role": "CONTACT", "phone": "555-010-%04d", "email": "site%d@example.org"}],
         "geoPoint": {"lat": %.4f, "lon": %.4f}}"""
            .formatted(
                facility,
                siteStatus,
                city,
                zip,
                locations.size(),
                locations.size() % 10_000,
                locations.size(),
                30 + (locations.size() % 150) / 10.0,
                -120 + (locations.size() % 400) / 10.0));
    return this;
  }

  /**
   * A location as some records give it: an address without a geoPoint. Null fields are left out.
   */
  StudyJson addressOnly(String facility, String city, String state, String zip, String country) {
    StringBuilder fields =
        new StringBuilder("\"facility\": \"" + facility + "\", \"status\": \"RECRUITING\"");
    for (String[] field :
        new String[][] {{"city", city}, {"state", state}, {"zip", zip}, {"country", country}}) {
      if (field[1] != null) {
        fields.append(", \"").append(field[0]).append("\": \"").append(field[1]).append('"');
      }
    }
    locations.add("{" + fields + "}");
    return this;
  }

  /**
   * n locations, every seventh a "Research Site" (the name many sponsors use for all their sites).
   */
  StudyJson locations(int n) {
    for (int i = 0; i < n; i++) {
      String facility = i % 7 == 0 ? "Research Site" : "Clinic " + i;
      location(
          facility,
          "City " + (i % 50),
          String.format(Locale.ROOT, "%05d", 10_000 + i),
          "RECRUITING");
    }
    return this;
  }

  String json() {
    return """
        {"protocolSection": {
          "identificationModule": {"nctId": "%s", "briefTitle": "Generated study %s",
            "organization": {"fullName": "Test Sponsor"}},
          "statusModule": {"statusVerifiedDate": "2024-01", "overallStatus": "%s"},
          "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Test Sponsor", "class": "INDUSTRY"}},
          "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"],
            "enrollmentInfo": {"count": 40, "type": "ESTIMATED"}},
          "eligibilityModule": {"eligibilityCriteria": "%s", "sex": "FEMALE", "minimumAge": "18 Years"},
          "contactsLocationsModule": {"locations": [%s]}
        }}"""
        .formatted(nct, nct, status, criteria, String.join(",", locations));
  }
}
