package org.opentrials.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server killed with SIGKILL in the middle of a loop of writes, then started again on the same
 * database: every change that was acknowledged is there, the one in flight is there whole or not at
 * all, and the audit trail's hash chain is intact (nothing half-written). On H2 (WRITE_DELAY=0)
 * and, in the PostgreSQL pass, on PostgreSQL.
 */
class CrashIT extends PortalIT {

  @AfterEach
  void putTheDemoValuesBack() {
    CedarsSite.restore(server, "after the crash test");
  }

  @Test
  void acknowledgedWritesSurviveAKill() throws Exception {
    StaffSession investigator = CedarsSite.signedIn(server, "investigator.cedars");
    AtomicInteger acknowledged = new AtomicInteger(-1);
    AtomicInteger attempted = new AtomicInteger(-1);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 10_000; i++) {
                try {
                  FacesForm form = investigator.form(CedarsSite.EDIT, "edit");
                  attempted.set(i);
                  HttpResponse<String> r =
                      investigator.submit(
                          form,
                          Map.of("contactName", "Crash test " + i, "reason", "crash " + i),
                          "save");
                  if (r.statusCode() == 200 && r.body().contains("Saved.")) {
                    acknowledged.set(i);
                  }
                } catch (RuntimeException e) {
                  return; // the server is gone
                }
              }
            });
    writer.start();
    long until = System.nanoTime() + 120_000_000_000L;
    while (acknowledged.get() < 5 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(acknowledged.get())
        .as("saves acknowledged before the kill")
        .isGreaterThanOrEqualTo(5);
    server.crashAndRestart();
    writer.join(60_000);
    int ack = acknowledged.get();
    int inFlight = attempted.get();

    StaffSession after = CedarsSite.signedIn(server, "investigator.cedars");
    String stored = after.form(CedarsSite.EDIT, "edit").value("contactName");
    assertThat(stored)
        .as("acknowledged up to %d, attempted up to %d", ack, inFlight)
        .isIn("Crash test " + ack, "Crash test " + inFlight);

    StaffSession admin = CedarsSite.signedIn(server, "admin");
    HttpResponse<String> verified =
        admin.submit(admin.form("/admin/audit/index.xhtml", "chain"), Map.of(), "verify");
    assertThat(verified.body()).contains("The chain is intact");
    String trail =
        admin
            .get("/admin/audit/index.xhtml?actor=investigator.cedars&entity=" + CedarsSite.KEY)
            .body();
    for (int i = 0; i <= ack; i++) {
      assertThat(trail).as("audit entry of save %d", i).contains("crash " + i + "<");
    }
    System.out.printf(
        "CrashIT: SIGKILL after %d acknowledged saves (%d attempted); after restart the stored value"
            + " is save %s, every acknowledged save is in the audit trail, the chain is intact%n",
        ack + 1, inFlight + 1, stored.replace("Crash test ", ""));
  }
}
