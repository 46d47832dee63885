package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's safe defaults, as an outsider probing it would see them. */
class ServerDefaultsIT extends PortalIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/trials/NCT02633163",
        "/no-such-page",
        "/admin/login.xhtml",
        "/admin/",
        "/metrics"
      })
  void responsesNameNoServer(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.headers().firstValue("Server")).isEmpty();
    assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    assertThat(r.body()).doesNotContain("6.2025", "Payara Micro 6", "GlassFish");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/trials/NCT02633163",
        "/trials/NCT02633163/sites/cedars-sinai",
        "/no-such-page",
        "/admin/login.xhtml"
      })
  void pagesCarrySecurityHeaders(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/health",
        "/health/ready",
        "/metrics",
        "/metrics/base",
        "/openapi",
        "/api/application.wadl"
      })
  void serverEndpointsDoNotAnswerAnonymously(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isNotEqualTo(200);
    assertThat(r.body())
        .doesNotContain("\"status\"", "openapi:", "base_", "jvm", "<application", "resources base");
  }

  @Test
  void unknownPagesGetTheGenericNotFoundPage() {
    for (String path :
        List.of(
            "/trials/NCT99999999",
            "/trials/NCT02633163/sites/nowhere",
            "/trials/not-a-number",
            "/WEB-INF/web.xml",
            "/trial.xhtml")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body())
          .as(path)
          .contains("Page not found")
          .doesNotContainIgnoringCase("payara")
          .doesNotContain("Exception", "at org.", "<servlet");
    }
  }

  @Test
  void anExpiredFormIsExplainedWithoutDetail() {
    StaffSession staff = new StaffSession(server.baseUrl());
    staff.get("/admin/login.xhtml");
    HttpResponse<String> r =
        staff.post(
            "/admin/login.xhtml",
            Map.of(
                "login",
                "login",
                "login:username",
                "someone",
                "login:password",
                "whatever-long-enough",
                "login:submit",
                "Sign in",
                "jakarta.faces.ViewState",
                "-123456789:987654321"));
    assertThat(r.body())
        .contains("This page has expired")
        .doesNotContain("ViewExpiredException", "at org.");
  }

  @Test
  void anExpiredAjaxRequestNamesNoException() {
    StaffSession staff = new StaffSession(server.baseUrl());
    staff.get("/admin/login.xhtml");
    HttpResponse<String> r =
        staff.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/admin/login.xhtml"))
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "login=login&jakarta.faces.ViewState=bogus&jakarta.faces.partial.ajax=true&jakarta.faces.source=login:submit"))
                .build());
    assertThat(r.body())
        .doesNotContain("Exception", "error-name")
        .contains("This page has expired");
  }

  @Test
  void sessionCookieIsHttpOnlySameSiteAndNeverInUrls() {
    HttpResponse<String> r = get("/admin/login.xhtml");
    String cookie = sessionCookie(r);
    assertThat(cookie)
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict")
        .doesNotContainIgnoringCase("Secure");
    assertThat(r.body()).doesNotContainIgnoringCase(";jsessionid=");
    HttpResponse<String> redirect = get("/admin/");
    assertThat(redirect.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContainIgnoringCase("jsessionid"));
  }

  /**
   * SameSite=Strict exactly once (Payara alone writes "SameSite=strict;SameSite=Strict"), on the
   * cookie of the sign-in page and on the new one the sign-in sets.
   */
  @Test
  void theSessionCookieCarriesSameSiteOnce() {
    StaffSession staff = new StaffSession(server.baseUrl());
    String first = sessionCookie(staff.get("/admin/login.xhtml"));
    String signedIn =
        sessionCookie(
            staff.signIn("investigator.cedars", server.demoPassword("investigator.cedars")));
    for (String cookie : List.of(first, signedIn)) {
      assertThat(Pattern.compile("(?i)SameSite=").matcher(cookie).results().count())
          .as("SameSite attributes in %s", cookie)
          .isEqualTo(1);
      assertThat(cookie).contains("SameSite=Strict").containsIgnoringCase("HttpOnly");
    }
    System.out.println(
        "ServerDefaultsIT: session cookie after sign-in: "
            + signedIn.replaceAll("JSESSIONID=[^;]+", "JSESSIONID=…"));
  }

  private static String sessionCookie(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.headers().map()));
  }

  /**
   * No cleartext HTTP/2: a request asking to upgrade to h2c is answered over HTTP/1.1 (no 101
   * Switching Protocols).
   */
  @Test
  void aCleartextHttp2UpgradeIsIgnored() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
      s.setSoTimeout(30_000);
      s.getOutputStream()
          .write(
              ("GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                      + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      System.out.println("ServerDefaultsIT: answer to an h2c upgrade request: " + status);
      assertThat(status).startsWith("HTTP/1.1 200");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/trials/NCT02633163",
        "/trials/NCT02633163?near=94301",
        "/trials/NCT02633163/sites/cedars-sinai",
        "/no-such-page"
      })
  void readingPublicPagesCreatesNoSession(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void noDataGridListensUnlessClusteringIsConfigured() throws Exception {
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 6900), 1000);
              }
            })
        .isInstanceOf(java.io.IOException.class);
    assertThat(Files.readString(server.logFile())).doesNotContain("Data Grid Status");
  }
}
