package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database failing under the running portal, through the {@link DatabaseProxy} the harness puts
 * between the server and PostgreSQL (the machine's PostgreSQL itself is never stopped): cut, every
 * page that needs the database is a "try again" page (503, in the portal's layout, no stack, no
 * server version) and, once it is back, pages work again within 30 s without a restart; and a
 * database that admits no more connections while answering slowly gives "busy, try again" within a
 * few seconds, never a hang. PostgreSQL pass only (the embedded H2 file has no connection to cut);
 * on H2 the tests are skipped, saying so.
 */
class FaultsIT extends PortalIT {
  private static final String STAFF_PAGE = "/admin/sites/index.xhtml";

  private static DatabaseProxy proxy() {
    assumeTrue(
        server.databaseProxy().isPresent(),
        "FaultsIT needs PostgreSQL behind the harness's proxy: run with -Dit.db.url=jdbc:postgresql:…"
            + " (CI's second pass); the embedded H2 file has no connection to cut");
    return server.databaseProxy().get();
  }

  @AfterEach
  void databaseBack() {
    server.databaseProxy().ifPresent(DatabaseProxy::restore);
  }

  private static String uncached(String path) {
    // A query the page ignores: a page the cache has not kept, so it needs the database now.
    return path + (path.contains("?") ? "&" : "?") + "fault=" + System.nanoTime();
  }

  private static HttpResponse<String> getIn(String path, String language) {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Accept-Language", language)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  @Test
  void aDatabaseOutageIsATryAgainPageAndThePortalRecoversByItself() throws Exception {
    DatabaseProxy proxy = proxy();
    StaffSession staff = CedarsSite.signedIn(server, "investigator.cedars");
    assertThat(staff.get(STAFF_PAGE).statusCode()).isEqualTo(200);
    assertThat(get(uncached(CedarsSite.PUBLIC_TRIAL)).statusCode()).isEqualTo(200);

    proxy.cut();
    long cutAt = System.nanoTime();
    HttpResponse<String> english = getIn(uncached(CedarsSite.PUBLIC_TRIAL), "en");
    long publicMillis = (System.nanoTime() - cutAt) / 1_000_000;
    HttpResponse<String> spanish = getIn(uncached(CedarsSite.PUBLIC_SITE), "es");
    long staffAt = System.nanoTime();
    HttpResponse<String> staffPage = staff.get(uncached(STAFF_PAGE));
    long staffMillis = (System.nanoTime() - staffAt) / 1_000_000;

    assertThat(english.statusCode()).as("public page, database cut").isEqualTo(503);
    assertThat(english.headers().firstValue("Retry-After")).contains("30");
    assertThat(english.body())
        .contains("Please try again in a moment", "cannot reach its database", "site-header")
        .containsPattern("incident [0-9A-F]{10}");
    assertThat(spanish.statusCode()).isEqualTo(503);
    assertThat(spanish.body())
        .contains("Vuelva a intentarlo en un momento", "no puede acceder a su base de datos");
    assertThat(staffPage.statusCode()).as("staff page, database cut").isEqualTo(503);
    assertThat(staffPage.body()).contains("Please try again in a moment", "admin-header");
    for (HttpResponse<String> r : List.of(english, spanish, staffPage)) {
      assertThat(r.headers().firstValue("Server")).isEmpty();
      assertThat(r.body())
          .doesNotContain(
              "Exception",
              "at org.",
              "at com.",
              "SQL",
              "postgres",
              "Payara",
              "EclipseLink",
              "5432");
    }

    Thread.sleep(2000); // the portal has met the cut connections and tried to reconnect
    proxy.restore();
    long restoredAt = System.nanoTime();
    long recoveredMillis = -1;
    while (System.nanoTime() - restoredAt < 30_000_000_000L) {
      if (get(uncached(CedarsSite.PUBLIC_TRIAL)).statusCode() == 200
          && staff.get(uncached(STAFF_PAGE)).statusCode() == 200) {
        recoveredMillis = (System.nanoTime() - restoredAt) / 1_000_000;
        break;
      }
      Thread.sleep(250);
    }
    assertThat(recoveredMillis)
        .as("public and staff pages answer 200 again within 30 s of the database's return")
        .isBetween(0L, 30_000L);
    // The same session goes on: nothing was restarted.
    assertThat(staff.get(STAFF_PAGE).body()).contains("cedars-sinai");
    System.out.printf(
        "FaultsIT outage: database cut -> public page 503 'try again' in %d ms, staff page 503 in"
            + " %d ms (en+es, layout, no stack); database back -> pages 200 again after %d ms,"
            + " no restart%n",
        publicMillis, staffMillis, recoveredMillis);
  }

  @Test
  void aDatabaseThatAdmitsNoMoreConnectionsGivesBusyNotAHang() throws Exception {
    DatabaseProxy proxy = proxy();
    assertThat(get(uncached(CedarsSite.PUBLIC_TRIAL)).statusCode()).isEqualTo(200);
    // The database admits only the connections the portal holds now, and answers slowly: the
    // requests below need more connections than it gets.
    int held = proxy.connections();
    proxy.limitConnections(Math.max(1, held));
    proxy.delayAnswers(Duration.ofMillis(50));
    int requests = 24;
    ExecutorService visitors = Executors.newFixedThreadPool(requests);
    List<Future<long[]>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String path = uncached(i % 2 == 0 ? CedarsSite.PUBLIC_TRIAL : CedarsSite.PUBLIC_SITE);
        answers.add(
            visitors.submit(
                () -> {
                  long begin = System.nanoTime();
                  HttpResponse<String> r = getIn(path, "en");
                  long millis = (System.nanoTime() - begin) / 1_000_000;
                  boolean busyPage =
                      r.statusCode() == 503 && r.body().contains("Please try again in a moment");
                  return new long[] {r.statusCode(), millis, busyPage ? 1 : 0};
                }));
      }
      int ok = 0;
      int busy = 0;
      long slowestOk = 0;
      long slowestBusy = 0;
      for (Future<long[]> f : answers) {
        long[] a = f.get();
        if (a[0] == 200) {
          ok++;
          slowestOk = Math.max(slowestOk, a[1]);
        } else {
          slowestBusy = Math.max(slowestBusy, a[1]);
          assertThat(a[0]).as("status of a request with no connection to spare").isEqualTo(503);
          assertThat(a[2]).as("the 503 is the 'try again' page").isEqualTo(1);
          busy++;
        }
      }
      System.out.printf(
          "FaultsIT busy: %d concurrent uncached requests, database admitting %d connections,"
              + " every answer 50 ms slow: %d x 200 (slowest %d ms), %d x 503 'try again'"
              + " (slowest %d ms; pool wait 5,000 ms)%n",
          requests, Math.max(1, held), ok, slowestOk, busy, slowestBusy);
      assertThat(busy).as("some requests found no connection").isPositive();
      assertThat(slowestBusy)
          .as("'busy' said within the pool's wait (5 s) and a margin: no hang")
          .isLessThan(10_000);
      assertThat(slowestOk).as("the others answered, slowly but surely").isLessThan(30_000);
    } finally {
      visitors.shutdownNow();
      proxy.restore();
    }
    long restoredAt = System.nanoTime();
    while (get(uncached(CedarsSite.PUBLIC_TRIAL)).statusCode() != 200
        && System.nanoTime() - restoredAt < 30_000_000_000L) {
      Thread.sleep(250);
    }
    assertThat(get(uncached(CedarsSite.PUBLIC_TRIAL)).statusCode()).isEqualTo(200);
  }
}
