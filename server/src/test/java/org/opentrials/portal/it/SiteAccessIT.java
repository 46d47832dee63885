package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An investigator sees and changes only their own sites, whatever ids they put in a request; a try
 * looks like a page that does not exist and is recorded in the audit trail.
 */
class SiteAccessIT extends PortalIT {

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by SiteAccessIT");
  }

  @Test
  void anotherSiteIsNeitherListedNorOpenable() {
    StaffSession musc = CedarsSite.signedIn(server, "investigator.musc");
    String list = musc.get("/admin/sites/index.xhtml").body();
    assertThat(list)
        .contains("Medical University of South Carolina")
        .doesNotContain("Cedars-Sinai");

    HttpResponse<String> edit = musc.get(CedarsSite.EDIT);
    assertThat(edit.statusCode()).isEqualTo(404);
    assertThat(edit.body())
        .contains("Page not found")
        .doesNotContain("Cedars", "Bonnie", "AccessDenied", "Exception");
    assertThat(musc.get("/admin/sites/edit.xhtml?trial=NCT02633163&site=no-such-site").statusCode())
        .isEqualTo(404);
    assertThat(musc.get("/admin/sites/edit.xhtml?trial=NCT02633163").statusCode()).isEqualTo(404);
    assertThat(musc.get(CedarsSite.MUSC_EDIT).statusCode())
        .as("their own site opens")
        .isEqualTo(200);
  }

  @Test
  void aForgedPostForAnotherSiteIsRefusedAndRecorded() {
    StaffSession musc = CedarsSite.signedIn(server, "investigator.musc");
    // A real form of their own site, its view state and all, posted with the other site's ids.
    FacesForm own = musc.form(CedarsSite.MUSC_EDIT, "edit");
    Map<String, String> forged =
        new java.util.LinkedHashMap<>(
            own.submission(
                Map.of("status", "WITHDRAWN", "reason", "forged by SiteAccessIT"), "save"));
    forged.put("trial", "NCT02633163");
    forged.put("site", "cedars-sinai");
    HttpResponse<String> r =
        musc.post("/admin/sites/edit.xhtml?trial=NCT02633163&site=cedars-sinai", forged);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Page not found").doesNotContain("Saved.");
    assertThat(get(CedarsSite.PUBLIC_SITE).body())
        .contains("Recruiting")
        .doesNotContain("Withdrawn");
    assertThat(musc.form(CedarsSite.MUSC_EDIT, "edit").value("status"))
        .as("their own site untouched")
        .isEqualTo("RECRUITING");

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String audit =
        admin
            .get(
                "/admin/audit/index.xhtml?actor=investigator.musc&action=ACCESS_DENIED&entity="
                    + CedarsSite.KEY)
            .body();
    assertThat(audit)
        .contains(
            "data-action=\"ACCESS_DENIED\"",
            "NCT02633163/cedars-sinai",
            "tried to change the site",
            "investigator.musc");
  }

  @Test
  void sponsorStaffSeeTheirTrialsSitesButChangeNone() {
    StaffSession sponsor = CedarsSite.signedIn(server, "sponsor");
    String list = sponsor.get("/admin/sites/index.xhtml").body();
    assertThat(list)
        .contains("Cedars-Sinai Medical Center", "Medical University of South Carolina")
        .doesNotContain("sites/edit.xhtml");
    assertThat(sponsor.get(CedarsSite.EDIT).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsReachTheAuditTrail() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    assertThat(investigator.get("/admin/audit/index.xhtml").statusCode()).isEqualTo(404);
    assertThat(investigator.get("/admin/audit/export.csv").statusCode()).isEqualTo(404);
    assertThat(investigator.get("/admin/audit/export.csv").body())
        .doesNotContain("occurred_at_utc");
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    assertThat(admin.get("/admin/audit/index.xhtml").statusCode()).isEqualTo(200);
  }
}
