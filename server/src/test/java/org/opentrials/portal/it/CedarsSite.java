package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo site the investigator tests edit (Cedars-Sinai, NCT02633163): where its pages are, and a
 * way to put back the demo values, so that tests sharing the one server never see each other's
 * changes.
 */
final class CedarsSite {
  static final String KEY = "NCT02633163/cedars-sinai";
  static final String EDIT = "/admin/sites/edit.xhtml?trial=NCT02633163&site=cedars-sinai";
  static final String MUSC_EDIT =
      "/admin/sites/edit.xhtml?trial=NCT02633163&site=medical-university-of-south-carolina";
  static final String PUBLIC_TRIAL = "/trials/NCT02633163";
  static final String PUBLIC_SITE = "/trials/NCT02633163/sites/cedars-sinai";

  /** The demo values of the fields the tests change. */
  static final Map<String, String> DEMO_VALUES =
      Map.of(
          "status",
          "RECRUITING",
          "placesLeft",
          "",
          "placesLeftUntil",
          "",
          "contactName",
          "Bonnie Paul");

  private CedarsSite() {}

  static StaffSession signedIn(PortalServer server, String username) {
    StaffSession session = new StaffSession(server.baseUrl());
    HttpResponse<String> r = session.signIn(username, server.demoPassword(username));
    assertThat(r.statusCode()).as("%s signs in", username).isEqualTo(302);
    return session;
  }

  /**
   * Saves the edit form of the Cedars site as {@code session}'s user, with these fields changed.
   */
  static HttpResponse<String> save(StaffSession session, Map<String, String> changes) {
    return session.submit(session.form(EDIT, "edit"), changes, "save");
  }

  /** Puts the demo values back (as the site's investigator), if a test changed them. */
  static void restore(PortalServer server, String why) {
    StaffSession investigator = signedIn(server, "investigator.cedars");
    FacesForm form = investigator.form(EDIT, "edit");
    Map<String, String> back = new LinkedHashMap<>();
    DEMO_VALUES.forEach(
        (field, value) -> {
          if (!value.equals(form.value(field))) {
            back.put(field, value);
          }
        });
    if (!back.isEmpty()) {
      back.put("reason", why);
      HttpResponse<String> r = investigator.submit(form, back, "save");
      assertThat(r.body()).as("restoring the demo values of Cedars-Sinai").contains("Saved.");
    }
  }
}
