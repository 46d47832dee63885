package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix of the administration, every role against every kind of page (anonymous
 * included), with ids tampered and forms replayed: a page a role may not open answers exactly as a
 * missing one (404), an anonymous caller is sent to sign in, and a form kept from another session
 * or from before sign-out changes nothing.
 */
class PermissionMatrixIT extends PortalIT {
  private static final String CEDARS_REQUESTS =
      "/admin/sites/requests.xhtml?trial=NCT02633163&site=cedars-sinai";
  private static final String MUSC_REQUESTS =
      "/admin/sites/requests.xhtml?trial=NCT02633163&site=medical-university-of-south-carolina";

  /** Page -> expected status for admin, sponsor, investigator.cedars, investigator.musc. */
  private static final Map<String, List<Integer>> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("/admin/", List.of(200, 200, 200, 200));
    MATRIX.put("/admin/sites/index.xhtml", List.of(200, 200, 200, 200));
    MATRIX.put(CedarsSite.EDIT, List.of(200, 404, 200, 404));
    MATRIX.put(CedarsSite.MUSC_EDIT, List.of(200, 404, 404, 200));
    MATRIX.put(CEDARS_REQUESTS, List.of(200, 404, 200, 404));
    MATRIX.put(MUSC_REQUESTS, List.of(200, 404, 404, 200));
    MATRIX.put("/admin/trials/index.xhtml", List.of(200, 200, 404, 404));
    MATRIX.put("/admin/accounts.xhtml", List.of(200, 404, 404, 404));
    MATRIX.put("/admin/accounts/edit.xhtml?user=sponsor", List.of(200, 404, 404, 404));
    MATRIX.put("/admin/audit/index.xhtml", List.of(200, 404, 404, 404));
    MATRIX.put("/admin/audit/export.csv", List.of(200, 404, 404, 404));
    MATRIX.put("/admin/imports/index.xhtml", List.of(200, 404, 404, 404));
    // Tampered ids: none of them opens anything for anyone (a NUL is refused as a bad request, the
    // same for every role: on PostgreSQL it was a 500).
    MATRIX.put(
        "/admin/sites/edit.xhtml?trial=NCT02633163&site=cedars-sinai%00",
        List.of(400, 400, 400, 400));
    MATRIX.put(
        "/admin/sites/edit.xhtml?trial=NCT99999999&site=cedars-sinai", List.of(404, 404, 404, 404));
    MATRIX.put(
        "/admin/sites/requests.xhtml?trial=NCT02633163&site=../cedars-sinai",
        List.of(404, 404, 404, 404));
    MATRIX.put("/admin/accounts/edit.xhtml?user=admin%27--", List.of(404, 404, 404, 404));
  }

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "after the permission matrix test");
  }

  @Test
  void everyRoleGetsExactlyItsPagesAndRefusalsLookMissing() {
    List<String> roles = List.of("admin", "sponsor", "investigator.cedars", "investigator.musc");
    SoftAssertions soft = new SoftAssertions();
    int checked = 0;
    for (int i = 0; i < roles.size(); i++) {
      StaffSession session = CedarsSite.signedIn(server, roles.get(i));
      for (Map.Entry<String, List<Integer>> e : MATRIX.entrySet()) {
        HttpResponse<String> r = session.get(e.getKey());
        soft.assertThat(r.statusCode())
            .as(roles.get(i) + " " + e.getKey())
            .isEqualTo(e.getValue().get(i));
        if (r.statusCode() == 404) {
          soft.assertThat(r.body())
              .as(roles.get(i) + " " + e.getKey())
              .doesNotContain("Signed in as");
        }
        checked++;
      }
    }
    StaffSession anonymous = new StaffSession(server.baseUrl());
    for (String page : MATRIX.keySet()) {
      HttpResponse<String> r = anonymous.get(page);
      soft.assertThat(r.statusCode()).as("anonymous " + page).isEqualTo(302);
      soft.assertThat(r.headers().firstValue("Location"))
          .as("anonymous " + page)
          .contains("/admin/login.xhtml");
      checked++;
    }
    System.out.printf("PermissionMatrixIT: %d role/page pairs checked%n", checked);
    soft.assertAll();
  }

  @Test
  void formsReplayedInAnotherSessionOrAfterSignOutChangeNothing() {
    StaffSession cedars = CedarsSite.signedIn(server, "investigator.cedars");
    FacesForm kept = cedars.form(CedarsSite.EDIT, "edit");

    // The same form, with its view state, posted in the other investigator's session.
    StaffSession musc = CedarsSite.signedIn(server, "investigator.musc");
    HttpResponse<String> elsewhere =
        musc.submit(kept, Map.of("contactName", "Replayed elsewhere", "reason", "replay"), "save");
    assertThat(elsewhere.statusCode()).isBetween(400, 404);
    assertThat(elsewhere.body()).doesNotContain("Saved.");

    // The same form after its own session signed out.
    cedars.signOut("/admin/sites/index.xhtml");
    HttpResponse<String> afterSignOut =
        cedars.submit(kept, Map.of("contactName", "Replayed later", "reason", "replay"), "save");
    assertThat(afterSignOut.body()).doesNotContain("Saved.");
    assertThat(get(CedarsSite.PUBLIC_SITE).body())
        .doesNotContain("Replayed elsewhere", "Replayed later");
  }
}
