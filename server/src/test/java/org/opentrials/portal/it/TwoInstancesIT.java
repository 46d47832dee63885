package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the assembled server over one PostgreSQL, with the data grid on as README
 * "Several instances" configures it (cluster name, loopback interface, TCP/IP members): what one
 * instance writes, the other shows at once; sign-in throttling, scheduled work and the audit chain
 * hold across both; a staff member whose instance stops goes on on the other after signing in
 * again. Its own database: the PostgreSQL of it.db.url (a schema of its own), or on the H2 run a
 * database it creates on 127.0.0.1:5432 (user postgres, no password); without either it is skipped,
 * saying why. The last test stops instance A.
 */
@TestMethodOrder(OrderAnnotation.class)
class TwoInstancesIT {
  private static final String TRIAL = "/trials/NCT02633163";
  private static final String CONTENT = "/admin/trials/content.xhtml?trial=NCT02633163";
  private static final long SWEEP_SECONDS = 2;
  // ImportUploadIT's record, named here: touching ImportUploadIT would start the shared server.
  private static final String IMPORTED = "NCT03418623";
  private static final Path RECORD =
      Path.of("../registry/src/main/resources/demo/registry/" + IMPORTED + ".json");

  private static PortalServer.Database db;
  private static String cluster;
  private static int gridA;
  private static int gridB;
  private static PortalServer a;
  private static PortalServer b;

  @BeforeAll
  static void startTwoInstances() {
    db = ClusterDatabase.prepare();
    Path work = Path.of(System.getProperty("it.work.dir", "target/it")).resolveSibling("it-two");
    gridA = freePort();
    gridB = freePort();
    cluster = "trials-it-" + UUID.randomUUID().toString().substring(0, 8);
    String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
    Map<String, String> settings =
        Map.of("TRIALS_JOBS_SIGN_IN_SWEEP_EVERY_SECONDS", Long.toString(SWEEP_SECONDS));
    a = member(work.resolve("a"), gridA, members, settings);
    b = member(work.resolve("b"), gridB, members, settings);
    // One after the other: A migrates the schema and loads the demo content, B finds them.
    a.start();
    b.start();
  }

  private static PortalServer member(
      Path dir, int gridPort, String members, Map<String, String> settings) {
    return PortalServer.clusterMember(
        dir,
        db,
        List.of(
            "--clustername",
            cluster,
            "--interfaces",
            "127.0.0.1",
            "--startport",
            Integer.toString(gridPort),
            "--clustermode",
            members),
        settings);
  }

  @AfterAll
  static void stopBoth() {
    if (a != null) {
      a.stop();
    }
    if (b != null) {
      b.stop();
    }
  }

  @Test
  @Order(1)
  void theInstancesFormOneDataGridOnLoopbackOnly() throws Exception {
    Instant until = Instant.now().plusSeconds(60);
    while (!(Files.readString(a.logFile()).contains("DG Size: 2")
        && Files.readString(b.logFile()).contains("DG Size: 2"))) {
      assertThat(Instant.now()).as("both logs show a data grid of two").isBefore(until);
      Thread.sleep(500);
    }
    for (PortalServer instance : List.of(a, b)) {
      assertThat(Files.readString(instance.logFile()))
          .contains("DataGrid: " + cluster + " ")
          .containsPattern("Address: /127\\.0\\.0\\.1:")
          .doesNotContainPattern("Address: /(?!127\\.0\\.0\\.1:)");
    }
    // The grid ports listen on the loopback interface only, not on this machine's other addresses.
    List<InetAddress> others =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> !address.isLoopbackAddress())
            .toList();
    for (InetAddress other : others) {
      for (int port : List.of(gridA, gridB)) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(other, port), 2000);
          throw new AssertionError("the grid answers on " + other + ":" + port);
        } catch (IOException expected) {
          // refused: not listening there
        }
      }
    }
    System.out.printf("Grid ports %d, %d not reachable on %s%n", gridA, gridB, others);
  }

  @Test
  @Order(2)
  void aSiteStatusChangeThroughAIsOnBsPagesAndApiAtOnce() {
    StaffSession investigator = signedIn(a, "investigator.cedars");
    HttpResponse<String> saved =
        CedarsSite.save(
            investigator,
            Map.of("status", "ACTIVE_NOT_RECRUITING", "reason", "TwoInstancesIT: paused"));
    assertThat(saved.body()).contains("Saved.");

    StaffSession visitor = new StaffSession(b.baseUrl());
    assertThat(visitor.get(CedarsSite.PUBLIC_SITE).body()).contains("Active, not recruiting");
    assertThat(cedarsItem(visitor.get(TRIAL).body())).contains("Active, not recruiting");
    assertThat(cedarsInApi(b).getString("status")).isEqualTo("ACTIVE_NOT_RECRUITING");
    // B's own search index follows the change log: the trial leaves B's search by the site's ZIP
    // at once, since every search first reads the log's last position (design note: within B's poll
    // interval at worst).
    assertThat(visitor.get(NEAR_CEDARS).body())
        .doesNotContain("Mesenchymal Stem Cells for Lupus")
        .contains("No trials within 10 miles of");

    // And back, through B: A shows it.
    assertThat(
            CedarsSite.save(
                    signedIn(b, "investigator.cedars"),
                    Map.of("status", "RECRUITING", "reason", "TwoInstancesIT: open again"))
                .body())
        .contains("Saved.");
    assertThat(cedarsInApi(a).getString("status")).isEqualTo("RECRUITING");
    assertThat(new StaffSession(a.baseUrl()).get(NEAR_CEDARS).body())
        .contains("Mesenchymal Stem Cells for Lupus");
  }

  /** A search for the demo trial by Cedars-Sinai's ZIP code: only that site is within 10 miles. */
  private static final String NEAR_CEDARS = "/trials?q=lupus&near=90048&radius=10";

  @Test
  @Order(3)
  void aPublishThroughAIsOnBsPageAndApiAtOnce() {
    String summary = "Published through instance A, read on B " + UUID.randomUUID();
    StaffSession admin = signedIn(a, "admin");
    FacesForm form = admin.form(CONTENT, "content");
    HttpResponse<String> published = admin.submit(form, Map.of("plainSummary", summary), "publish");
    assertThat(published.statusCode()).isIn(200, 302);

    assertThat(new StaffSession(b.baseUrl()).get(TRIAL).body()).contains(summary);
    assertThat(api(b, "NCT02633163").getString("plainSummary")).isEqualTo(summary);
  }

  @Test
  @Order(4)
  void anImportUploadedThroughAIsOnBsPageAndApi() throws Exception {
    String title = "GET73 and brain glutamate (imported through A) " + UUID.randomUUID();
    String record =
        Files.readString(RECORD, StandardCharsets.UTF_8).replace(ImportUploadIT.TITLE, title);
    StaffSession admin = signedIn(a, "admin");
    HttpResponse<String> started = upload(admin, record);
    assertThat(started.statusCode()).isIn(200, 302);

    // The upload is imported in the background on A; B shows it on the first request after.
    String api = "/api/trials/" + IMPORTED;
    Instant until = Instant.now().plusSeconds(90);
    while (!title.equals(api(b, IMPORTED).getString("briefTitle"))) {
      assertThat(Instant.now()).as("B's %s shows the imported title", api).isBefore(until);
      Thread.sleep(200);
    }
    assertThat(new StaffSession(b.baseUrl()).get("/trials/" + IMPORTED).body()).contains(title);
  }

  @Test
  @Order(5)
  void concurrentSiteEditsThroughBothInstancesKeepOneIntactAuditChain() throws Exception {
    long before = count("SELECT COUNT(*) FROM audit_entry");
    int editsEach = 8;
    // One staff member per instance, signed in before: the concurrency under test is two
    // instances appending to one chain. (Two concurrent staff requests on one instance sometimes
    // lose the caller: reported separately, see the lead's notes.)
    StaffSession investigatorOnA = signedIn(a, "investigator.cedars");
    StaffSession adminOnB = signedIn(b, "admin");
    List<Callable<Integer>> editors =
        List.of(
            () -> edit(investigatorOnA, "investigator on A", editsEach),
            () -> edit(adminOnB, "admin on B", editsEach));
    ExecutorService pool = Executors.newFixedThreadPool(editors.size());
    int saved = 0;
    try {
      for (Future<Integer> f : pool.invokeAll(editors)) {
        saved += f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(saved)
        .as("concurrent saves succeed (some meet an edit conflict)")
        .isGreaterThanOrEqualTo(editsEach / 2);
    assertThat(count("SELECT COUNT(*) FROM audit_entry") - before)
        .as("every save and sign-in appended to the one chain")
        .isGreaterThanOrEqualTo(saved);

    StaffSession admin = signedIn(b, "admin");
    HttpResponse<String> verified =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify");
    assertThat(verified.body()).contains("The chain is intact:");
  }

  /**
   * Saves Cedars-Sinai's edit form {@code times} times with a new contact name; returns the saves
   * (a save that meets another's newer version is refused as an edit conflict).
   */
  private static int edit(StaffSession session, String who, int times) {
    int saved = 0;
    for (int i = 0; i < times; i++) {
      String body =
          session
              .submit(
                  session.form(CedarsSite.EDIT, "edit"),
                  Map.of(
                      "contactName",
                      "Coordinator " + who + " " + i,
                      "reason",
                      "TwoInstancesIT concurrent edit"),
                  "save")
              .body();
      if (body.contains("Saved.")) {
        saved++;
      }
    }
    return saved;
  }

  @Test
  @Order(6)
  void scheduledWorkRunsOnceAcrossTheClusterNotOncePerInstance() throws Exception {
    String runs = "SELECT runs FROM job_lease WHERE job_name = 'sign-in-failure-sweep'";
    // Four schedulers (two instances, two applications each), every SWEEP_SECONDS.
    Instant until = Instant.now().plusSeconds(30);
    while (count("SELECT COUNT(*) FROM job_lease") == 0) {
      assertThat(Instant.now()).as("the sweep has run once").isBefore(until);
      Thread.sleep(200);
    }
    long first = count(runs);
    Instant start = Instant.now();
    Thread.sleep(12_000);
    long ran = count(runs) - first;
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    System.out.printf(
        "Sweep every %d s on 4 schedulers: %d runs in %.1f s%n", SWEEP_SECONDS, ran, seconds);
    // Once per period at most (the lease lasts 0.9 periods); once per scheduler would be 4 times.
    assertThat(ran).isBetween(1L, (long) (seconds / (SWEEP_SECONDS * 0.9)) + 1);
  }

  @Test
  @Order(7)
  void signInFailuresSpreadOverBothInstancesCountTogether() throws Exception {
    // From an address of its own, so that the refusal does not shut out the other tests.
    String address = "127.0.0.9";
    String password = a.demoPassword("admin");
    for (int i = 0; i < 10; i++) {
      assertThat(LoopbackSignIn.attempt(a, address, "nobody.a" + i, "guess")).isEqualTo(200);
      assertThat(LoopbackSignIn.attempt(b, address, "nobody.b" + i, "guess")).isEqualTo(200);
    }
    assertThat(LoopbackSignIn.attempt(b, address, "admin", password))
        .as("20 failures are within the limit: the right password signs in")
        .isEqualTo(302);
    assertThat(LoopbackSignIn.attempt(a, address, "nobody.a", "guess")).isEqualTo(200);
    assertThat(LoopbackSignIn.attempt(a, address, "admin", password))
        .as("21 failures over two instances refuse the address on A")
        .isEqualTo(200);
    assertThat(LoopbackSignIn.attempt(b, address, "admin", password)).as("and on B").isEqualTo(200);
    assertThat(
            count("SELECT COUNT(*) FROM sign_in_refusal WHERE client_address = '" + address + "'"))
        .isEqualTo(1);
    assertThat(signedIn(b, "admin").get("/admin/").statusCode())
        .as("other addresses still sign in")
        .isEqualTo(200);
  }

  @Test
  @Order(8)
  void aStaffMemberOnAGoesOnOnBAfterSigningInAgainWhenAStops() {
    StaffSession onA = signedIn(a, "investigator.cedars");
    assertThat(
            CedarsSite.save(
                    onA, Map.of("placesLeft", "7", "reason", "TwoInstancesIT: before A stops"))
                .body())
        .contains("Saved.");
    String cookie = onA.sessionCookie();
    Instant stopAt = Instant.now();
    a.stop();

    // The front now sends the same browser to B. Sessions are not replicated (README: sticky
    // front, sign in again): B does not know the session and asks to sign in; nothing breaks.
    StaffSession onB = new StaffSession(b.baseUrl());
    HttpResponse<String> withOldCookie =
        onB.send(
            HttpRequest.newBuilder(URI.create(b.baseUrl() + CedarsSite.EDIT))
                .header("Cookie", "JSESSIONID=" + cookie)
                .build());
    assertThat(withOldCookie.statusCode()).isIn(200, 302, 303);
    assertThat(withOldCookie.body()).doesNotContain("placesLeft").doesNotContain("Exception");
    assertThat(
            onB.signIn("investigator.cedars", a.demoPassword("investigator.cedars")).statusCode())
        .isEqualTo(302);
    FacesForm form = onB.form(CedarsSite.EDIT, "edit");
    assertThat(form.value("placesLeft")).as("what was saved through A").isEqualTo("7");
    assertThat(
            onB.submit(form, Map.of("placesLeft", "", "reason", "TwoInstancesIT: on B"), "save")
                .body())
        .contains("Saved.");
    System.out.printf(
        "A stopped; the staff member worked on B again after %d ms%n",
        Duration.between(stopAt, Instant.now()).toMillis());
  }

  /**
   * Signs in and follows the redirect, as a browser does: the first request after signing in may
   * not see the caller's role yet (Payara issue 4734, README), and that request is the redirect.
   */
  private static StaffSession signedIn(PortalServer server, String username) {
    StaffSession session = new StaffSession(server.baseUrl());
    HttpResponse<String> signedIn = session.signIn(username, a.demoPassword(username));
    assertThat(signedIn.statusCode())
        .as("%s signs in on %s", username, server.baseUrl())
        .isEqualTo(302);
    String next = signedIn.headers().firstValue("Location").orElse("/admin/");
    session.get(URI.create(next).getRawPath());
    return session;
  }

  private static JsonObject api(PortalServer server, String nct) {
    HttpResponse<String> r = new StaffSession(server.baseUrl()).get("/api/trials/" + nct);
    assertThat(r.statusCode()).isEqualTo(200);
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static JsonObject cedarsInApi(PortalServer server) {
    return api(server, "NCT02633163").getJsonArray("sites").stream()
        .map(JsonValue::asJsonObject)
        .filter(s -> s.getString("slug").equals("cedars-sinai"))
        .findFirst()
        .orElseThrow();
  }

  private static String cedarsItem(String trialPage) {
    Matcher m =
        Pattern.compile("<li[^>]*class=\"site[^\"]*\"[^>]*>(.*?)</li>", Pattern.DOTALL)
            .matcher(trialPage);
    while (m.find()) {
      if (m.group(1).contains("Cedars-Sinai Medical Center")) {
        return m.group(1);
      }
    }
    throw new AssertionError("no Cedars-Sinai item on the trial page");
  }

  /** Posts the import page's upload form with the record as its file (multipart, as a browser). */
  private static HttpResponse<String> upload(StaffSession admin, String record) {
    FacesForm form = admin.form("/admin/imports/index.xhtml", "upload");
    String boundary = "----TwoInstancesIT" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>(form.submission(Map.of(), "start"));
    fields.remove("upload:file");
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"upload:file\";")
        .append(" filename=\"NCT03418623.json\"\r\nContent-Type: application/json\r\n\r\n")
        .append(record)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    String target = form.action().replaceFirst("^https?://[^/]+", "");
    return admin.send(
        HttpRequest.newBuilder(URI.create(admin.baseUrl() + target))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sign-ins from a loopback address other than 127.0.0.1 (java.net.http cannot choose the local
   * address on Java 17): a plain HTTP/1.0 exchange over a socket bound to it.
   */
  static final class LoopbackSignIn {
    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: JSESSIONID=([^;]+)");

    /** Posts the sign-in form from {@code address}; returns the status (302 signed in). */
    static int attempt(PortalServer server, String address, String username, String password)
        throws IOException {
      int port = URI.create(server.baseUrl()).getPort();
      String page = exchange(address, port, "GET /admin/login.xhtml HTTP/1.0\r\n\r\n");
      Matcher state = VIEW_STATE.matcher(page);
      Matcher session = SESSION.matcher(page);
      if (!state.find() || !session.find()) {
        throw new IllegalStateException("no sign-in form: " + page.lines().findFirst());
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("login", "login");
      form.put("login:username", username);
      form.put("login:password", password);
      form.put("login:submit", "submit");
      form.put("jakarta.faces.ViewState", state.group(1));
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      String answer =
          exchange(
              address,
              port,
              "POST /admin/login.xhtml HTTP/1.0\r\nCookie: JSESSIONID="
                  + session.group(1)
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\n\r\n"
                  + body);
      return Integer.parseInt(answer.substring(9, 12));
    }

    private static String exchange(String address, int port, String request) throws IOException {
      try (Socket socket = new Socket()) {
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            request
                .replace("HTTP/1.0\r\n", "HTTP/1.0\r\nHost: 127.0.0.1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /** The PostgreSQL database both instances share. */
  static final class ClusterDatabase {
    private ClusterDatabase() {}

    static PortalServer.Database prepare() {
      String configured = System.getProperty("it.db.url", "");
      try {
        if (!configured.isBlank()) {
          // CI's database: a schema of its own, so the shared server's schema is not touched.
          String user = System.getProperty("it.db.user");
          String password = System.getProperty("it.db.password");
          run(configured, user, password, "DROP SCHEMA IF EXISTS two_instances CASCADE");
          run(configured, user, password, "CREATE SCHEMA two_instances");
          String sep = configured.contains("?") ? "&" : "?";
          return new PortalServer.Database(
              configured + sep + "currentSchema=two_instances", user, password);
        }
        // The H2 run: a database of its own, named after the checkout so parallel checkouts on
        // one machine do not share it.
        String name =
            "trials_two_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        run(admin, "postgres", "", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        run(admin, "postgres", "", "CREATE DATABASE " + name);
        return new PortalServer.Database(
            "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
      } catch (SQLException e) {
        Assumptions.abort(
            "TwoInstancesIT needs PostgreSQL: -Dit.db.url=..., or one on 127.0.0.1:5432 where"
                + " user postgres may create a database without a password ("
                + e.getMessage()
                + ")");
        throw new IllegalStateException(e);
      }
    }

    private static void run(String url, String user, String password, String sql)
        throws SQLException {
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        c.createStatement().execute(sql);
      }
    }
  }

  /** The first column of the first row the query answers, on the instances' database. */
  private static long count(String sql) {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
