package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An administrator uploads ClinicalTrials.gov records on /admin/imports/: the page follows the
 * import and shows its report, the change is on the public page and in the audit trail under the
 * administrator's name; a malformed file is reported with its line and column; nobody else reaches
 * the page.
 */
class ImportUploadIT extends PortalIT {
  /** A demo trial imported from a real record (registry/src/main/resources/demo/registry). */
  static final String NCT = "NCT03418623";

  static final String TITLE =
      "Effect of GET73 on MRS Measures of Central Glutamate and GABA in Individuals With Alcohol Use Disorder";
  static final Path RECORD =
      Path.of("../registry/src/main/resources/demo/registry/" + NCT + ".json");

  @Test
  void anAdministratorUploadsAChangedRecordAndSeesTheReportAndTheChange() throws IOException {
    String newTitle =
        "GET73 and brain glutamate in alcohol use disorder (ImportUploadIT "
            + System.nanoTime()
            + ")";
    Path changed = Files.createTempFile("NCT03418623-", ".json");
    Files.writeString(
        changed, Files.readString(RECORD, StandardCharsets.UTF_8).replace(TITLE, newTitle));
    signInAs("admin");
    try {
      uploadOnImportPage(changed);
      assertThat(text("#updated")).isEqualTo("1");
      assertThat(text("#created") + text("#skipped")).isEqualTo("00");
      assertThat(text("#stored-studies tr[data-nct='" + NCT + "'] .changes"))
          .contains("briefTitle: " + TITLE + " → " + newTitle);

      open("/trials/" + NCT);
      assertThat(text("#trial-title")).isEqualTo(newTitle);

      StaffSession admin = CedarsSite.signedIn(server, "admin");
      String trail =
          admin.get("/admin/audit/index.xhtml?actor=admin&action=IMPORT&entity=" + NCT).body();
      assertThat(trail)
          .contains(
              "<td class=\"field\">briefTitle</td>",
              newTitle,
              "(ADMINISTRATOR)",
              "ClinicalTrials.gov import (upload by admin)");
    } finally {
      // The original record puts the demo title back (an update of the same kind).
      uploadOnImportPage(RECORD.toAbsolutePath());
      open("/trials/" + NCT);
      assertThat(text("#trial-title")).isEqualTo(TITLE);
    }
  }

  @Test
  void aMalformedFileIsReportedWithItsLineAndColumn() throws IOException {
    Path broken = Files.createTempFile("broken-", ".json");
    Files.writeString(
        broken,
        "{\"studies\": [\n  {\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT0\"\n");
    signInAs("admin");
    uploadOnImportPage(broken);
    assertThat(text("#skipped")).isEqualTo("1");
    assertThat(text("#skipped-studies .source"))
        .startsWith(broken.getFileName().toString() + " (line ");
    assertThat(text("#skipped-studies .reason")).startsWith("invalid JSON: ");
    assertThat(browser().getPageSource()).doesNotContain("Exception", "at org.", "Payara");
  }

  @Test
  void anEmptyFileGetsAMessageOnTheField() throws IOException {
    Path empty = Files.createTempFile("empty-", ".json");
    signInAs("admin");
    open("/admin/imports/index.xhtml");
    browser().findElement(By.id("upload:file")).sendKeys(empty.toAbsolutePath().toString());
    submitAndWait(By.id("upload:start"));
    assertThat(text("#upload\\:file-message")).isEqualTo("Please choose a file that is not empty.");
  }

  @Test
  void nobodyElseReachesThePageOrAnImportsProgress() {
    for (String user : new String[] {"sponsor", "investigator.cedars"}) {
      StaffSession session = CedarsSite.signedIn(server, user);
      assertThat(session.get("/admin/imports/index.xhtml").statusCode()).as(user).isEqualTo(404);
      assertThat(session.get("/admin/imports/progress?job=x").statusCode()).as(user).isEqualTo(404);
      assertThat(session.get("/admin/").body()).as(user).doesNotContain("imports/index.xhtml");
    }
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    assertThat(admin.get("/admin/imports/index.xhtml").statusCode()).isEqualTo(200);
    assertThat(admin.get("/admin/imports/progress?job=not-an-import").statusCode()).isEqualTo(404);
  }
}
