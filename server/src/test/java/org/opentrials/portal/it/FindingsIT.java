package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The findings F1-F13 of the outside probe (issue 15), each as the probe saw it: every test here
 * failed on the server as it was before the fix.
 */
class FindingsIT extends PortalIT {

  /** F1: a password reset, a disable (and an enable after it) end the account's open sessions. */
  @Test
  void resetAndDisableEndOpenSessions() {
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String username = "f1.probe." + System.nanoTime() % 1_000_000;
    HttpResponse<String> created =
        admin.submit(
            "/admin/accounts.xhtml",
            "create",
            Map.of(
                "username",
                username,
                "displayName",
                "F1 Probe",
                "role",
                "ADMINISTRATOR",
                "password",
                "a long enough passphrase 1"),
            "createAccount");
    assertThat(created.body()).contains("Account " + username + " created");
    String page = "/admin/accounts/edit.xhtml?user=" + username;

    StaffSession victim = new StaffSession(server.baseUrl());
    assertThat(victim.signIn(username, "a long enough passphrase 1").statusCode()).isEqualTo(302);
    assertThat(victim.get("/admin/sites/index.xhtml").body()).contains("Signed in as");

    HttpResponse<String> reset =
        admin.submit(admin.form(page, "actions"), Map.of(), "resetPassword");
    assertThat(reset.body()).contains("The password was reset.");
    String newPassword =
        reset.body().replaceAll("(?s).*<code class=\"issued-password\">([^<]+)</code>.*", "$1");
    assertEnded(victim);

    StaffSession again = new StaffSession(server.baseUrl());
    assertThat(again.signIn(username, newPassword).statusCode()).isEqualTo(302);
    assertThat(again.get("/admin/imports/index.xhtml").statusCode()).isEqualTo(200);
    admin.submit(admin.form(page, "actions"), Map.of(), "disable");
    assertEnded(again);
    admin.submit(admin.form(page, "actions"), Map.of(), "enable");
    assertEnded(again);
  }

  private static void assertEnded(StaffSession session) {
    for (String path : List.of("/admin/sites/index.xhtml", "/admin/imports/index.xhtml")) {
      HttpResponse<String> r = session.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).as(path).contains("/admin/login.xhtml");
      assertThat(r.body()).doesNotContain("Signed in as");
    }
  }

  /** F2: one listener, plain HTTP on the configured port and address; no HTTPS, no 6900, no H2. */
  @Test
  void theServerListensOnTheConfiguredHttpPortOnly() throws IOException {
    List<String> listening = listeningSockets(server.pid());
    assertThat(listening).containsExactly("127.0.0.1:" + server.httpPort());
  }

  /** F3 and F10: a role refusal is recorded, and looks exactly like a missing page. */
  @Test
  void roleRefusalsAreRecordedAndLookMissing() {
    StaffSession sponsor = CedarsSite.signedIn(server, "sponsor");
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String audit = "/admin/audit/index.xhtml?actor=sponsor&entity=/admin/imports/index.xhtml";
    int before = count(admin.get(audit).body(), "/admin/imports/index.xhtml</td>");

    HttpResponse<String> refusedGet = sponsor.get("/admin/imports/index.xhtml");
    HttpResponse<String> refusedPost =
        sponsor.post("/admin/accounts.xhtml", Map.of("create", "create", "x", "y"));
    HttpResponse<String> missingGet = sponsor.get("/admin/no-such-page.xhtml");
    HttpResponse<String> missingPost = sponsor.post("/admin/no-such-page.xhtml", Map.of("a", "b"));
    for (HttpResponse<String> r : List.of(refusedGet, refusedPost, missingGet, missingPost)) {
      assertThat(r.statusCode()).as(r.request().method() + " " + r.uri()).isEqualTo(404);
      assertThat(r.body())
          .as(r.request().method() + " " + r.uri())
          .contains("Page not found")
          .doesNotContain("Signed in as", "signout", "admin-nav");
    }
    assertThat(normalise(refusedGet.body())).isEqualTo(normalise(missingGet.body()));

    int after = count(admin.get(audit).body(), "/admin/imports/index.xhtml</td>");
    assertThat(after).as("ACCESS_DENIED entries for the refused page").isEqualTo(before + 1);
    assertThat(admin.get(audit).body()).contains("ACCESS_DENIED");
  }

  private static String normalise(String page) {
    return page.replaceAll("j_idt\\d+", "");
  }

  /** F4: no WADL, and no Payara error page anywhere. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/openapi/application.wadl",
        "/openapi",
        "/openapi/",
        "/metrics",
        "/metrics/application",
        "/health",
        "/api/application.wadl"
      })
  void serverEndpointsAreMissingPages(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .doesNotContain("Error report", "Jersey", "<application", "MicroProfile", "Payara");
    if (!path.startsWith("/api/")) {
      assertThat(r.body()).contains("Page not found");
    }
  }

  /** F5: a session id in the URL never signs a request in. */
  @Test
  void aSessionIdInTheUrlIsIgnored() {
    StaffSession admin = CedarsSite.signedIn(server, "admin");
    String id = admin.sessionCookie();
    HttpResponse<String> r = get("/admin/sites/index.xhtml;jsessionid=" + id);
    assertThat(r.body()).doesNotContain("Signed in as");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContainIgnoringCase("jsessionid"));
  }

  /** F7: oversize form bodies are a 413 page, lost or forged page state a 400 "expired" page. */
  @Test
  void oversizeFormsAndLostPageStateAreNeverServerErrors() {
    String big = "a=" + "x".repeat(3 * 1024 * 1024);
    String threeFields =
        "name="
            + "n".repeat(1 << 20)
            + "&phone="
            + "1".repeat(1 << 20)
            + "&email="
            + "e".repeat(1 << 20);
    for (String path : List.of("/trials/NCT02633163/check", "/admin/login.xhtml")) {
      for (String body : List.of(big, threeFields)) {
        HttpResponse<String> r = postForm(path, body);
        assertThat(r.statusCode()).as(path).isEqualTo(413);
        assertThat(r.body()).as(path).contains("We could not read that request");
      }
    }
    StaffSession staff = new StaffSession(server.baseUrl());
    staff.get("/admin/login.xhtml");
    for (String state : List.of("stateless", "-123456789:987654321", "forged", "")) {
      HttpResponse<String> r =
          staff.post(
              "/admin/login.xhtml",
              Map.of(
                  "login", "login",
                  "login:username", "someone",
                  "login:password", "whatever-long-enough",
                  "login:submit", "Sign in",
                  "jakarta.faces.ViewState", state));
      assertThat(r.statusCode()).as("view state '%s'", state).isBetween(400, 499);
      assertThat(r.body()).as("view state '%s'", state).doesNotContain("Exception");
    }
  }

  private static HttpResponse<String> postForm(String path, String body) {
    return send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** F9: the pre-screener and the matcher keep their conversation in the page, not a session. */
  @ParameterizedTest
  @ValueSource(strings = {"/trials/NCT02633163/check", "/match"})
  void thePrescreenerCreatesNoSession(String path) {
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    FacesForm form = FacesForm.read(page.body(), "screen");
    HttpResponse<String> next =
        send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        form.submission(Map.of(), "next").entrySet().stream()
                            .map(
                                e ->
                                    java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + java.net.URLEncoder.encode(
                                            e.getValue(), StandardCharsets.UTF_8))
                            .collect(java.util.stream.Collectors.joining("&"))))
                .build());
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.body()).doesNotContain("This page has expired");
    assertThat(next.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  /** F8: the Host header never makes an absolute URL. */
  @Test
  void theHostHeaderIsNotTrusted() throws IOException {
    for (String path :
        List.of(
            "/trials/NCT02633163",
            "/trials/NCT02633163/sites/cedars-sinai",
            "/api/trials/NCT02633163",
            "/sitemap.xml",
            "/admin/",
            "/admin/sites/index.xhtml")) {
      String response = rawGet(path, "evil.example");
      assertThat(response).as(path).doesNotContain("evil.example").startsWith("HTTP/1.1 ");
    }
    assertThat(rawGet("/trials/NCT02633163", "evil.example"))
        .contains("<link rel=\"canonical\" href=\"" + server.baseUrl() + "/trials/NCT02633163\"");
  }

  /** F11: the redirect to sign-in carries the headers every response carries. */
  @Test
  void redirectsCarryTheSecurityHeaders() {
    HttpResponse<String> r = get("/admin/sites/index.xhtml");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
    // The session cookie's SameSite once: ServerDefaultsIT.
  }

  /** F12: the H2 directory and files are the server user's only. */
  @Test
  void theDatabaseFilesAreOwnerOnly() throws IOException {
    assumeFalse(server.onPostgres(), "H2 only");
    Path data = server.dataDir();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(data)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).isNotEmpty();
      for (Path f : all) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
            .as(f.toString())
            .matches("rw-------|r--------");
      }
    }
  }

  /** F13: an admin post from another origin is refused; a markup email address too. */
  @Test
  void crossOriginPostsAndMarkupEmailsAreRefused() {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    FacesForm form = investigator.form(CedarsSite.EDIT, "edit");
    HttpResponse<String> forged =
        investigator.post(
            CedarsSite.EDIT,
            form.submission(Map.of("contactName", "Forged", "reason", "csrf"), "save"),
            Map.of("Origin", "http://evil.example"));
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(investigator.get(CedarsSite.PUBLIC_SITE).body()).doesNotContain("Forged");
    assertThat(get(CedarsSite.PUBLIC_SITE).body()).doesNotContain("Forged");

    HttpResponse<String> sameOrigin =
        investigator.post(
            CedarsSite.EDIT,
            investigator
                .form(CedarsSite.EDIT, "edit")
                .submission(
                    Map.of(
                        "contactEmail", "\"><img/src=x/onerror=alert(1)>@x.com", "reason", "probe"),
                    "save"),
            Map.of("Origin", server.baseUrl()));
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
    assertThat(sameOrigin.body()).doesNotContain("Saved.").contains("email");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** A GET with a Host header of our choosing (the JDK's client will not send one). */
  static String rawGet(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * The TCP sockets the process listens on, as address:port, read from /proc: the socket inodes of
   * its file descriptors matched against the kernel's tables of listening sockets.
   */
  static List<String> listeningSockets(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          found.add(address(f[1]));
        }
      }
    }
    return found;
  }

  /** "0100007F:1F90" (IPv4) or the 32-digit IPv6 form, as "127.0.0.1:8080". */
  private static String address(String hex) {
    String[] parts = hex.split(":");
    int port = Integer.parseInt(parts[1], 16);
    String a = parts[0];
    if (a.length() == 32) {
      if (a.startsWith("0000000000000000FFFF0000")) {
        a = a.substring(24);
      } else if (a.equals("00000000000000000000000000000000")) {
        return "[::]:" + port;
      } else {
        return "[" + a + "]:" + port;
      }
    }
    int v = (int) Long.parseLong(a, 16);
    return (v & 0xff)
        + "."
        + (v >> 8 & 0xff)
        + "."
        + (v >> 16 & 0xff)
        + "."
        + (v >>> 24)
        + ":"
        + port;
  }
}
