package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two people edit the same site: the second save is refused, both versions shown, nothing lost. */
class ConcurrentSiteEditIT extends PortalIT {

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "Restored by ConcurrentSiteEditIT");
  }

  @Test
  void theLaterSaveIsRefusedAndShowsTheStoredValuesBesideItsOwn() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    FacesForm first = investigator.form(CedarsSite.EDIT, "edit");
    FacesForm second = admin.form(CedarsSite.EDIT, "edit");

    HttpResponse<String> saved =
        investigator.submit(first, Map.of("placesLeft", "7", "reason", "first"), "save");
    assertThat(saved.body()).contains("Saved.");

    HttpResponse<String> refused =
        admin.submit(
            second, Map.of("placesLeft", "3", "status", "SUSPENDED", "reason", "second"), "save");
    assertThat(refused.statusCode()).isEqualTo(200);
    String page = refused.body();
    assertThat(page)
        .contains(
            "Someone else saved this site after you opened it", "Your changes were not saved");
    assertThat(row(page, "placesLeft"))
        .contains("<td class=\"stored\">7</td>", "<td class=\"yours\">3</td>");
    assertThat(row(page, "status"))
        .contains("<td class=\"stored\">Recruiting</td>", "<td class=\"yours\">Suspended</td>");
    assertThat(FacesForm.read(page, "edit").value("placesLeft"))
        .as("the form keeps what was typed")
        .isEqualTo("3");
    assertThat(investigator.form(CedarsSite.EDIT, "edit").value("placesLeft"))
        .as("nothing overwritten")
        .isEqualTo("7");

    // Having compared, the second editor may knowingly save over the stored values.
    HttpResponse<String> again = admin.submit(FacesForm.read(page, "edit"), Map.of(), "save");
    assertThat(again.body()).contains("Saved.");
    assertThat(investigator.form(CedarsSite.EDIT, "edit").value("placesLeft")).isEqualTo("3");
  }

  private static String row(String page, String field) {
    Matcher m =
        Pattern.compile(
                "<tr class=\"[a-z]+\" data-field=\"" + field + "\">(.*?)</tr>", Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("a conflict row for " + field).isTrue();
    return m.group(1);
  }
}
